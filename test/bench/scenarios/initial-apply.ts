import { SES_DEFAULT_POLICY } from '../../../src/engine';
import { ENGINE_FAULTS, describeThroughput, engineMeasurement, sampleThroughput, planAndApply, withFleetEmulator } from '../support/engine-run';
import { initialApplyFloorCalls } from '../support/fleet';
import { argN, runScenario, secondsSince } from '../support/result';

// Scenario 3: initial apply of N tenants with 2 associations each against the emulator with 5 ms
// latency and a 200 requests/s rate limit. Floor: one CreateTenant per tenant, one association
// call per association, one policy or status call where the spec differs from SES's default, and
// the plan's reads (one empty page each of ListTenants and ListReputationEntities). The client is
// paced just under the limit (`--max-rps`), so it provokes no 429.

runScenario(() => {
  const n = argN(10_000);
  return withFleetEmulator(n, async ({ emulator, pacedClient, desired }) => {
    await emulator.admin.setFaults(ENGINE_FAULTS);
    await emulator.admin.resetStats();
    const sampler = sampleThroughput(emulator);
    const start = performance.now();
    const { plan, result } = await planAndApply(pacedClient, desired);
    const wallS = secondsSince(start);
    const throughput = describeThroughput(await sampler.stop(), ENGINE_FAULTS.rateLimit);
    const stats = await emulator.admin.stats();
    return engineMeasurement('initial-apply', n, stats, wallS, {
      floorCalls: initialApplyFloorCalls(desired, SES_DEFAULT_POLICY),
      failedTenants: result.counts.failed,
      created: result.counts.created,
      planned: plan.summary.create,
      errors: JSON.stringify(stats.errors),
      ...throughput,
    });
  });
});
