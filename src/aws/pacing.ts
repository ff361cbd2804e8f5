import type { SESv2Client } from '@aws-sdk/client-sesv2';

/** How fast a client may send. */
export interface Pace {
  /** Requests (attempts, retries included) per second. */
  readonly requestsPerSecond: number;
  /** Requests that may go at once after a pause. @default 10 */
  readonly burst?: number;
}

/**
 * Puts a token bucket in front of every attempt the client sends (the SDK's finalizeRequest step,
 * so retries are paced too). With the account's SES rate limit known, this keeps the client just
 * under it: no 429 is provoked, so no call is wasted and no backoff stalls the run. The SDK's own
 * adaptive mode learns the rate from 429s instead and, under steady throttling, sinks to 0.5
 * requests per second (measured in test/reliability); p-limit bounds concurrency, not rate.
 */
export function paceRequests(client: SESv2Client, pace: Pace): void {
  const rps = pace.requestsPerSecond;
  if (!(rps > 0)) throw new RangeError(`requestsPerSecond must be positive (got ${rps})`);
  const burst = Math.max(1, pace.burst ?? 10);
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
    { step: 'finalizeRequest', name: 'sesTenantsPacer' },
  );
}
