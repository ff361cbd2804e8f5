import { sesGateway } from '../../../src/aws/ses-gateway';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { applyPlan, computePlan, readLiveRegion, type ApplyResult, type DesiredStack, type Plan } from '../../../src/engine';
import type { EmulatorStats } from '../../../src/emulator';
import { acceptedCalls, benchClient, createSendingResources, startEmulatorProcess, type EmulatorProcess } from './emulator-process';
import { peakMb, type BenchMeasurement } from './result';
import { FLEET_TARGET, SHARED_CONFIGURATION_SET, fleetDesired, fleetIdentity } from './fleet';

/** Rate limit (requests per second) and added latency (ms) of the emulator in the engine scenarios. */
export const ENGINE_FAULTS = { rateLimit: 200, latencyMs: 5 } as const;

/** `--max-rps` of the measured runs: just under the emulator's limit, as a user sets it under the account's. */
export const PACED_RPS = ENGINE_FAULTS.rateLimit * 0.975;

/** Reads the live region of a desired stack and plans against it, as `ses-tenants plan` does. */
export async function planFleet(client: SESv2Client, desired: DesiredStack): Promise<Plan> {
  const live = await readLiveRegion(sesGateway(client), desired.target);
  return computePlan([desired], [live]);
}

/** Plans and applies a desired stack, as `ses-tenants apply` does. */
export async function planAndApply(client: SESv2Client, desired: DesiredStack): Promise<{ plan: Plan; result: ApplyResult }> {
  const plan = await planFleet(client, desired);
  const result = await applyPlan(plan, () => sesGateway(client));
  return { plan, result };
}

/** An emulator process holding the sending resources of a fleet, with the project's client and the fleet's desired state. */
export interface FleetEmulator {
  /** The emulator process. */
  readonly emulator: EmulatorProcess;
  /** The project's SES client pointed at it. */
  readonly client: SESv2Client;
  /** The same client paced at PACED_RPS, for the measured runs. */
  readonly pacedClient: SESv2Client;
  /** The fleet's desired state. */
  readonly desired: DesiredStack;
}

/**
 * Starts an emulator process (quota raised to `n`), creates the identities and configuration set
 * a fleet of `n` tenants associates with (not measured), runs `body`, then stops the emulator.
 */
export async function withFleetEmulator<T>(n: number, body: (fleet: FleetEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulatorProcess(['--tenant-quota', String(Math.max(n, 10_000))]);
  const client = benchClient(emulator.url, FLEET_TARGET.region);
  const pacedClient = benchClient(emulator.url, FLEET_TARGET.region, PACED_RPS);
  try {
    await createSendingResources(client, Array.from({ length: n }, (_, i) => fleetIdentity(i)), [SHARED_CONFIGURATION_SET]);
    return await body({ emulator, client, pacedClient, desired: fleetDesired(n) });
  } finally {
    client.destroy();
    pacedClient.destroy();
    await emulator.stop();
  }
}

/** The measurement of an engine scenario: accepted calls and 429s from the emulator's stats, this process's peak memory. */
export function engineMeasurement(scenario: string, n: number, stats: EmulatorStats, wallS: number, extra: BenchMeasurement['extra']): BenchMeasurement {
  return {
    scenario,
    n,
    apiCalls: acceptedCalls(stats),
    throttled: stats.throttled,
    wallS,
    peakMb: peakMb(),
    extra: { ...extra, floorWallS: acceptedCalls(stats) / ENGINE_FAULTS.rateLimit, operations: JSON.stringify(stats.operations) },
  };
}

/** Accepted SES requests per second, sampled from the emulator's stats while a measurement runs. */
export interface ThroughputSampler {
  /** Stops sampling; answers requests per second for each interval, and the intervals' length in seconds. */
  stop(): Promise<{ rps: number[]; intervalS: number }>;
}

/** Polls `/_emulator/stats` every `intervalMs` (admin requests are not counted as SES calls). */
export function sampleThroughput(emulator: EmulatorProcess, intervalMs = 1000): ThroughputSampler {
  const rps: number[] = [];
  let last: number | undefined;
  let stopped = false;
  const poll = async (): Promise<void> => {
    while (!stopped) {
      const accepted = acceptedCalls(await emulator.admin.stats());
      if (last !== undefined) rps.push(((accepted - last) * 1000) / intervalMs);
      last = accepted;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
  const running = poll();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return { rps, intervalS: intervalMs / 1000 };
    },
  };
}

/** A throughput series in a few numbers: intervals under half the rate limit, and 5-interval means. */
export function describeThroughput(series: { rps: number[]; intervalS: number }, limit: number): Record<string, string | number> {
  const means: number[] = [];
  for (let i = 0; i < series.rps.length; i += 5) {
    const chunk = series.rps.slice(i, i + 5);
    means.push(Math.round(chunk.reduce((a, b) => a + b, 0) / chunk.length));
  }
  return {
    slowIntervalsS: series.rps.filter((r) => r < limit / 2).length * series.intervalS,
    meanRps: Math.round(series.rps.reduce((a, b) => a + b, 0) / Math.max(1, series.rps.length)),
    rpsBy5s: means.join(' '),
  };
}
