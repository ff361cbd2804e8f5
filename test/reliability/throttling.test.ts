import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { runCliProcess } from '../support/cli-process';
import {
  generatedTenant,
  readLiveTenants,
  removeDir,
  seedGeneratedResources,
  synthTenantApp,
  tempDir,
  tenantName,
} from '../support/tenant-app';

// Fault: SES answers a quarter of all requests with 429 and enforces a request-rate limit.
// The CLI runs as a real child process; the live state is read back through the SDK.

const TENANTS = 500;
const THROTTLE = 0.25;
const RATE_LIMIT = 150;

describe('apply under throttling', () => {
  let emu: TestEmulator;
  let dir: string;
  const names = Array.from({ length: TENANTS }, (_, i) => tenantName(i));

  beforeAll(async () => {
    emu = await startTestEmulator();
    dir = tempDir('rel-throttle');
    await seedGeneratedResources(emu.client('eu-central-1'), names);
    synthTenantApp(dir, names.map((n) => generatedTenant(n)));
  });
  afterAll(async () => {
    await emu.stop();
    removeDir(dir);
  });

  test(`given ${TENANTS} tenants with 3 associations each and SES throttling 25% of requests plus a rate limit, apply converges, creates each tenant once, and the next plan is empty`, async () => {
    await emu.admin.setFaults({ throttleFraction: THROTTLE, rateLimit: RATE_LIMIT });
    await emu.admin.resetStats();

    const apply = await runCliProcess(['apply', '--app', dir, '--endpoint', emu.url, '--auto-approve']);
    expect(apply.stderr).not.toContain('Error');
    expect(apply.stdout).toContain(`Apply complete: ${TENANTS} created, 0 updated, 0 released, 0 deleted, 0 failed.`);
    expect(apply.code).toBe(0);

    const stats = await emu.admin.stats();
    // Both faults fired: a quarter of all requests, and more than that once the rate limit bit.
    expect(stats.throttled).toBeGreaterThan(Math.floor(stats.total * THROTTLE));
    // Every 429 was retried by the SDK: each tenant reached SES's CreateTenant exactly once, each association once.
    expect(stats.operations.CreateTenant - (stats.throttledByOperation.CreateTenant ?? 0)).toBe(TENANTS);
    expect(stats.operations.CreateTenantResourceAssociation - (stats.throttledByOperation.CreateTenantResourceAssociation ?? 0)).toBe(TENANTS * 3);
    expect(stats.operations.DeleteTenant).toBeUndefined();
    expect(stats.errors).toEqual({ TooManyRequestsException: stats.throttled });
    process.stdout.write(`throttling: ${TENANTS} tenants, ${stats.total} requests, ${stats.throttled} answered 429 (${JSON.stringify(stats.throttledByOperation)})\n`);

    const plan = await runCliProcess(['plan', '--app', dir, '--endpoint', emu.url, '--detailed-exitcode']);
    expect(plan.stdout).toContain(`Plan: 0 to create, 0 to update, 0 to release, 0 to delete, ${TENANTS} unchanged, 0 unmanaged.`);
    expect(plan.code).toBe(0);

    await emu.admin.setFaults({ throttleFraction: 0, rateLimit: null });
    const live = await readLiveTenants(emu.client('eu-central-1'));
    expect(Object.keys(live).sort()).toEqual(names);
    for (const n of names) expect(live[n].resources.map((r) => r.type)).toEqual(['configuration-set', 'identity', 'template']);
  }, 300_000); // about a minute here; headroom for a slower CI runner
});
