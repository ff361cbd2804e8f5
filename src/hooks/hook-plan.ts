import type { LiveTenant, Plan } from '../engine/model';
import { planAssociation, planTenant, type TenantAspect } from '../engine/plan-tenant';
import type { RemovalPolicy, StackTarget, TenantSpec } from '../tenant-spec/tenant-spec';
import type { AssociationHookInput } from '../tenant-spec/hook-contract';

/**
 * Which part of its tenant each hook plans (DESIGN rule 1: each covers the one object it owns);
 * the plan itself is the engine's `planTenant` / `planAssociation`.
 */

/** The aspect each tenant-level hook owns. */
export const HOOK_ASPECTS = { 'tenant-create': ['tenant'], 'tenant-delete': ['tenant'], 'settings-apply': ['settings'] } as const satisfies Record<string, readonly TenantAspect[]>;

/**
 * tenant-create: create the tenant when absent (CreateTenant carries its tags, the marker and
 * suppression; the settings hook writes the spec-hash last). Associations, policy and status
 * belong to the other hooks. (A tenant to take over is planned whole by the hook runner.)
 */
export function tenantCreatePlan(target: StackTarget, spec: TenantSpec, live: LiveTenant | undefined): Plan {
  return planTenant({ target, desired: spec, live, aspects: HOOK_ASPECTS['tenant-create'] });
}

/**
 * tenant-delete: release (policy retain) or delete (destroy) the tenant, only when its managed-by
 * marker names this stack; absent is done. The caller passes `retain` for a replace.
 */
export function tenantDeletePlan(target: StackTarget, live: LiveTenant | undefined, removalPolicy: RemovalPolicy): Plan {
  return planTenant({ target, desired: undefined, live, aspects: HOOK_ASPECTS['tenant-delete'], removalPolicy });
}

/** settings-apply: converge policy, status, tags, suppression and the spec-hash tag; the tenant must exist (its tenant hook creates it). */
export function settingsPlan(target: StackTarget, spec: TenantSpec, live: LiveTenant | undefined): Plan {
  return planTenant({ target, desired: spec, live, aspects: HOOK_ASPECTS['settings-apply'] });
}

/** association-create / association-delete: one association added or removed, no reads needed. */
export function associationPlan(target: StackTarget, input: AssociationHookInput, op: 'add' | 'remove'): Plan {
  return planAssociation({ target, tenant: input.tenant, resource: input.resource, op });
}
