import { MANAGED_BY_TAG, RELEASED_AT_TAG, RELEASED_BY_TAG, REMOVAL_POLICY_TAG, SPEC_HASH_TAG } from '../../tenant-spec/limits';
import { ownerMarker } from '../../tenant-spec/ownership';
import type { StackTarget } from '../../tenant-spec/tenant-spec';
import { fieldsOf, type TenantChange } from '../model';

/** The reserved tags a managed tenant carries besides the spec-hash: the marker, and the removal policy when it is destroy. */
export function ownedTags(target: StackTarget, change: TenantChange): Record<string, string> {
  const out: Record<string, string> = { [MANAGED_BY_TAG]: ownerMarker(target) };
  if (change.spec?.removalPolicy === 'destroy') out[REMOVAL_POLICY_TAG] = 'destroy';
  return out;
}

/**
 * The tags the last TagResource call writes: changed user tags, the marker on adoption, the
 * removal policy, the spec hash when it moved (on a create, when CreateTenant did not carry it).
 * `reused`: the tenant was created by an interrupted apply, so its tags are all rewritten.
 */
export function tagsToWrite(change: TenantChange, target: StackTarget, reused: boolean, hashWritten: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (reused) Object.assign(out, change.spec!.tags, ownedTags(target, change));
  if (change.action === 'create') {
    if (!hashWritten && change.specHash !== undefined) out[SPEC_HASH_TAG] = change.specHash.to;
    return out;
  }
  if (change.action !== 'update') return out;
  for (const c of fieldsOf(change, 'tag')) if (c.to !== null) out[c.key] = c.to;
  if (fieldsOf(change, 'adopt').length > 0) out[MANAGED_BY_TAG] = ownerMarker(target);
  for (const c of fieldsOf(change, 'removal-policy')) if (c.to === 'destroy') out[REMOVAL_POLICY_TAG] = 'destroy';
  if (change.specHash && change.specHash.from !== change.specHash.to) out[SPEC_HASH_TAG] = change.specHash.to;
  return out;
}

/** Reserved tags an update removes: released-by on a take-over, removal-policy when it goes back to retain. */
function reservedTagsToRemove(change: TenantChange): string[] {
  const out: string[] = [];
  if (fieldsOf(change, 'adopt').some((c) => c.releasedBy !== undefined)) out.push(RELEASED_BY_TAG, RELEASED_AT_TAG);
  for (const c of fieldsOf(change, 'removal-policy')) if (c.to === 'retain') out.push(REMOVAL_POLICY_TAG);
  return out;
}

/** The tag keys an update's UntagResource removes: user tags gone from the spec, and reserved tags. */
export function tagsToRemove(change: TenantChange): string[] {
  return [...fieldsOf(change, 'tag').filter((c) => c.to === null).map((c) => c.key), ...reservedTagsToRemove(change)];
}

/** The tags a release writes first, so a released tenant always says who released it and when. */
export function releasedTags(target: StackTarget, now: Date): Record<string, string> {
  return { [RELEASED_BY_TAG]: ownerMarker(target), [RELEASED_AT_TAG]: now.toISOString().replace(/\.\d+Z$/, 'Z') };
}

/** The reserved tags a release removes: the tenant is no longer this stack's. */
export const RELEASE_REMOVES = [MANAGED_BY_TAG, SPEC_HASH_TAG, REMOVAL_POLICY_TAG] as const;
