import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { compareStrings } from '../tenant-spec/compare';

/** API calls made through one client since counting started. */
export interface CallCounts {
  /** Operations called (one per `send`, whatever the retries). */
  readonly total: number;
  /** Operations called, by operation name (`GetTenant`, ...), keys sorted. */
  readonly byOperation: Readonly<Record<string, number>>;
  /** HTTP requests sent, retries included. */
  readonly attempts: number;
}

/** A live counter of one client's calls. */
export interface CallCounter extends CallCounts {
  /** A frozen copy of the counts now. */
  snapshot(): CallCounts;
  /** Starts again from zero. */
  reset(): void;
}

const counters = new WeakMap<SESv2Client, CallCounter>();

function operationName(context: { commandName?: string }): string {
  return (context.commandName ?? 'Unknown').replace(/Command$/, '');
}

/**
 * Counts the calls a client makes (SDK middleware): operations at the initialize step, HTTP
 * attempts at the deserialize step (inside the retry loop). Counting the same client twice
 * returns the same counter.
 */
export function countCalls(client: SESv2Client): CallCounter {
  const existing = counters.get(client);
  if (existing) return existing;
  let byOperation: Record<string, number> = {};
  let total = 0;
  let attempts = 0;
  const sorted = (): Record<string, number> => Object.fromEntries(Object.entries(byOperation).sort(([a], [b]) => compareStrings(a, b)));
  const counter: CallCounter = {
    get total() {
      return total;
    },
    get byOperation() {
      return sorted();
    },
    get attempts() {
      return attempts;
    },
    snapshot: () => ({ total, byOperation: sorted(), attempts }),
    reset: () => {
      byOperation = {};
      total = 0;
      attempts = 0;
    },
  };
  client.middlewareStack.add(
    (next, context) => (args) => {
      const op = operationName(context);
      byOperation[op] = (byOperation[op] ?? 0) + 1;
      total++;
      return next(args);
    },
    { step: 'initialize', name: 'sesTenantsCallCounter', priority: 'high' },
  );
  client.middlewareStack.add(
    (next) => (args) => {
      attempts++;
      return next(args);
    },
    { step: 'deserialize', name: 'sesTenantsAttemptCounter', priority: 'low' },
  );
  counters.set(client, counter);
  return counter;
}
