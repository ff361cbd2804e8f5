import { compareStrings } from '../tenant-spec/compare';
import { MANAGED_BY_TAG } from '../tenant-spec/limits';
import { ownerMarker } from '../tenant-spec/ownership';
import { PlanInputError } from './errors';
import {
  buildPlan,
  checkCrossStackNames,
  liveSnapshot,
  regionKey,
  stackPlan,
  type DesiredStack,
  type LiveRegion,
  type LiveSnapshot,
  type Plan,
  type RefusedAdopt,
  type StackPlan,
  type TenantChange,
  type UnmanagedTenant,
} from './model';
import { ownershipOf, refusedAdopt, removalChange, unmanagedOf } from './ownership-rules';
import { diffTenant, liveRemovalPolicy } from './tenant-diff';

/**
 * The fleet plan: every selected stack's desired state against the live state of its region, as
 * `ses-tenants plan | apply | drift` compute it. One tenant's plan is `plan-tenant.ts`.
 */

/** Options of {@link computePlan}. */
export interface PlanOptions {
  /**
   * The managed-by markers (`owner/stack`) of every stack of the app, selected or not. A live
   * tenant marked by an app stack that is not in `desired` belongs to that stack and is left out
   * of the plan instead of being reported unmanaged.
   * @default - the stacks in `desired`
   */
  readonly appStacks?: readonly string[];
  /** Tenants to take over even though another app or stack manages them, or nobody does (`--adopt NAME`). @default - none */
  readonly adopt?: readonly string[];
}

/** The desired stacks of one region and account, with the live state read there. */
interface RegionGroup {
  readonly stacks: DesiredStack[];
  readonly live: LiveRegion;
}

function groupByRegion(desired: readonly DesiredStack[], live: readonly LiveRegion[]): RegionGroup[] {
  const liveByKey = new Map<string, LiveRegion>();
  for (const region of live) liveByKey.set(regionKey(region), region);
  const groups = new Map<string, RegionGroup>();
  for (const stack of desired) {
    const key = regionKey(stack.target);
    let group = groups.get(key);
    if (group === undefined) {
      const region = liveByKey.get(key);
      if (region === undefined) {
        throw new PlanInputError(`no live state was read for ${stack.target.region} in account ${stack.target.account} (stack ${stack.target.stack})`);
      }
      group = { stacks: [], live: region };
      groups.set(key, group);
    }
    group.stacks.push(stack);
  }
  return [...groups.values()];
}

/** Which stack of a region declares each tenant name (names were checked unique by {@link checkCrossStackNames}). */
function declaringStacks(group: RegionGroup): Map<string, string> {
  const out = new Map<string, string>();
  for (const stack of group.stacks) for (const name of Object.keys(stack.tenants)) out.set(name, stack.target.stack);
  return out;
}

function planStack(
  stack: DesiredStack,
  group: RegionGroup,
  declaredBy: Map<string, string>,
  isFirstOfRegion: boolean,
  appStacks: ReadonlySet<string>,
  adopt: ReadonlySet<string>,
  seen: LiveSnapshot,
): StackPlan {
  const me = ownerMarker(stack.target);
  const groupStacks = new Set(group.stacks.map((s) => ownerMarker(s.target)));
  const changes: TenantChange[] = [];
  const refused: RefusedAdopt[] = [];
  const pausedBySes: string[] = [];
  let unchanged = 0;
  for (const tenant of Object.keys(stack.tenants)) {
    const live = group.live.tenants[tenant];
    const spec = stack.tenants[tenant];
    if (live !== undefined && ownershipOf(stack.target, live, spec.adopt === true || adopt.has(tenant)) === 'refused') {
      refused.push(refusedAdopt(live));
      continue;
    }
    if (live?.sendingStatusAggregate === 'DISABLED' && live.customerStatus !== 'DISABLED') pausedBySes.push(tenant);
    const change = diffTenant(stack.target, spec, live);
    if (change === undefined) unchanged++;
    else changes.push(change);
  }
  const unmanaged: UnmanagedTenant[] = [];
  for (const tenant of Object.keys(group.live.tenants)) {
    if (declaredBy.has(tenant)) continue;
    const live = group.live.tenants[tenant];
    const marker = live.tags[MANAGED_BY_TAG];
    if (marker === me) changes.push(removalChange(stack.target.stack, live, liveRemovalPolicy(live)));
    else if (marker !== undefined && (groupStacks.has(marker) || appStacks.has(marker))) continue;
    else if (isFirstOfRegion) unmanaged.push(unmanagedOf(live));
  }
  return stackPlan({ target: stack.target, seen, changes, unchanged, unmanaged, pausedBySes, refused });
}

/**
 * The plan that turns the live state into the desired state: pure (no I/O, clock or randomness),
 * never mutates its inputs, and gives byte-identical JSON for the same inputs.
 *
 * Per declared tenant: create, update or no-op. A live tenant that is not the stack's (no marker,
 * or another app's or stack's) is refused (listed in `refused`, never changed) unless its spec says
 * `adopt: true` or `opts.adopt` names it: then the update carries an `adopt` change and converges
 * the tenant to its code. A tenant this same stack released is taken back without adopt. Live
 * tenants that a stack no longer declares are released (removal policy retain, the default) or
 * deleted (destroy, as the live tenant's reserved tag records) only when their managed-by marker
 * (`owner/stack`) names that stack; other live tenants are unmanaged (listed under the first
 * stack of their region, never changed).
 */
export function computePlan(desired: readonly DesiredStack[], live: readonly LiveRegion[], opts: PlanOptions = {}): Plan {
  const sorted = [...desired].sort((a, b) => compareStrings(a.target.stack, b.target.stack));
  checkCrossStackNames(sorted);
  const appStacks = new Set([...(opts.appStacks ?? []), ...sorted.map((s) => ownerMarker(s.target))]);
  const adopt = new Set(opts.adopt ?? []);
  const stacks: StackPlan[] = [];
  for (const group of groupByRegion(sorted, live)) {
    const declaredBy = declaringStacks(group);
    const seen = liveSnapshot(group.live);
    group.stacks.forEach((stack, i) => stacks.push(planStack(stack, group, declaredBy, i === 0, appStacks, adopt, seen)));
  }
  return buildPlan(stacks);
}
