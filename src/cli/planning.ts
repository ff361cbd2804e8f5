import { readDesiredState } from '../engine/desired';
import type { DesiredStack, LiveRegion, Plan } from '../engine/model';
import { computePlan } from '../engine/plan';
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
  const desired = readDesiredState(outDir, { stacks: opts.stack && opts.stack.length > 0 ? opts.stack : undefined });
  const bar = progress('reading live tenants');
  let live: LiveRegion[];
  try {
    live = await session.readLive(desired, (done, total) => bar.update(done, total));
  } finally {
    bar.stop();
  }
  return { desired, live, plan: computePlan(desired, live) };
}
