import { MANAGED_BY_TAG } from '../tenant-spec/limits';
import { ownerMarker, refusalMessage, type FrontDoor } from '../tenant-spec/ownership';
import type { RemovalPolicy, ResourceRef, StackTarget, TenantSpec } from '../tenant-spec/tenant-spec';
import { OwnershipError } from './errors';
import { liveRegionOf } from './live';
import { buildPlan, liveSnapshot, stackPlan, type FieldChange, type LiveTenant, type Plan, type TenantChange, type UnmanagedTenant } from './model';
import { ownershipOf, removalChange, unmanagedOf } from './ownership-rules';
import { diffTenant, liveRemovalPolicy } from './tenant-diff';

/**
 * The tenant plans: what a writer that owns one tenant (a hook, the Terraform provider)
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
  settings: {
    create: ['reputation-policy', 'sending-status', 'suppression', 'tag'],
    update: ['adopt', 'reputation-policy', 'sending-status', 'suppression', 'removal-policy', 'tag'],
  },
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
  /**
   * What a removal does (`desired` undefined): the removal policy last applied. A writer that
   * cannot tell a removal from a replace passes `retain`. @default - the live tenant's reserved tag
   */
  readonly removalPolicy?: RemovalPolicy;
  /** The door the spec came through: the refusal's fix is in its language. @default 'constructs' */
  readonly door?: FrontDoor;
}

/** The change restricted to the aspects; undefined when nothing of them changes. */
function restrict(change: TenantChange | undefined, aspects: readonly TenantAspect[]): TenantChange | undefined {
  if (change === undefined) return undefined;
  const create = change.action === 'create';
  if (create && !aspects.includes('tenant')) return undefined;
  const kinds = new Set(aspects.flatMap((a) => ASPECT_KINDS[a][create ? 'create' : 'update']));
  const changes = change.changes.filter((c) => kinds.has(c.kind));
  if (!create && changes.length === 0 && !aspects.includes('settings')) return undefined;
  // The spec-hash tag records the spec last applied: only a plan of the settings (the last hook) moves it.
  if (!aspects.includes('settings')) return { ...change, changes, specHash: undefined };
  if (!create && changes.length === 0 && change.specHash?.from === change.specHash?.to) return undefined;
  return { ...change, changes };
}

/** Refuses a tenant that is not this stack's and that the spec does not adopt, with the fix in the door's language. */
function checkOwner(target: StackTarget, live: LiveTenant, adopt: boolean, door: FrontDoor): void {
  if (ownershipOf(target, live, adopt) !== 'refused') return;
  throw new OwnershipError(refusalMessage(target, live, door));
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
 * - Declared (`desired` set): create it when absent (only with the `tenant` aspect; a writer that
 *   finds its tenant gone plans every aspect and re-creates it), else the update of the chosen
 *   aspects. A tenant that is not this stack's is refused (OwnershipError) unless the spec says
 *   `adopt: true`; one that is absent while `tenant` is not planned is refused too.
 * - Removed (`desired` undefined, `tenant` aspect): release or delete it (by `removalPolicy`)
 *   only when its managed-by marker names this stack; otherwise it is listed as unmanaged.
 */
export function planTenant(input: PlanTenantInput): Plan {
  const { target, desired, live } = input;
  const aspects = input.aspects ?? TENANT_ASPECTS;
  if (desired === undefined) {
    if (live === undefined || !aspects.includes('tenant')) return onePlan(target, live, undefined, false);
    const marker = live.tags[MANAGED_BY_TAG];
    if (marker === ownerMarker(target) || input.ownedByCaller === true) {
      const policy = input.removalPolicy ?? liveRemovalPolicy(live);
      return onePlan(target, live, removalChange(target.stack, live, policy), false);
    }
    return onePlan(target, live, undefined, false, [unmanagedOf(live)]);
  }
  if (live !== undefined && input.ownedByCaller !== true) checkOwner(target, live, desired.adopt === true, input.door ?? 'constructs');
  else if (!aspects.includes('tenant')) {
    throw new OwnershipError(`tenant ${desired.name} does not exist in ${target.region}/${target.account}; plan every aspect to re-create it`);
  }
  return onePlan(target, live, restrict(diffTenant(target, desired, live), aspects), true);
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
