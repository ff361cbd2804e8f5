import { MANAGED_BY_TAG } from '../tenant-spec/limits';
import type { ResourceRef, StackTarget, TenantSpec } from '../tenant-spec/tenant-spec';
import { OwnershipError } from './errors';
import { liveRegionOf } from './live';
import { buildPlan, liveSnapshot, stackPlan, type FieldChange, type LiveTenant, type Plan, type TenantChange, type UnmanagedTenant } from './model';
import { deleteChange, diffTenant } from './plan';

/**
 * The single-tenant plans: what a writer that owns one tenant (a hook, the Terraform provider)
 * plans and then applies with `applyPlan`. Pure functions of the desired spec and what was read;
 * the same diff (`diffTenant`) and plan builder as the fleet plan.
 */

/** The parts of a tenant a single-tenant plan can be restricted to. */
export const TENANT_ASPECTS = ['tenant', 'associations', 'settings'] as const;
/**
 * A part of a tenant: `tenant` (its existence, with the tags and suppression CreateTenant carries,
 * and the managed-by marker), `associations` (its resources), `settings` (reputation policy,
 * sending status, suppression, tags and the spec-hash tag).
 */
export type TenantAspect = (typeof TENANT_ASPECTS)[number];

/** The field changes each aspect owns, on a create and on an update. */
const ASPECT_KINDS: Record<TenantAspect, { readonly create: readonly FieldChange['kind'][]; readonly update: readonly FieldChange['kind'][] }> = {
  tenant: { create: ['tag', 'suppression'], update: ['adopt'] },
  associations: { create: ['association'], update: ['association'] },
  settings: { create: ['reputation-policy', 'sending-status', 'suppression', 'tag'], update: ['adopt', 'reputation-policy', 'sending-status', 'suppression', 'tag'] },
};

/** Input of {@link planTenant}. */
export interface PlanTenantInput {
  /** The stack that owns the tenant. */
  readonly target: StackTarget;
  /** The desired spec, or undefined when the tenant is removed. */
  readonly desired: TenantSpec | undefined;
  /** The tenant as read from SES (as much of it as the aspects need), or undefined when it does not exist. */
  readonly live: LiveTenant | undefined;
  /** The aspects to plan. @default every aspect */
  readonly aspects?: readonly TenantAspect[];
  /**
   * The caller's own record says the tenant is its own, whatever its marker tag: a Terraform
   * provider's state holds only tenants it created or that the user imported on purpose.
   * @default false
   */
  readonly ownedByCaller?: boolean;
}

/** The change restricted to the aspects; undefined when nothing of them changes. */
function restrict(change: TenantChange | undefined, aspects: readonly TenantAspect[]): TenantChange | undefined {
  if (change === undefined) return undefined;
  const create = change.action === 'create';
  if (create && !aspects.includes('tenant')) return undefined;
  const kinds = new Set(aspects.flatMap((a) => ASPECT_KINDS[a][create ? 'create' : 'update']));
  const changes = change.changes.filter((c) => kinds.has(c.kind));
  if (!create && changes.length === 0) return undefined;
  // The spec-hash tag records the settings last applied: only a plan of the settings moves it (a create writes it with the tenant).
  return create || aspects.includes('settings') ? { ...change, changes } : { ...change, changes, specHash: undefined };
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

/** A one-stack plan holding at most one tenant change. */
function onePlan(target: StackTarget, live: LiveTenant | undefined, change: TenantChange | undefined, declared: boolean, unmanaged: readonly UnmanagedTenant[] = []): Plan {
  const seen = liveSnapshot(liveRegionOf(target, live ? [live] : []));
  return buildPlan([stackPlan({ target, seen, changes: change ? [change] : [], unchanged: declared && !change ? 1 : 0, unmanaged })]);
}

/**
 * The plan of one tenant of a stack, optionally restricted to some of its aspects: a Plan of one
 * stack with at most one change, fingerprinted with the live tenant it saw.
 *
 * - Declared (`desired` set): create it when absent (only with the `tenant` aspect), else the
 *   update of the chosen aspects. A tenant marked by another stack or app is refused
 *   (OwnershipError); one that is absent while `tenant` is not planned is refused too.
 * - Removed (`desired` undefined, `tenant` aspect): delete it only when its managed-by tag names
 *   this stack; otherwise it is listed as unmanaged and left alone.
 */
export function planTenant(input: PlanTenantInput): Plan {
  const { target, desired, live } = input;
  const aspects = input.aspects ?? TENANT_ASPECTS;
  if (desired === undefined) {
    if (live === undefined || !aspects.includes('tenant')) return onePlan(target, live, undefined, false);
    const marker = live.tags[MANAGED_BY_TAG];
    if (marker === target.stack || input.ownedByCaller === true) return onePlan(target, live, deleteChange(target.stack, live), false);
    return onePlan(target, live, undefined, false, [marker === undefined ? { tenant: live.name, tenantId: live.id } : { tenant: live.name, tenantId: live.id, managedBy: marker }]);
  }
  if (live !== undefined && input.ownedByCaller !== true) checkOwner(target, live);
  else if (!aspects.includes('tenant')) {
    throw new OwnershipError(`tenant ${desired.name} does not exist in ${target.region}/${target.account}; its tenant hook creates it (re-run the apply)`);
  }
  return onePlan(target, live, restrict(diffTenant(target.stack, desired, live), aspects), true);
}

/** Input of {@link planAssociation}. */
export interface PlanAssociationInput {
  /** The stack that owns the tenant. */
  readonly target: StackTarget;
  /** Tenant name. */
  readonly tenant: string;
  /** The one resource. */
  readonly resource: ResourceRef;
  /** Associate or disassociate it. */
  readonly op: 'add' | 'remove';
}

/** The plan of one association of a tenant (the finest aspect): nothing needs reading, apply's idempotence covers what exists. */
export function planAssociation(input: PlanAssociationInput): Plan {
  const change: TenantChange = { tenant: input.tenant, action: 'update', changes: [{ kind: 'association', op: input.op, resource: input.resource }] };
  return onePlan(input.target, undefined, change, true);
}
