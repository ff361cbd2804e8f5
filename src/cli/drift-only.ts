import type { Plan, StackPlan } from '../engine/model';

/** The part of a plan that is drift: updates whose origin is a change made outside the code. */
export function driftOnly(plan: Plan): Plan {
  const stacks: StackPlan[] = plan.stacks.map((s) => ({ ...s, changes: s.changes.filter((c) => c.origin === 'drift'), unmanaged: [] }));
  const drifted = stacks.reduce((n, s) => n + s.changes.length, 0);
  return {
    ...plan,
    stacks,
    summary: { create: 0, update: drifted, delete: 0, unchanged: plan.summary.unchanged, drifted, unmanaged: 0 },
  };
}
