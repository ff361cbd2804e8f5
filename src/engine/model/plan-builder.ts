import { compareStrings } from '../../tenant-spec/compare';
import type { StackTarget } from '../../tenant-spec/tenant-spec';
import type { LiveSnapshot } from './fingerprint';
import { PLAN_FORMAT_VERSION } from './schema';
import type { FieldChange, Plan, PlanSummary, RefusedAdopt, StackPlan, TenantChange, UnmanagedTenant } from './types';

/**
 * The plan builder: every Plan (of a fleet, of one tenant, a filtered one) is put together here,
 * so ordering and the summary are computed in one place. Queries over plans sit beside it.
 */

/** How many of a stack's changes create, update (and of those, drift), release and delete. */
export function countActions(changes: readonly TenantChange[]): { create: number; update: number; release: number; delete: number; drifted: number } {
  const out = { create: 0, update: 0, release: 0, delete: 0, drifted: 0 };
  for (const c of changes) {
    if (c.action === 'create') out.create++;
    else if (c.action === 'update') out.update++;
    else if (c.action === 'release') out.release++;
    else if (c.action === 'delete') out.delete++;
    if (c.origin === 'drift') out.drifted++;
  }
  return out;
}

/** Counts over every stack of a plan. */
export function summarize(stacks: readonly StackPlan[]): PlanSummary {
  const s = { create: 0, update: 0, release: 0, delete: 0, unchanged: 0, drifted: 0, unmanaged: 0, refused: 0 };
  for (const stack of stacks) {
    const c = countActions(stack.changes);
    s.create += c.create;
    s.update += c.update;
    s.release += c.release;
    s.delete += c.delete;
    s.drifted += c.drifted;
    s.unchanged += stack.unchanged;
    s.unmanaged += stack.unmanaged.length;
    s.refused += stack.refused.length;
  }
  return s;
}

/** What a stack plan is made of. */
export interface StackPlanParts {
  /** The stack. */
  readonly target: StackTarget;
  /** The live state the plan was computed from. */
  readonly seen: LiveSnapshot;
  /** Tenant changes, in any order. */
  readonly changes: readonly TenantChange[];
  /** Declared tenants with no change. */
  readonly unchanged: number;
  /** Live tenants nobody manages, in any order. */
  readonly unmanaged: readonly UnmanagedTenant[];
  /** Declared tenants that SES paused, in any order. @default - none */
  readonly pausedBySes?: readonly string[];
  /** Declared tenants whose adoption is refused, in any order. @default - none */
  readonly refused?: readonly RefusedAdopt[];
}

/** A stack plan: changes and unmanaged tenants sorted by name. */
export function stackPlan(parts: StackPlanParts): StackPlan {
  return {
    target: { ...parts.target },
    liveFingerprint: parts.seen.liveFingerprint,
    liveTenantHashes: parts.seen.liveTenantHashes,
    changes: [...parts.changes].sort((a, b) => compareStrings(a.tenant, b.tenant)),
    unchanged: parts.unchanged,
    unmanaged: [...parts.unmanaged].sort((a, b) => compareStrings(a.tenant, b.tenant)),
    refused: [...(parts.refused ?? [])].sort((a, b) => compareStrings(a.tenant, b.tenant)),
    ...(parts.pausedBySes !== undefined && parts.pausedBySes.length > 0 ? { pausedBySes: [...parts.pausedBySes].sort(compareStrings) } : {}),
  };
}

/** A plan of the given stack plans: sorted by stack name, with its summary. */
export function buildPlan(stacks: readonly StackPlan[]): Plan {
  const sorted = [...stacks].sort((a, b) => compareStrings(a.target.stack, b.target.stack));
  return { formatVersion: PLAN_FORMAT_VERSION, tool: 'cdktf-ses-tenants', stacks: sorted, summary: summarize(sorted) };
}

/** The field changes of one kind in a tenant change, in their stable order. */
export function fieldsOf<K extends FieldChange['kind']>(change: TenantChange, kind: K): Extract<FieldChange, { kind: K }>[] {
  return change.changes.filter((c): c is Extract<FieldChange, { kind: K }> => c.kind === kind);
}

/** Whether a plan changes nothing and refuses nothing. */
export function planIsEmpty(plan: Plan): boolean {
  return plan.stacks.every((s) => s.changes.length === 0 && s.refused.length === 0);
}

/** Options of {@link filterPlan}. */
export interface FilterPlanOptions {
  /** Keep the unmanaged tenants. @default false */
  readonly keepUnmanaged?: boolean;
}

/** The part of a plan whose changes match: same stacks, fingerprints and unchanged counts, the summary recomputed. */
export function filterPlan(plan: Plan, keep: (change: TenantChange, stack: StackPlan) => boolean, opts: FilterPlanOptions = {}): Plan {
  return buildPlan(
    plan.stacks.map((s) => ({ ...s, changes: s.changes.filter((c) => keep(c, s)), unmanaged: opts.keepUnmanaged ? s.unmanaged : [], refused: opts.keepUnmanaged ? s.refused : [] })),
  );
}

/** The part of a plan that is drift: updates whose origin is a change made outside the code. */
export function driftOnly(plan: Plan): Plan {
  return filterPlan(plan, (c) => c.origin === 'drift');
}
