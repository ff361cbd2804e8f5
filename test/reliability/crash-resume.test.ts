import { CreateTenantCommand, CreateTenantResourceAssociationCommand } from '@aws-sdk/client-sesv2';
import { MANAGED_BY_TAG } from '../../src/tenant-spec';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { runCliProcess, spawnCli } from '../support/cli-process';
import { killAtWriteCount, writeCount } from '../support/kill-points';
import {
  appArn,
  appMarker,
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  synthTenantApp,
  tempDir,
  tenantIds,
  tenantName,
} from '../support/tenant-app';

// Fault: the `ses-tenants apply` process is SIGKILLed at 10 points spread over one apply of 300
// tenants (creates, associations, settings), each point a count of write requests the emulator has
// received. After every kill, apply runs again from scratch.

const TENANTS = 300;
const KILLS = 10;
const UNMANAGED = ['legacy-a', 'legacy-b', 'other-app-tenant'];

describe('apply killed with SIGKILL and run again', () => {
  let emu: TestEmulator;
  let dir: string;
  const names = Array.from({ length: TENANTS }, (_, i) => tenantName(i));
  const client = () => emu.client('eu-central-1');

  beforeAll(async () => {
    emu = await startTestEmulator();
    dir = tempDir('rel-crash');
    await seedGeneratedResources(client(), names);
    // Tenants outside the app: no marker, and one marked by another app's stack.
    await client().send(new CreateTenantCommand({ TenantName: 'legacy-a', Tags: [{ Key: 'owner', Value: 'ops' }] }));
    await client().send(new CreateTenantResourceAssociationCommand({ TenantName: 'legacy-a', ResourceArn: appArn('configuration-set/shared') }));
    await client().send(new CreateTenantCommand({ TenantName: 'legacy-b' }));
    await client().send(new CreateTenantCommand({ TenantName: 'other-app-tenant', Tags: [{ Key: MANAGED_BY_TAG, Value: 'other-app' }] }));
    // A third strict, a sixth paused: the apply has a settings phase after creates and associations.
    synthTenantApp(
      dir,
      names.map((n, i) => generatedTenant(n, { reputationPolicy: i % 3 === 0 ? 'strict' : 'standard', sendingStatus: i % 6 === 1 ? 'disabled' : 'enabled' })),
    );
    // A fixed latency keeps each request long enough for the test to kill at a precise count.
    await emu.admin.setFaults({ latencyMs: 2 });
    await emu.admin.resetStats();
  });
  afterAll(async () => {
    await emu.stop();
    removeDir(dir);
  });

  test(`given ${TENANTS} tenants, ${KILLS} kills spread over the apply leave no duplicate, no lost association and no outside tenant touched`, async () => {
    const outside = Object.fromEntries(Object.entries(await readLiveTenants(client())).filter(([n]) => UNMANAGED.includes(n)));
    expect(Object.keys(outside).sort()).toEqual(UNMANAGED);
    // Writes of an uninterrupted apply: 300 creates, 900 associations, 100 policies, 50 statuses.
    const expectedWrites = TENANTS + TENANTS * 3 + TENANTS / 3 + TENANTS / 6;
    const seenIds: Record<string, string> = {};
    const killedAt: number[] = [];

    for (let k = 1; k <= KILLS; k++) {
      const threshold = Math.round((expectedWrites * k) / (KILLS + 1));
      const run = await killAtWriteCount(emu.admin, spawnCli(['apply', '--app', dir, '--endpoint', emu.url, '--auto-approve']), threshold);
      // Given the apply was killed mid-way (not finished, not failed on its own) ...
      expect({ kill: k, signal: run.signal, stderr: run.stderr.includes('Error') ? run.stderr : '' }).toEqual({ kill: k, signal: 'SIGKILL', stderr: '' });
      killedAt.push(writeCount(await emu.admin.stats()));
      // ... then every tenant that existed before keeps its TenantId (nothing was deleted and re-created).
      const ids = tenantIds(await readLiveTenants(client()));
      for (const [name, id] of Object.entries(seenIds)) expect({ name, id: ids[name] }).toEqual({ name, id });
      Object.assign(seenIds, ids);
    }

    // An interrupted apply is not drift: the tenants it left half-done read as unfinished.
    const interrupted = await runCliProcess(['plan', '--app', dir, '--endpoint', emu.url]);
    expect(interrupted.stdout).toContain('[unfinished: an earlier apply was interrupted before its last step]');
    expect(interrupted.stdout).not.toContain('[drift');
    const drift = await runCliProcess(['drift', '--app', dir, '--endpoint', emu.url]);
    expect({ code: drift.code, stdout: drift.stdout }).toEqual({ code: 0, stdout: 'No drift. Every managed tenant matches the spec last applied to it.\n' });

    const final = await runCliProcess(['apply', '--app', dir, '--endpoint', emu.url, '--auto-approve']);
    expect(final.code).toBe(0);
    expect(final.stdout).toMatch(/Apply complete: \d+ created, \d+ updated, 0 released, 0 deleted, 0 failed\./);
    const plan = await runCliProcess(['plan', '--app', dir, '--endpoint', emu.url, '--detailed-exitcode']);
    expect(plan.stdout).toContain(`Plan: 0 to create, 0 to update, 0 to release, 0 to delete, ${TENANTS} unchanged, 3 unmanaged.`);
    expect(plan.code).toBe(0);

    const live = await readLiveTenants(client());
    expect(Object.keys(live).sort()).toEqual([...UNMANAGED, ...names].sort());
    for (const [name, id] of Object.entries(seenIds)) expect({ name, id: live[name].id }).toEqual({ name, id });
    names.forEach((n, i) => {
      expect({ n, resources: live[n].resources.map((r) => r.arn) }).toEqual({
        n,
        resources: [appArn('configuration-set/shared'), appArn(`identity/${n}.example.com`), appArn('template/welcome')],
      });
      expect({ n, policy: live[n].reputationPolicy, status: live[n].customerStatus, by: live[n].tags[MANAGED_BY_TAG] }).toEqual({
        n,
        policy: i % 3 === 0 ? 'strict' : 'standard',
        status: i % 6 === 1 ? 'DISABLED' : 'ENABLED',
        by: appMarker('rel'),
      });
    });
    for (const name of UNMANAGED) expect(live[name]).toEqual(outside[name]);

    const stats = await emu.admin.stats();
    expect(stats.operations.DeleteTenant).toBeUndefined();
    expect(stats.operations.DeleteTenantResourceAssociation).toBeUndefined();
    // CreateTenant succeeded once per tenant; any other CreateTenant request answered AlreadyExists.
    expect(stats.operations.CreateTenant - (stats.errors.AlreadyExistsException ?? 0)).toBe(TENANTS);
    process.stdout.write(
      `crash/resume: ${TENANTS} tenants, ${KILLS} kills at write counts ${killedAt.join(', ')}; ${stats.total} requests, ` +
        `CreateTenant ${stats.operations.CreateTenant}, AlreadyExists ${stats.errors.AlreadyExistsException ?? 0}\n`,
    );
  }, 300_000); // about 35 s here; headroom for a slower CI runner
});
