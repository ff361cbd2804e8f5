import { canonicalTenantSpec, tenantSpecHash } from '../tenant-spec/canonical';
import { MANAGED_BY_TAG, RELEASED_BY_TAG, RESERVED_TAG_PREFIX, SPEC_HASH_TAG } from '../tenant-spec/limits';
import { ownerMarker, removalPolicyOfTags } from '../tenant-spec/ownership';
import { sesSendingStatus } from '../tenant-spec/sending-status';
import { TENANT_DEFAULTS } from '../tenant-spec/tenant-defaults';
import type { RemovalPolicy, ResourceRef, SendingStatus, StackTarget, Suppression, TenantSpec } from '../tenant-spec/tenant-spec';
import { PlanInputError } from './errors';
import {
  buildPlan,
  checkCrossStackNames,
  liveSnapshot,
  regionKey,
  stackPlan,
  type DesiredStack,
  type ChangeOrigin,
  type FieldChange,
  type LiveRegion,
  type LiveSendingStatus,
  type LiveSnapshot,
  type LiveTenant,
  type Plan,
  type RefusedAdopt,
  type StackPlan,
  type TenantChange,
  type UnmanagedTenant,
} from './model';

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

/** The policy SES gives a new tenant; a create only writes the policy when the spec wants another. */
export const SES_DEFAULT_POLICY = TENANT_DEFAULTS.reputationPolicy;

/** The live customer-managed status that a declared sending status stands for. */
export const liveStatusOf: (status: SendingStatus) => LiveSendingStatus = sesSendingStatus;

/** The customer-managed status SES gives a new tenant. */
export const SES_DEFAULT_STATUS: LiveSendingStatus = liveStatusOf(TENANT_DEFAULTS.sendingStatus);

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
  'removal-policy': 5,
  tag: 6,
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

/** The removal policy a live tenant carries (its reserved tag is present only for `destroy`). */
export function liveRemovalPolicy(live: LiveTenant): RemovalPolicy {
  return removalPolicyOfTags(live.tags);
}

/**
 * Whether a stack may change a live tenant: `ours` (its marker names the stack), `take-back` (this
 * same stack released it), `adopt` (someone else's or nobody's, and adoption was asked for) or
 * `refused` (someone else's or nobody's, and it was not).
 */
export type Ownership = 'ours' | 'take-back' | 'adopt' | 'refused';

/** Who may change `live` for `target`; `adopt` is the explicit request to take it over. */
export function ownershipOf(target: Pick<StackTarget, 'owner' | 'stack'>, live: Pick<LiveTenant, 'tags'>, adopt: boolean): Ownership {
  const me = ownerMarker(target);
  const marker = live.tags[MANAGED_BY_TAG];
  if (marker === me) return 'ours';
  if (marker === undefined && live.tags[RELEASED_BY_TAG] === me) return 'take-back';
  return adopt ? 'adopt' : 'refused';
}

/** The field changes that turn a live tenant into the spec, for the stack `target`. */
function updateChanges(target: Pick<StackTarget, 'owner' | 'stack'>, spec: TenantSpec, live: LiveTenant): FieldChange[] {
  const out: FieldChange[] = [];
  const managedBy = live.tags[MANAGED_BY_TAG];
  if (managedBy !== ownerMarker(target)) {
    const released = live.tags[RELEASED_BY_TAG];
    out.push(managedBy === undefined && released !== undefined ? { kind: 'adopt', managedBy: null, releasedBy: released } : { kind: 'adopt', managedBy: managedBy ?? null });
  }

  const liveArns = new Set(live.resources.map((r) => r.arn));
  const desiredArns = new Set(spec.resources.map((r) => r.arn));
  for (const r of spec.resources) if (!liveArns.has(r.arn)) out.push({ kind: 'association', op: 'add', resource: copyResource(r) });
  for (const r of live.resources) if (!desiredArns.has(r.arn)) out.push({ kind: 'association', op: 'remove', resource: copyResource(r) });

  if (live.reputationPolicy !== spec.reputationPolicy) out.push({ kind: 'reputation-policy', from: live.reputationPolicy, to: spec.reputationPolicy });
  if (live.customerStatus !== liveStatusOf(spec.sendingStatus)) out.push({ kind: 'sending-status', from: live.customerStatus, to: spec.sendingStatus });
  if (!sameSuppression(live.suppression, spec.suppression)) {
    out.push({ kind: 'suppression', from: copySuppression(live.suppression), to: copySuppression(spec.suppression) });
  }
  const policy = spec.removalPolicy ?? TENANT_DEFAULTS.removalPolicy;
  if (liveRemovalPolicy(live) !== policy) out.push({ kind: 'removal-policy', from: liveRemovalPolicy(live), to: policy });
  for (const key of Object.keys(spec.tags)) {
    const from = live.tags[key];
    if (from !== spec.tags[key]) out.push({ kind: 'tag', key, from: from ?? null, to: spec.tags[key] });
  }
  for (const key of Object.keys(live.tags)) {
    if (!isReservedTag(key) && !(key in spec.tags)) out.push({ kind: 'tag', key, from: live.tags[key], to: null });
  }
  return out.sort(compareFieldChanges);
}

