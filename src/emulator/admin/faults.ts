import { BadRequestException } from '../errors';

/** Fault injection settings, as `/_emulator/faults` shows and takes them. */
export interface FaultSettings {
  /** Milliseconds added before every SES request is answered. */
  latencyMs: number;
  /** Fraction (0..1) of SES requests answered with 429 TooManyRequestsException, spread evenly. */
  throttleFraction: number;
  /** Requests per second allowed per account and region before 429s, or null for no limit. */
  rateLimit: number | null;
  /** Requests the rate limiter lets through at once after an idle period. */
  burst: number;
}

/** Why a request was throttled. */
export type ThrottleReason = 'throttle-fraction' | 'rate-limit';

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/** The burst used when none is given: a tenth of a second's worth, at least one request. */
export function defaultBurst(rateLimit: number | null): number {
  return rateLimit === null ? 0 : Math.max(1, Math.ceil(rateLimit / 10));
}

/**
 * Decides, per SES request, whether to throttle it (fraction, then token bucket) and how long to delay
 * it. A throttle fraction f answers exactly floor(n * f) of the first n SES requests with 429
 * (deterministic, evenly spread) so tests and benchmarks can count them; the rate limit is one token
 * bucket per account and region, as SES quotas are.
 */
export class FaultInjector {
  private current: FaultSettings;
  private seen = 0;
  private readonly buckets = new Map<string, Bucket>();

  /** @param initial starting settings; omitted members mean no fault */
  constructor(initial: Partial<FaultSettings> = {}) {
    this.current = { latencyMs: 0, throttleFraction: 0, rateLimit: null, burst: 0 };
    this.update(initial);
  }

  /** The settings in force. */
  get settings(): Readonly<FaultSettings> {
    return this.current;
  }

  /** Changes some settings; validates them first and restarts the throttling counters. */
  update(change: Partial<FaultSettings>): Readonly<FaultSettings> {
    const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<FaultSettings>;
    const next: FaultSettings = { ...this.current, ...given };
    if (!(Number.isFinite(next.latencyMs) && next.latencyMs >= 0)) {
      throw new BadRequestException(`latencyMs must be a number >= 0, got ${next.latencyMs}`);
    }
    if (!(Number.isFinite(next.throttleFraction) && next.throttleFraction >= 0 && next.throttleFraction <= 1)) {
      throw new BadRequestException(`throttleFraction must be between 0 and 1, got ${next.throttleFraction}`);
    }
    if (next.rateLimit !== null && !(Number.isFinite(next.rateLimit) && next.rateLimit > 0)) {
      throw new BadRequestException(`rateLimit must be a number > 0 or null, got ${next.rateLimit}`);
    }
    if (next.rateLimit === null) next.burst = 0;
    else if (given.burst === undefined && (given.rateLimit !== undefined || this.current.burst === 0)) {
      next.burst = defaultBurst(next.rateLimit);
    }
    if (!(Number.isFinite(next.burst) && next.burst >= (next.rateLimit === null ? 0 : 1))) {
      throw new BadRequestException(`burst must be a number >= 1, got ${next.burst}`);
    }
    this.current = next;
    this.seen = 0;
    this.buckets.clear();
    return this.current;
  }

  /** Whether to throttle the next SES request of this account and region, and why. */
  decide(scope: string, now: number = performance.now()): ThrottleReason | undefined {
    const fraction = this.current.throttleFraction;
    if (fraction > 0) {
      this.seen += 1;
      if (Math.floor(this.seen * fraction + 1e-9) > Math.floor((this.seen - 1) * fraction + 1e-9)) return 'throttle-fraction';
    }
    const rate = this.current.rateLimit;
    if (rate === null) return undefined;
    let bucket = this.buckets.get(scope);
    if (bucket === undefined) {
      bucket = { tokens: this.current.burst, refilledAt: now };
      this.buckets.set(scope, bucket);
    }
    bucket.tokens = Math.min(this.current.burst, bucket.tokens + ((now - bucket.refilledAt) / 1000) * rate);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) return 'rate-limit';
    bucket.tokens -= 1;
    return undefined;
  }
}
