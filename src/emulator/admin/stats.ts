/** Request counts, as `/_emulator/stats` shows them. */
export interface EmulatorStats {
  /** SES requests received (admin requests are not counted). */
  total: number;
  /** SES requests received by operation name, including throttled and failed ones. */
  operations: Record<string, number>;
  /** Requests answered with an injected 429 (throttle fraction or rate limit). */
  throttled: number;
  /** Injected 429s by operation name. */
  throttledByOperation: Record<string, number>;
  /** Error answers by error code, injected 429s included. */
  errors: Record<string, number>;
  /** Requests that were delayed by injected latency. */
  delayed: number;
  /** Sum of the injected latency, milliseconds. */
  injectedLatencyMs: number;
  /** State file writes (group commits) and their cost, when a state file is used. */
  persistence: {
    /** Journal flushes (group commits). */
    flushes: number;
    /** Snapshots written because the journal outgrew the threshold. */
    compactions: number;
    /** Writes acknowledged after a flush. */
    writesAcknowledged: number;
    /** Bytes written to the journal and snapshots. */
    bytesWritten: number;
    /** Sum of flush wall times, milliseconds. */
    flushMsTotal: number;
    /** Longest flush, milliseconds. */
    flushMsMax: number;
  };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Counts what the emulator served; reset by `POST /_emulator/stats/reset`. */
export class StatsRecorder {
  private stats = StatsRecorder.empty();

  private static empty(): EmulatorStats {
    return {
      total: 0,
      operations: {},
      throttled: 0,
      throttledByOperation: {},
      errors: {},
      delayed: 0,
      injectedLatencyMs: 0,
      persistence: { flushes: 0, compactions: 0, writesAcknowledged: 0, bytesWritten: 0, flushMsTotal: 0, flushMsMax: 0 },
    };
  }

  /** Counts one SES request. */
  request(operation: string): void {
    this.stats.total += 1;
    bump(this.stats.operations, operation);
  }

  /** Counts one injected 429. */
  throttled(operation: string): void {
    this.stats.throttled += 1;
    bump(this.stats.throttledByOperation, operation);
  }

  /** Counts one error answer. */
  error(code: string): void {
    bump(this.stats.errors, code);
  }

  /** Counts one delayed request. */
  delayed(ms: number): void {
    this.stats.delayed += 1;
    this.stats.injectedLatencyMs += ms;
  }

  /** Counts one journal flush covering `writes` acknowledged requests. */
  flushed(writes: number, bytes: number, ms: number, compacted: boolean): void {
    const p = this.stats.persistence;
    p.flushes += 1;
    if (compacted) p.compactions += 1;
    p.writesAcknowledged += writes;
    p.bytesWritten += bytes;
    p.flushMsTotal += ms;
    p.flushMsMax = Math.max(p.flushMsMax, ms);
  }

  /** A copy of the counts. */
  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  /** Starts counting from zero. */
  reset(): void {
    this.stats = StatsRecorder.empty();
  }
}
