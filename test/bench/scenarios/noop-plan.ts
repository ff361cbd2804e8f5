import { planIsEmpty } from '../../../src/engine';
import { ENGINE_FAULTS, describeThroughput, engineMeasurement, sampleThroughput, planAndApply, planFleet, withFleetEmulator } from '../support/engine-run';
import { pagesOf } from '../support/fleet';
import { argN, runScenario, secondsSince } from '../support/result';

// Scenario 2: a no-op plan of N tenants (live equals desired) against the emulator with 5 ms latency
// and a 200 requests/s rate limit. The live state is seeded by one apply with no faults, then the
// faults are switched on for the measured plan. Floor: one GetTenant and one ListTenantResources
// per tenant plus the pages of ListTenants and ListReputationEntities. The measured plan is paced
// just under the limit (`--max-rps`), so it provokes no 429.

runScenario(() => {
  const n = argN(10_000);
  return withFleetEmulator(n, async ({ emulator, client, pacedClient, desired }) => {
    const seedStart = performance.now();
    const seeded = await planAndApply(client, desired);
    if (!seeded.result.ok) throw new Error(`seeding failed for ${seeded.result.counts.failed} tenants`);
    const seedS = secondsSince(seedStart);
    await emulator.admin.setFaults(ENGINE_FAULTS);
    await emulator.admin.resetStats();
    const sampler = sampleThroughput(emulator);
    const start = performance.now();
    const plan = await planFleet(pacedClient, desired);
    const wallS = secondsSince(start);
    const throughput = describeThroughput(await sampler.stop(), ENGINE_FAULTS.rateLimit);
    const stats = await emulator.admin.stats();
    if (!planIsEmpty(plan)) throw new Error(`the plan of an applied fleet is not empty: ${JSON.stringify(plan.summary)}`);
    return engineMeasurement('noop-plan', n, stats, wallS, { floorCalls: 2 * n + 2 * pagesOf(n), seedS, ...throughput });
  });
});
