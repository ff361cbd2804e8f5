import { canonicalTenantSpec, tenantSpecHash } from '../tenant-spec/canonical';
import { MANAGED_BY_TAG, RESERVED_TAG_PREFIX, SPEC_HASH_TAG } from '../tenant-spec/limits';
import type { ResourceRef, SendingStatus, Suppression, TenantSpec } from '../tenant-spec/tenant-spec';
import { PlanInputError } from './errors';
import {
  buildPlan,
  checkCrossStackNames,
  liveSnapshot,
  regionKey,
  stackPlan,
  type DesiredStack,
  type FieldChange,
  type LiveRegion,
  type LiveSendingStatus,
  type LiveSnapshot,
  type LiveTenant,
  type Plan,
  type StackPlan,
  type TenantChange,
  type UnmanagedTenant,
} from './model';

/** Options of {@link computePlan}. */
export interface PlanOptions {
  /**
   * Every stack of the app, selected or not. A live tenant marked by an app stack that is not in
   * `desired` belongs to that stack and is left out of the plan instead of being reported unmanaged.
   * @default - the stacks in `desired`
   */
  readonly appStacks?: readonly string[];
}

/** The policy SES gives a new tenant; a create only writes the policy when the spec wants another. */
export const SES_DEFAULT_POLICY = 'standard';

/** The customer-managed status SES gives a new tenant. */
export const SES_DEFAULT_STATUS: LiveSendingStatus = 'ENABLED';

/** The live customer-managed status that a declared sending status stands for. */
export function liveStatusOf(status: SendingStatus): LiveSendingStatus {
  return status === 'enabled' ? 'ENABLED' : 'DISABLED';
}

/** Whether a key is one of this project's reserved `ses-tenants:*` tags (not a user tag). */
export function isReservedTag(key: string): boolean {
  return key.startsWith(RESERVED_TAG_PREFIX);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_ORDER: Record<FieldChange['kind'], number> = {
  adopt: 0,
  association: 1,
  'reputation-policy': 2,
  'sending-status': 3,
  suppression: 4,
  tag: 5,
};

/** The stable order of field changes: by kind, then by what they touch. */
export function compareFieldChanges(a: FieldChange, b: FieldChange): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.kind === 'association' && b.kind === 'association') {
    return cmp(a.op, b.op) || cmp(a.resource.type, b.resource.type) || cmp(a.resource.name, b.resource.name) || cmp(a.resource.arn, b.resource.arn);
  }
  if (a.kind === 'tag' && b.kind === 'tag') return cmp(a.key, b.key);
  return 0;
}

function sameSuppression(a: Suppression | null, b: Suppression | null): boolean {
  if (a === null || b === null) return a === b;
  const ra = [...a.reasons].sort();
  const rb = [...b.reasons].sort();
  return a.scope === b.scope && ra.length === rb.length && ra.every((r, i) => r === rb[i]);
}

function copySuppression(s: Suppression | null): Suppression | null {
  return s === null ? null : { scope: s.scope, reasons: [...s.reasons].sort() };
}

function copyResource(r: ResourceRef): ResourceRef {
  return { type: r.type, name: r.name, arn: r.arn };
}

/** The field changes that turn a new SES tenant (SES defaults) into the spec. */
function createChanges(spec: TenantSpec): FieldChange[] {
  const out: FieldChange[] = spec.resources.map((r) => ({ kind: 'association', op: 'add', resource: copyResource(r) }));
  if (spec.reputationPolicy !== SES_DEFAULT_POLICY) out.push({ kind: 'reputation-policy', from: SES_DEFAULT_POLICY, to: spec.reputationPolicy });
  if (liveStatusOf(spec.sendingStatus) !== SES_DEFAULT_STATUS) out.push({ kind: 'sending-status', from: SES_DEFAULT_STATUS, to: spec.sendingStatus });
  if (spec.suppression !== null) out.push({ kind: 'suppression', from: null, to: copySuppression(spec.suppression) });
  for (const key of Object.keys(spec.tags)) out.push({ kind: 'tag', key, from: null, to: spec.tags[key] });
  return out.sort(compareFieldChanges);
}

