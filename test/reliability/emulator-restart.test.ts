import * as path from 'path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { fakeCredentials } from '../support/emulator';
import { runCliProcess, spawnCli } from '../support/cli-process';
import { startEmulatorChild, type EmulatorChild } from '../support/emulator-process';
import { writeCount } from '../support/kill-points';
import {
  appArn,
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  synthTenantApp,
  tempDir,
  tenantIds,
  tenantName,
} from '../support/tenant-app';

// Fault: the SES endpoint itself dies (the emulator, SIGKILL) in the middle of an apply and comes
// back on the same port from its state file.

const TENANTS = 100;

describe('emulator killed during an apply and restarted from --state', () => {
  let dir: string;
  let emu: EmulatorChild | undefined;
  const names = Array.from({ length: TENANTS }, (_, i) => tenantName(i));
  const clientOf = (e: EmulatorChild) => new SESv2Client({ region: 'eu-central-1', endpoint: e.url, credentials: fakeCredentials(), maxAttempts: 1 });

  beforeAll(() => {
    dir = tempDir('rel-restart');
    synthTenantApp(path.join(dir, 'out'), names.map((n) => generatedTenant(n)));
  });
  afterAll(async () => {
    await emu?.kill('SIGKILL');
    removeDir(dir);
  });

  test(`given an apply of ${TENANTS} tenants, SIGKILL of SES half-way and a restart from the state file, the next apply converges without re-creating any tenant`, async () => {
    const stateFile = path.join(dir, 'ses-state.json');
    emu = await startEmulatorChild(['--state', stateFile, '--latency', '3']);
    const port = emu.port;
    await seedGeneratedResources(clientOf(emu), names);
    await emu.admin.resetStats();

    const first = spawnCli(['apply', '--app', path.join(dir, 'out'), '--endpoint', emu.url, '--auto-approve']);
    const half = (TENANTS * 4) / 2;
    while (writeCount(await emu.admin.stats()) < half) await new Promise((r) => setTimeout(r, 2));
    await emu.kill('SIGKILL');

    // When SES comes back from its state file, what it acknowledged before the kill is there: apply
    // runs its phases in order, so every CreateTenant was answered before the associations began.
    emu = await startEmulatorChild(['--port', String(port), '--state', stateFile]);
    const restoredIds = tenantIds(await readLiveTenants(clientOf(emu)));
    expect(Object.keys(restoredIds).sort()).toEqual(names);
    // The interrupted apply retries into the restarted endpoint or reports failures; either way it ends.
    const interrupted = await first.done;
    expect(interrupted.signal).toBeNull();

    const again = await runCliProcess(['apply', '--app', path.join(dir, 'out'), '--endpoint', emu.url, '--auto-approve']);
    expect(again.code).toBe(0);
    const plan = await runCliProcess(['plan', '--app', path.join(dir, 'out'), '--endpoint', emu.url, '--detailed-exitcode']);
    expect(plan.stdout).toContain(`Plan: 0 to create, 0 to update, 0 to release, 0 to delete, ${TENANTS} unchanged, 0 unmanaged.`);
    expect(plan.code).toBe(0);

    const live = await readLiveTenants(clientOf(emu));
    expect(Object.keys(live).sort()).toEqual(names);
    for (const [name, id] of Object.entries(restoredIds)) expect({ name, id: live[name].id }).toEqual({ name, id });
    for (const n of names) {
      expect(live[n].resources.map((r) => r.arn)).toEqual([appArn('configuration-set/shared'), appArn(`identity/${n}.example.com`), appArn('template/welcome')]);
    }
    const stats = await emu.admin.stats();
    expect(stats.operations.DeleteTenant).toBeUndefined();
    process.stdout.write(
      `emulator restart: ${TENANTS} tenants; killed after ${half} writes; ${Object.keys(restoredIds).length} tenants restored from the state file; ` +
        `interrupted apply exit ${interrupted.code}; after restart ${stats.total} requests\n`,
    );
  });
});
