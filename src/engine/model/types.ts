import type { z } from 'zod';
import type { CanonicalTenant } from '../../tenant-spec/canonical';
import type { ReputationPolicy, ResourceRef, StackTarget, Suppression } from '../../tenant-spec/tenant-spec';
import type { fieldChangeSchema, liveSendingStatusSchema, planSchema, planSummarySchema, refusedAdoptSchema, stackPlanSchema, tenantChangeSchema, unmanagedTenantSchema } from './schema';

/**
 * The plan model's types: plain serializable data. The Plan types are derived from the plan-file
 * schema (`schema.ts`, one definition for the file format, the TS types and the JSON renderer's
 * doc); the desired and live states are the diff's inputs. The fleet and tenant plans
 * (`../fleet-plan.ts`, `../plan-tenant.ts`, over the diff in `../tenant-diff.ts`) produce plans
 * through the builder (`plan-builder.ts`), renderers (`src/render/`) print them, the executor
 * (`../apply/`) carries them out. Words: `../GLOSSARY.md`.
 */

/** The desired state of one synthesized stack (its `locals.ses_tenants_stack` and `locals.ses_tenants`). */
export interface DesiredStack {
  /** Region, account, partition, quota and credentials of the stack. */
  readonly target: StackTarget;
  /** Canonical tenant specs keyed by tenant name. */
  readonly tenants: Readonly<Record<string, CanonicalTenant>>;
}

/** Customer-managed or aggregate sending status as SES reports it. */
export type LiveSendingStatus = z.infer<typeof liveSendingStatusSchema>;

/** One tenant as read from SES. */
export interface LiveTenant {
  /** Tenant name. */
  readonly name: string;
  /** TenantId (`tn-...`); it survives every update and is lost on delete. */
  readonly id: string;
  /** Tenant ARN. */
  readonly arn: string;
  /** Reputation policy, or null when SES reported none or one that is not AWS-managed. */
  readonly reputationPolicy: ReputationPolicy | null;
  /** Customer-managed status (what this project sets). */
  readonly customerStatus: LiveSendingStatus;
  /** Aggregate sending status (DISABLED when the customer or SES paused the tenant). */
  readonly sendingStatusAggregate: LiveSendingStatus;
  /** Every tag, the reserved `ses-tenants:*` ones included, sorted by key. */
  readonly tags: Readonly<Record<string, string>>;
  /** Suppression settings, or null when none are set. */
  readonly suppression: Suppression | null;
  /** Associated resources, sorted. */
  readonly resources: readonly ResourceRef[];
}

/** The tenants of one region and account as read from SES. */
export interface LiveRegion {
  /** Partition, region and account that were read. */
  readonly partition: string;
  /** Region that was read. */
  readonly region: string;
  /** Account that was read. */
  readonly account: string;
  /** Tenants keyed by name. */
  readonly tenants: Readonly<Record<string, LiveTenant>>;
}

/** A tenant that moved in the live account after a plan was computed. */
export interface MovedTenant {
  /** Stack whose plan saw the tenant's region. */
  readonly stack: string;
  /** Region of the tenant. */
  readonly region: string;
  /** Tenant name. */
  readonly tenant: string;
  /** What happened since the plan: it appeared, disappeared or changed. */
  readonly change: 'added' | 'removed' | 'changed';
}

/** One field-level change of a tenant. */
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** The plan for one tenant: `action`, `origin` (code or drift; absent for create and delete), field changes in a stable order, the desired spec (create and update), and the spec-hash tag's live value and the value apply writes. */
export type TenantChange = z.infer<typeof tenantChangeSchema>;

/** What happens to a tenant. */
export type TenantAction = TenantChange['action'];

/** Why a tenant differs: the code changed, the live account changed outside the code (drift), an adoption, or an interrupted apply. */
export type ChangeOrigin = NonNullable<TenantChange['origin']>;

/** A declared tenant owned by someone else that the stack refuses to take over without an explicit adopt. */
export type RefusedAdopt = z.infer<typeof refusedAdoptSchema>;

/** A live tenant that the stack does not manage: reported, never changed. */
export type UnmanagedTenant = z.infer<typeof unmanagedTenantSchema>;

/** The plan of one stack: its target, the fingerprint of the live state it saw, its changes (sorted by tenant), the no-op count and the unmanaged tenants. */
export type StackPlan = z.infer<typeof stackPlanSchema>;

/** Counts over a whole plan. */
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** A plan over one or more stacks: plain data, byte-identical for the same inputs. */
export type Plan = z.infer<typeof planSchema>;