/** The field changes that turn a live tenant into the spec, for the stack `stack`. */
function updateChanges(stack: string, spec: TenantSpec, live: LiveTenant): FieldChange[] {
  const out: FieldChange[] = [];
  const managedBy = live.tags[MANAGED_BY_TAG];
  if (managedBy !== stack) out.push({ kind: 'adopt', managedBy: managedBy ?? null });

  const liveArns = new Set(live.resources.map((r) => r.arn));
  const desiredArns = new Set(spec.resources.map((r) => r.arn));
  for (const r of spec.resources) if (!liveArns.has(r.arn)) out.push({ kind: 'association', op: 'add', resource: copyResource(r) });
  for (const r of live.resources) if (!desiredArns.has(r.arn)) out.push({ kind: 'association', op: 'remove', resource: copyResource(r) });

  if (live.reputationPolicy !== spec.reputationPolicy) out.push({ kind: 'reputation-policy', from: live.reputationPolicy, to: spec.reputationPolicy });
  if (live.customerStatus !== liveStatusOf(spec.sendingStatus)) out.push({ kind: 'sending-status', from: live.customerStatus, to: spec.sendingStatus });
  if (!sameSuppression(live.suppression, spec.suppression)) {
    out.push({ kind: 'suppression', from: copySuppression(live.suppression), to: copySuppression(spec.suppression) });
  }
  for (const key of Object.keys(spec.tags)) {
    const from = live.tags[key];
    if (from !== spec.tags[key]) out.push({ kind: 'tag', key, from: from ?? null, to: spec.tags[key] });
  }
  for (const key of Object.keys(live.tags)) {
    if (!isReservedTag(key) && !(key in spec.tags)) out.push({ kind: 'tag', key, from: live.tags[key], to: null });
  }
  return out.sort(compareFieldChanges);
}

/** The change of one declared tenant, or undefined when it needs none. */
export function diffTenant(stack: string, desired: TenantSpec, live: LiveTenant | undefined): TenantChange | undefined {
  const spec = canonicalTenantSpec(desired);
  const hash = tenantSpecHash(spec);
  if (live === undefined) {
    return { tenant: spec.name, action: 'create', changes: createChanges(spec), spec, specHash: { from: null, to: hash } };
  }
  const changes = updateChanges(stack, spec, live);
  if (changes.length === 0) return undefined;
  const liveHash = live.tags[SPEC_HASH_TAG] ?? null;
  return {
    tenant: spec.name,
    action: 'update',
    origin: liveHash === hash ? 'drift' : 'code',
    tenantId: live.id,
    changes,
    spec,
    specHash: { from: liveHash, to: hash },
  };
}

/** The delete of a live tenant the stack marked and no longer declares. */
export function deleteChange(stack: string, live: LiveTenant): TenantChange {
  return {
    tenant: live.name,
    action: 'delete',
    tenantId: live.id,
    changes: [],
    reason: `no longer declared in stack ${stack} (renamed or removed?)`,
  };
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
  seen: LiveSnapshot,
): StackPlan {
  const name = stack.target.stack;
  const groupStacks = new Set(group.stacks.map((s) => s.target.stack));
  const changes: TenantChange[] = [];
  const pausedBySes: string[] = [];
  let unchanged = 0;
  for (const tenant of Object.keys(stack.tenants)) {
    const live = group.live.tenants[tenant];
    if (live?.sendingStatusAggregate === 'DISABLED' && live.customerStatus !== 'DISABLED') pausedBySes.push(tenant);
    const change = diffTenant(name, stack.tenants[tenant], live);
    if (change === undefined) unchanged++;
    else changes.push(change);
  }
  const unmanaged: UnmanagedTenant[] = [];
  for (const tenant of Object.keys(group.live.tenants)) {
    if (declaredBy.has(tenant)) continue;
    const live = group.live.tenants[tenant];
    const marker = live.tags[MANAGED_BY_TAG];
    if (marker === name) changes.push(deleteChange(name, live));
    else if (marker !== undefined && (groupStacks.has(marker) || appStacks.has(marker))) continue;
    else if (isFirstOfRegion) unmanaged.push(marker === undefined ? { tenant, tenantId: live.id } : { tenant, tenantId: live.id, managedBy: marker });
  }
  return stackPlan({ target: stack.target, seen, changes, unchanged, unmanaged, pausedBySes });
}

/**
 * The plan that turns the live state into the desired state: pure (no I/O, clock or randomness),
 * never mutates its inputs, and gives byte-identical JSON for the same inputs.
 *
 * Per declared tenant: create, update (field changes; an `adopt` change when the managed-by tag does
 * not name the stack) or no-op. Live tenants that a stack no longer declares are deleted only when
 * their managed-by tag names that stack; live tenants with no marker, or marked by a stack outside
 * this app, are unmanaged (listed under the first stack of their region, never changed).
 */
export function computePlan(desired: readonly DesiredStack[], live: readonly LiveRegion[], opts: PlanOptions = {}): Plan {
  const sorted = [...desired].sort((a, b) => cmp(a.target.stack, b.target.stack));
  checkCrossStackNames(sorted);
  const appStacks = new Set([...(opts.appStacks ?? []), ...sorted.map((s) => s.target.stack)]);
  const stacks: StackPlan[] = [];
  for (const group of groupByRegion(sorted, live)) {
    const declaredBy = declaringStacks(group);
    const seen = liveSnapshot(group.live);
    group.stacks.forEach((stack, i) => stacks.push(planStack(stack, group, declaredBy, i === 0, appStacks, seen)));
  }
  return buildPlan(stacks);
}
