import { OwnershipError } from '../engine/errors';
import { liveRegionOf } from '../engine/live';
import { PLAN_FORMAT_VERSION, type FieldChange, type LiveTenant, type Plan, type TenantChange } from '../engine/model';
import { computePlan, countActions, diffTenant } from '../engine/plan';
import { MANAGED_BY_TAG } from '../tenant-spec/limits';
import type { StackTarget, TenantSpec } from '../tenant-spec/tenant-spec';
import type { AssociationHookInput } from './contract';

/**
 * The plans hooks apply: each covers the one object its hook owns (DESIGN rule 1), built from
 * the engine's diff. Pure functions of the hook input and what the hook read.
 */

/** A plan of one stack holding at most one tenant change. */
function planOf(target: StackTarget, change: TenantChange | undefined, live: readonly LiveTenant[]): Plan {
  const base = computePlan([{ target, tenants: {} }], [liveRegionOf(target, live)]);
  const changes = change === undefined ? [] : [change];
  const stack = { ...base.stacks[0], changes, unmanaged: [] };
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    tool: 'cdktf-ses-tenants',
    stacks: [stack],
    summary: { ...countActions(changes), unchanged: change === undefined ? 1 : 0, unmanaged: 0 },
  };
}

/** Refuses a tenant that another stack (or app) marked as its own. */
function checkOwner(target: StackTarget, live: LiveTenant): void {
  const marker = live.tags[MANAGED_BY_TAG];
  if (marker !== undefined && marker !== target.stack) {
    throw new OwnershipError(
      `tenant ${live.name} (${live.id}) exists and is managed by stack ${marker}; remove it from that stack first, ` +
        `or delete its ${MANAGED_BY_TAG} tag to let stack ${target.stack} adopt it`,
    );
  }
}

function only(change: TenantChange | undefined, kinds: readonly FieldChange['kind'][]): TenantChange | undefined {
  if (change === undefined) return undefined;
  const changes = change.changes.filter((c) => kinds.includes(c.kind));
  return changes.length === 0 && change.action !== 'create' ? undefined : { ...change, changes };
}

/**
 * tenant-create: create the tenant when absent (CreateTenant carries its tags, the reserved tags
 * and suppression); when it exists unmarked, adopt it (write the marker only: the settings hook
 * converges the rest). Associations, policy and status belong to the other hooks.
 */
export function tenantCreatePlan(target: StackTarget, spec: TenantSpec, live: LiveTenant | undefined): Plan {
  if (live === undefined) return planOf(target, only(diffTenant(target.stack, spec, undefined), ['tag', 'suppression']), []);
  checkOwner(target, live);
  const adopt = only(diffTenant(target.stack, spec, live), ['adopt']);
  return planOf(target, adopt && { ...adopt, specHash: undefined }, [live]);
}

/** tenant-delete: delete the tenant only when its managed-by tag names this stack; absent is done. */
export function tenantDeletePlan(target: StackTarget, live: LiveTenant | undefined): Plan {
  return computePlan([{ target, tenants: {} }], [liveRegionOf(target, live ? [live] : [])]);
}

/**
 * settings-apply: converge policy, status, tags and suppression (and the spec-hash tag); the
 * tenant must exist (its tenant hook creates it). Associations are the association hooks'.
 */
export function settingsPlan(target: StackTarget, spec: TenantSpec, live: LiveTenant | undefined): Plan {
  if (live === undefined) {
    throw new OwnershipError(`tenant ${spec.name} does not exist in ${target.region}/${target.account}; its tenant hook creates it (re-run the apply)`);
  }
  checkOwner(target, live);
  const change = only(diffTenant(target.stack, spec, { ...live, resources: spec.resources }), ['adopt', 'reputation-policy', 'sending-status', 'suppression', 'tag']);
  return planOf(target, change, [live]);
}

/** association-create / association-delete: one association added or removed, no reads needed. */
export function associationPlan(target: StackTarget, input: AssociationHookInput, op: 'add' | 'remove'): Plan {
  return planOf(target, { tenant: input.tenant, action: 'update', changes: [{ kind: 'association', op, resource: input.resource }] }, []);
}
