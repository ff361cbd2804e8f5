import { liveAfterApply } from '../../src/engine';
import type { LiveRegion, LiveTenant, Plan } from '../../src/engine';
import { MANAGED_BY_TAG, ownerMarker, RELEASED_BY_TAG, REMOVAL_POLICY_TAG, SPEC_HASH_TAG } from '../../src/tenant-spec';

/**
 * What applying a plan does to the live state, without SES, for property tests: creates and
 * updates through the engine's own state model (`liveAfterApply`, what the provider stores after
 * an apply), a release as apply's steps do it (released-by written, the reserved tags removed,
 * the tenant kept), a delete removes the tenant. Refused tenants are not touched.
 */
export function applyPlanToModel(plan: Plan, live: readonly LiveRegion[]): LiveRegion[] {
  const regions = live.map((r) => ({ ...r, tenants: { ...r.tenants } }));
  for (const stack of plan.stacks) {
    const region = regions.find((r) => r.region === stack.target.region && r.account === stack.target.account)!;
    const tenants = region.tenants as Record<string, LiveTenant>;
    for (const change of stack.changes) {
      const before = tenants[change.tenant];
      if (change.action === 'delete') {
        delete tenants[change.tenant];
      } else if (change.action === 'release') {
        const tags: Record<string, string> = { ...before.tags, [RELEASED_BY_TAG]: ownerMarker(stack.target) };
        for (const key of [MANAGED_BY_TAG, SPEC_HASH_TAG, REMOVAL_POLICY_TAG]) delete tags[key];
        tenants[change.tenant] = { ...before, tags };
      } else if (change.action === 'create') {
        const id = `tn-new-${change.tenant}`;
        const arn = `arn:aws:ses:${region.region}:${region.account}:tenant/${change.tenant}/${id}`;
        const created = { stack: stack.target.stack, tenant: change.tenant, tenantId: id, arn, createdAt: null, sendingStatus: 'ENABLED' as const, reused: false };
        tenants[change.tenant] = liveAfterApply(stack.target, change, undefined, created);
      } else if (change.action === 'update') {
        tenants[change.tenant] = liveAfterApply(stack.target, change, before);
      }
    }
  }
  return regions;
}