/** Why an update is needed: an adoption, an interrupted apply (marker but no spec-hash), drift (the spec-hash is the declared one) or the code. */
function originOf(changes: readonly FieldChange[], live: LiveTenant, hash: string): ChangeOrigin {
  if (changes.some((c) => c.kind === 'adopt')) return 'adopt';
  const liveHash = live.tags[SPEC_HASH_TAG];
  if (liveHash === undefined) return 'unfinished';
  return liveHash === hash ? 'drift' : 'code';
}

/**
 * The change of one declared tenant, or undefined when it needs none. The caller checks ownership
 * first ({@link ownershipOf}): a live tenant that is not ours is diffed as an adoption.
 */
export function diffTenant(target: Pick<StackTarget, 'owner' | 'stack'>, desired: TenantSpec, live: LiveTenant | undefined): TenantChange | undefined {
  const spec = canonicalTenantSpec(desired);
  const hash = tenantSpecHash(spec);
  if (live === undefined) {
    return { tenant: spec.name, action: 'create', changes: createChanges(spec), spec, specHash: { from: null, to: hash } };
  }
  const changes = updateChanges(target, spec, live);
  const liveHash = live.tags[SPEC_HASH_TAG] ?? null;
  // A tenant that matches its spec but lacks the spec-hash (an interrupted apply) still needs the tag.
  if (changes.length === 0 && liveHash === hash) return undefined;
  return {
    tenant: spec.name,
    action: 'update',
    origin: originOf(changes, live, hash),
    tenantId: live.id,
    changes,
    spec,
    specHash: { from: liveHash, to: hash },
  };
}

/** A live tenant that no stack being planned manages, with its managed-by or released-by marker. */
export function unmanagedOf(live: LiveTenant): UnmanagedTenant {
  const managedBy = live.tags[MANAGED_BY_TAG];
  if (managedBy !== undefined) return { tenant: live.name, tenantId: live.id, managedBy };
  const releasedBy = live.tags[RELEASED_BY_TAG];
  return releasedBy === undefined ? { tenant: live.name, tenantId: live.id } : { tenant: live.name, tenantId: live.id, releasedBy };
}

/** The refusal of a declared tenant that is not ours and was not adopted. */
export function refusedAdopt(live: LiveTenant): RefusedAdopt {
  return { tenant: live.name, tenantId: live.id, managedBy: live.tags[MANAGED_BY_TAG] ?? null };
}

/**
 * What removing a tenant the stack marked does: `destroy` deletes it, `retain` releases it (the
 * reserved tags are removed, `released-by` is left; the tenant, its associations and TenantId stay).
 */
export function removalChange(stack: string, live: LiveTenant, policy: RemovalPolicy): TenantChange {
  return policy === 'destroy'
    ? { tenant: live.name, action: 'delete', tenantId: live.id, changes: [], reason: `no longer declared in stack ${stack} and its removal policy is destroy` }
    : {
        tenant: live.name,
        action: 'release',
        tenantId: live.id,
        changes: [],
        reason: `no longer declared in stack ${stack}; its removal policy is retain, so it is released (tenant, associations and TenantId kept)`,
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
  const sorted = [...desired].sort((a, b) => cmp(a.target.stack, b.target.stack));
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
