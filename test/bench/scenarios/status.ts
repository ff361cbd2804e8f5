import { readStacksStatus } from '../../../src/engine/status';
import { sesGateway } from '../../../src/aws/ses-gateway';
import { ENGINE_FAULTS, engineMeasurement, planAndApply, withFleetEmulator } from '../support/engine-run';
import { acceptedCalls } from '../support/emulator-process';
import { fleetTenantName, pagesOf } from '../support/fleet';
import { argN, runScenario, secondsSince } from '../support/result';

// `ses-tenants status` of a fleet of N applied tenants, 1 % of them paused by SES, against the
// emulator with 5 ms latency and a 200 requests/s rate limit (paced just under it). Measured twice:
// list pages only (`--no-owners`; floor: the ListReputationEntities pages, ceil(N/100)), and with
// owners (one ListTagsForResource per tenant on top). No GetTenant in either.

runScenario(() => {
  const n = argN(10_000);
  return withFleetEmulator(n, async ({ emulator, client, pacedClient, desired }) => {
    const pacedGateway = sesGateway(pacedClient);
    const seedStart = performance.now();
    const seeded = await planAndApply(client, desired);
    if (!seeded.result.ok) throw new Error(`seeding failed for ${seeded.result.counts.failed} tenants`);
    const paused = Math.max(1, Math.floor(n / 100));
    for (let i = 0; i < paused; i++) {
      await emulator.admin.setAwsManagedStatus({ region: desired.target.region, accountId: desired.target.account, tenantName: fleetTenantName(i * 100), status: 'DISABLED', cause: 'bench' });
    }
    const seedS = secondsSince(seedStart);
    await emulator.admin.setFaults(ENGINE_FAULTS);

    await emulator.admin.resetStats();
    const ownersStart = performance.now();
    const withOwners = await readStacksStatus([desired], () => pacedGateway, { owners: true });
    const ownersS = secondsSince(ownersStart);
    const ownersStats = await emulator.admin.stats();

    await emulator.admin.resetStats();
    const start = performance.now();
    const listOnly = await readStacksStatus([desired], () => pacedGateway, { owners: false });
    const wallS = secondsSince(start);
    const stats = await emulator.admin.stats();

    for (const report of [listOnly, withOwners]) {
      if (report.summary.tenants !== n || report.summary.pausedBySes !== paused) throw new Error(`status saw ${JSON.stringify(report.summary)}, expected ${n} tenants and ${paused} paused`);
    }
    return engineMeasurement('status', n, stats, wallS, {
      floorCalls: pagesOf(n),
      seedS,
      pausedBySes: paused,
      ownersCalls: acceptedCalls(ownersStats),
      ownersThrottled: ownersStats.throttled,
      ownersWallS: ownersS,
      ownersFloorCalls: pagesOf(n) + n,
      ownersOperations: JSON.stringify(ownersStats.operations),
    });
  });
});
