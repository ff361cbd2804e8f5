import { readDesiredState } from '../engine/synth-output';
import { ownerMarker } from '../tenant-spec/ownership';
import type { DesiredStack, LiveRegion, Plan } from '../engine/model';
import { computePlan } from '../engine/fleet-plan';
import { progress } from './progress';
import { SesSession } from './session';
import type { SesOptions } from './session';
import { resolveSynthDir } from './synth-dir';

/** Options of the commands that plan. */
export interface PlanningOptions extends SesOptions {
  /** Synth output (cdktf.out) or a cdktf project directory. */
  readonly app: string;
  /** Stacks to plan; all when empty. */
  readonly stack?: string[];
  /** No progress output. @default false */
  readonly quiet?: boolean;
  /** Tenants to take over although another app or stack manages them, or nobody does (`--adopt NAME`). */
  readonly adopt?: string[];
}

/** A computed plan and what it was computed from. */
export interface Planned {
  /** Desired state of the selected stacks. */
  readonly desired: DesiredStack[];
  /** Live state of their regions. */
  readonly live: LiveRegion[];
  /** The plan. */
  readonly plan: Plan;
}

/** Reads the desired state (validating it before any API call), reads the live state, computes the plan. */
export async function planFromApp(opts: PlanningOptions, session: SesSession): Promise<Planned> {
  const outDir = resolveSynthDir(opts.app);
  const all = readDesiredState(outDir);
  const selected = opts.stack && opts.stack.length > 0 ? opts.stack : undefined;
  const desired = selected ? readDesiredState(outDir, { stacks: selected }) : all;
  const bar = opts.quiet ? undefined : progress('reading live tenants');
  let live: LiveRegion[];
  try {
    live = await session.readLive(desired, bar ? (done, total, region) => bar.update(done, total, region) : undefined);
  } finally {
    bar?.stop();
  }
  // Tenants marked by stacks of this app that are not selected are neither deleted nor "unmanaged".
  return { desired, live, plan: computePlan(desired, live, { appStacks: all.map((s) => ownerMarker(s.target)), adopt: opts.adopt }) };
}
