/**
 * What a benchmark scenario measures, printed by its child process as one `BENCH_RESULT <json>`
 * line on stdout; `scripts/bench.js` collects the lines, pairs scenarios with their floors and
 * prints the table.
 */
export interface BenchMeasurement {
  /** Scenario or floor name, as `--scenario` selects it. */
  readonly scenario: string;
  /** Tenants (or invocations) measured. */
  readonly n: number;
  /** SES API calls the emulator accepted while measuring (injected 429s not included). @default - not an API scenario */
  readonly apiCalls?: number;
  /** Injected 429 answers while measuring (each one a retried call). @default - none */
  readonly throttled?: number;
  /** Wall seconds of the measured part. */
  readonly wallS: number;
  /** Peak resident memory of the measuring process, MB. */
  readonly peakMb: number;
  /** Scenario-specific numbers and facts (floor calls, bytes, failures, medians). @default - none */
  readonly extra?: Readonly<Record<string, number | string | boolean>>;
}

/** Prefix of the result line. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Peak resident memory of this process so far, MB. */
export function peakMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Seconds since `start` (a `performance.now()` value). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Prints the result line for the runner. */
export function report(m: BenchMeasurement): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(m)}\n`);
}

/** Runs a scenario's main: reports its measurement, or prints the error and exits 1. */
export function runScenario(main: () => Promise<BenchMeasurement> | BenchMeasurement): void {
  Promise.resolve()
    .then(main)
    .then(
      (m) => {
        report(m);
        process.exit(0);
      },
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
      },
    );
}

/** The `n` argument of a scenario process (`node scenario.js N`). */
export function argN(fallback: number): number {
  const raw = process.argv[2];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive tenant count, got ${raw}`);
  return n;
}
