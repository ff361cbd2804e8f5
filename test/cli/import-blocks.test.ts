import * as fs from 'fs';
import * as path from 'path';
import { CreateTenantCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { App } from 'cdktf';
import { TenantStack } from '../../src';
import { terraformImportBlocks } from '../../src/cli/import-blocks';
import { runCliProcess } from '../support/cli-process';
import { fakeCredentials } from '../support/emulator';
import { emulatorTerraformEnv } from '../support/emulator-terraform-env';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { runTerraform, describeWithTerraform } from '../support/terraform';
import { APP_ACCOUNT, APP_REGION, readLiveTenants, removeDir, tempDir, tenantIds } from '../support/tenant-app';

// `ses-tenants import --terraform-import-blocks FILE`: tenants made outside any stack, the CLI
// process writes the import blocks, a provider-backend stack declaring the same tenants gets the
// file next to its cdk.tf.json, and the real terraform adopts them (plan: imports), then plans no change.

const STACK = 'adopted';
const TENANTS = { acme: { team: 'payments' }, globex: { team: 'growth', tier: 'gold' } };

test('one import block per live tenant, by name, in name order', () => {
  expect(terraformImportBlocks({ tenants: { globex: {}, acme: {} } })).toEqual({
    import: [
      { to: 'sestenants_tenant.ses_tenant["acme"]', id: 'acme' },
      { to: 'sestenants_tenant.ses_tenant["globex"]', id: 'globex' },
    ],
  });
});

describeWithTerraform('ses-tenants import --terraform-import-blocks under the real terraform', () => {
  let root: string;
  let emu: EmulatorChild;
  let client: SESv2Client;

  beforeAll(async () => {
    root = tempDir('cli-import-blocks');
    emu = await startEmulatorChild([]);
    client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
    for (const [name, tags] of Object.entries(TENANTS)) {
      await client.send(new CreateTenantCommand({ TenantName: name, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
    }
  });
  afterAll(async () => {
    client?.destroy();
    await emu?.kill('SIGKILL');
    if (root) removeDir(root);
  });

  test('the blocks adopt every tenant: the plan imports both (0 to add, 0 to destroy), the apply keeps the TenantIds, then no changes', async () => {
    const blocksFile = path.join(root, 'import.tf.json');
    const ids = tenantIds(await readLiveTenants(client));
    const imported = await runCliProcess(['import', '--region', APP_REGION, '--out', path.join(root, 'app.ts'), '--terraform-import-blocks', blocksFile, '--endpoint', emu.url]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`Wrote the import blocks of 2 tenants to ${blocksFile}`);
    expect(JSON.parse(fs.readFileSync(blocksFile, 'utf8'))).toEqual(terraformImportBlocks({ tenants: TENANTS }));

    const app = new App({ outdir: path.join(root, 'cdktf.out') });
    const stack = new TenantStack(app, STACK, { region: APP_REGION, accountId: APP_ACCOUNT, backend: 'provider' });
    for (const [name, tags] of Object.entries(TENANTS)) stack.addTenant({ tenantName: name, tags, allowIncompleteSending: true, adopt: true });
    app.synth();
    const dir = path.join(root, 'cdktf.out', 'stacks', STACK);
    fs.copyFileSync(blocksFile, path.join(dir, 'import.tf.json'));
    const env = emulatorTerraformEnv(root, emu.url);
    const tf = (command: string, ...args: string[]) => runTerraform(dir, [command, '-input=false', '-no-color', ...args], { env });
    tf('init');

    const plan = tf('plan', '-out=adopt.tfplan');
    expect(plan.stdout).toMatch(/Plan: 2 to import, 0 to add, \d+ to change, 0 to destroy\./);
    for (const name of Object.keys(TENANTS)) expect(plan.stdout).toMatch(new RegExp(`sestenants_tenant.ses_tenant\\["${name}"\\] will be (imported|updated in-place\\n\\s*# \\(imported from "${name}"\\))`));
    tf('apply', 'adopt.tfplan');
    expect(tenantIds(await readLiveTenants(client))).toEqual(ids);

    const again = tf('plan', '-detailed-exitcode');
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  }, 300_000);
});
