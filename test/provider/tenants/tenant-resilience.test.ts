import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { fakeCredentials } from '../../support/emulator';
import { startEmulatorChild, type EmulatorChild } from '../../support/emulator-process';
import { writeCount } from '../../support/kill-points';
import { APP_ACCOUNT, APP_REGION, appArn, readLiveTenants, removeDir, seedGeneratedResources, tempDir } from '../../support/tenant-app';
import { runTerraform, describeWithTerraform } from '../../support/terraform';
import { emulatorTerraformEnv, installProviderFile, providerBlocks, terraformArgs } from '../install-provider';

// The provider when things go wrong: terraform SIGKILLed in the middle of an apply (the
// provider processes it started must go too, and the next apply must converge without a
// duplicate), and an SES that answers a quarter of the requests with 429.

const BUNDLE = path.join(__dirname, '..', '..', '..', 'dist', 'terraform-provider-sestenants.js');
const NAMES = ['t-a', 't-b', 't-c', 't-d', 't-e', 't-f'];

function workspace(emu: EmulatorChild): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir('sestenants-resilience');
  installProviderFile(dir, BUNDLE, { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
  const tenants = NAMES.map(
    (name) =>
      `resource "sestenants_tenant" "${name}" {\n  name = "${name}"\n  resource_associations = ["${appArn(`identity/${name}.example.com`)}", "${appArn('configuration-set/shared')}"]\n  tags = { team = "${name}" }\n}`,
  );
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    [
      providerBlocks(emu.url, { region: APP_REGION, account: APP_ACCOUNT }),
      ...tenants,
    ].join('\n'),
  );
  const env = emulatorTerraformEnv(dir);
  runTerraform(dir, terraformArgs(['init']), { env });
  return { dir, env };
}

function providerPids(dir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(path.join(dir, 'terraform.d'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describeWithTerraform('sestenants under failures', () => {
  test('terraform SIGKILLed mid-apply: its providers exit, and the next apply converges with one tenant per name', async () => {
    const emu = await startEmulatorChild(['--latency', '40']);
    const client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    const { dir, env } = workspace(emu);
    try {
      await seedGeneratedResources(client, NAMES);
      await emu.admin.resetStats();
      const child = spawn('terraform', terraformArgs(['apply', '-auto-approve']), { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, stdio: 'ignore' });
      const ended = new Promise((resolve) => child.on('exit', resolve));
      let killed = false;
      for (let done = false; !done; ) {
        if (writeCount(await emu.admin.stats()) >= 5) {
          child.kill('SIGKILL');
          killed = true;
        }
        done = killed || child.exitCode !== null;
        await new Promise((r) => setTimeout(r, 5));
      }
      await ended;
      expect(killed).toBe(true);
      const deadline = Date.now() + 5000;
      while (providerPids(dir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(providerPids(dir)).toEqual([]);

      const rerun = runTerraform(dir, terraformArgs(['apply', '-auto-approve']), { env });
      expect(rerun.stdout).toContain('Apply complete!');
      const live = await readLiveTenants(client);
      expect(Object.keys(live).sort()).toEqual(NAMES);
      for (const name of NAMES) expect(live[name].resources).toHaveLength(2);
      expect(runTerraform(dir, terraformArgs(['plan', '-detailed-exitcode']), { env }).code).toBe(0);
    } finally {
      client.destroy();
      await emu.kill('SIGKILL');
      removeDir(dir);
    }
  });

  test('with 25% of requests throttled, apply converges with one CreateTenant per tenant', async () => {
    const emu = await startEmulatorChild(['--throttle', '0.25']);
    const client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials(), maxAttempts: 10 });
    const { dir, env } = workspace(emu);
    try {
      await seedGeneratedResources(client, NAMES);
      await emu.admin.resetStats();
      runTerraform(dir, terraformArgs(['apply', '-auto-approve']), { env });
      const stats = await emu.admin.stats();
      expect(stats.throttled).toBeGreaterThan(0);
      // Every CreateTenant that was not answered 429 created its tenant: none ran twice.
      expect(stats.operations.CreateTenant - (stats.throttledByOperation.CreateTenant ?? 0)).toBe(NAMES.length);
      expect(stats.errors.AlreadyExistsException ?? 0).toBe(0);
      const live = await readLiveTenants(client);
      expect(Object.keys(live).sort()).toEqual(NAMES);
      expect(runTerraform(dir, terraformArgs(['plan', '-detailed-exitcode']), { env }).code).toBe(0);
    } finally {
      client.destroy();
      await emu.kill('SIGKILL');
      removeDir(dir);
    }
  });
});
