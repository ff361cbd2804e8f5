import { canonicalTenantSpec, tenantSpecHash } from '../tenant-spec/canonical';
import { MANAGED_BY_TAG, RELEASED_BY_TAG, RESERVED_TAG_PREFIX, SPEC_HASH_TAG } from '../tenant-spec/limits';
import { ownerMarker, removalPolicyOfTags } from '../tenant-spec/ownership';
import { sesSendingStatus } from '../tenant-spec/sending-status';
import { TENANT_DEFAULTS } from '../tenant-spec/tenant-defaults';
import type { RemovalPolicy, ResourceRef, StackTarget, Suppression, TenantSpec } from '../tenant-spec/tenant-spec';
import { compareStrings } from '../tenant-spec/compare';
import type { ChangeOrigin, FieldChange, LiveSendingStatus, LiveTenant, TenantChange } from './model';

/**
 * The tenant diff: one declared spec against one live tenant (or none) gives one TenantChange with
 * its field changes in a stable order. Pure. The fleet plan and the tenant plans both call it.
 */

/** The policy SES gives a new tenant; a create only writes the policy when the spec wants another. */
export const SES_DEFAULT_POLICY = TENANT_DEFAULTS.reputationPolicy;

/** The customer-managed status SES gives a new tenant. */
export const SES_DEFAULT_STATUS: LiveSendingStatus = sesSendingStatus(TENANT_DEFAULTS.sendingStatus);

/** Whether a key is one of this project's reserved `ses-tenants:*` tags (not a user tag). */
export function isReservedTag(key: string): boolean {
  return key.startsWith(RESERVED_TAG_PREFIX);
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
    return (
      compareStrings(a.op, b.op) ||
      compareStrings(a.resource.type, b.resource.type) ||
      compareStrings(a.resource.name, b.resource.name) ||
      compareStrings(a.resource.arn, b.resource.arn)
    );
  }
  if (a.kind === 'tag' && b.kind === 'tag') return compareStrings(a.key, b.key);
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
  if (sesSendingStatus(spec.sendingStatus) !== SES_DEFAULT_STATUS) out.push({ kind: 'sending-status', from: SES_DEFAULT_STATUS, to: spec.sendingStatus });
  if (spec.suppression !== null) out.push({ kind: 'suppression', from: null, to: copySuppression(spec.suppression) });
  for (const key of Object.keys(spec.tags)) out.push({ kind: 'tag', key, from: null, to: spec.tags[key] });
  return out.sort(compareFieldChanges);
}

/** The removal policy a live tenant carries (its reserved tag is present only for `destroy`). */
export function liveRemovalPolicy(live: LiveTenant): RemovalPolicy {
  return removalPolicyOfTags(live.tags);
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
  if (live.customerStatus !== sesSendingStatus(spec.sendingStatus)) out.push({ kind: 'sending-status', from: live.customerStatus, to: spec.sendingStatus });
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
