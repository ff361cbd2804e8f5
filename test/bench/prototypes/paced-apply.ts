import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { SES_DEFAULT_POLICY } from '../../../src/engine';
import { ENGINE_FAULTS, describeThroughput, engineMeasurement, planAndApply, sampleThroughput, withFleetEmulator } from '../support/engine-run';
import { initialApplyFloorCalls } from '../support/fleet';
import { argN, runScenario, secondsSince } from '../support/result';

// Prototype for the engine: the initial apply of scenario 3 with every SES request (retries
// included) paced client-side to just under the rate limit, so that no 429 is provoked. Compare
// its calls and wall time with the `initial-apply` row (`npm run bench -- --scenario initial-apply,paced-apply`).

/** Requests per second the prototype paces to: 97.5% of the emulator's limit. */
const PACED_RPS = ENGINE_FAULTS.rateLimit * 0.975;
/** Requests the pacer lets through at once (the emulator's bucket holds 20). */
const PACED_BURST = 10;

/** Adds a token bucket in front of every attempt the client sends (the SDK's finalizeRequest step). */
export function paceClient(client: SESv2Client, rps: number, burst: number): void {
  let tokens = burst;
  let refilledAt = performance.now();
  let queue = Promise.resolve();
  const take = (): Promise<void> => {
    queue = queue.then(async () => {
      for (;;) {
        const now = performance.now();
        tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * rps);
        refilledAt = now;
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / rps) * 1000)));
      }
    });
    return queue;
  };
  client.middlewareStack.add(
    (next) => async (args) => {
      await take();
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchPacer' },
  );
}

runScenario(() => {
  const n = argN(10_000);
  return withFleetEmulator(n, async ({ emulator, client, desired }) => {
    paceClient(client, PACED_RPS, PACED_BURST);
    await emulator.admin.setFaults(ENGINE_FAULTS);
    await emulator.admin.resetStats();
    const sampler = sampleThroughput(emulator);
    const start = performance.now();
    const { result } = await planAndApply(client, desired);
    const wallS = secondsSince(start);
    const throughput = describeThroughput(await sampler.stop(), ENGINE_FAULTS.rateLimit);
    const stats = await emulator.admin.stats();
    return engineMeasurement('paced-apply', n, stats, wallS, { floorCalls: initialApplyFloorCalls(desired, SES_DEFAULT_POLICY), failedTenants: result.counts.failed, pacedRps: PACED_RPS, ...throughput });
  });
});
