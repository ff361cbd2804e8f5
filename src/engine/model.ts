import type { ResourceRef, ReputationPolicy, SendingStatus, StackTarget, Suppression, TenantSpec } from '../spec/tenant-spec';

/**
 * The plan model: types only, plain serializable data. The diff (`plan.ts`) produces it,
 * renderers (`src/render/`) print it, the executor (`apply.ts`) carries it out.
 */

/** Version of the plan file format; bumped on any incompatible change. */
export const PLAN_FORMAT_VERSION = 1;

/** The desired state of one synthesized stack (its `locals.ses_tenants_stack` and `locals.ses_tenants`). */
export interface DesiredStack {
  /** Region, account, partition, quota and credentials of the stack. */
  readonly target: StackTarget;
  /** Canonical tenant specs keyed by tenant name. */
  readonly tenants: Readonly<Record<string, TenantSpec>>;
}

/** Customer-managed or aggregate sending status as SES reports it. */
export type LiveSendingStatus = 'ENABLED' | 'DISABLED' | 'REINSTATED';

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

/** What happens to a tenant. */
export type TenantAction = 'create' | 'update' | 'delete' | 'no-op';

/** Why a tenant differs: the code changed, or the live account changed outside the code (drift). */
export type ChangeOrigin = 'code' | 'drift';

/** One field-level change of a tenant. */
export type FieldChange =
  | { readonly kind: 'association'; readonly op: 'add' | 'remove'; readonly resource: ResourceRef }
  | { readonly kind: 'reputation-policy'; readonly from: ReputationPolicy | null; readonly to: ReputationPolicy }
  | { readonly kind: 'sending-status'; readonly from: LiveSendingStatus | null; readonly to: SendingStatus }
  | { readonly kind: 'tag'; readonly key: string; readonly from: string | null; readonly to: string | null }
  | { readonly kind: 'suppression'; readonly from: Suppression | null; readonly to: Suppression | null }
  | { readonly kind: 'adopt'; readonly managedBy: string | null };

/** The plan for one tenant. */
export interface TenantChange {
  /** Tenant name. */
  readonly tenant: string;
  /** What happens to it. */
  readonly action: TenantAction;
  /** Code change or drift; absent for create and delete. */
  readonly origin?: ChangeOrigin;
  /** TenantId of the live tenant (absent for create). */
  readonly tenantId?: string;
  /** Field-level changes, in a stable order. */
  readonly changes: readonly FieldChange[];
  /** The desired spec (create and update). */
  readonly spec?: TenantSpec;
  /** Display-only explanation, such as why a delete happens. */
  readonly reason?: string;
  /**
   * The `ses-tenants:spec-hash` tag: the live value (null when absent) and the hash of the desired
   * spec that apply writes (create and update). Apply skips the tag write when they are equal.
   */
  readonly specHash?: { readonly from: string | null; readonly to: string };
}

/** A live tenant that the stack does not manage: reported, never changed. */
export interface UnmanagedTenant {
  /** Tenant name. */
  readonly tenant: string;
  /** TenantId. */
  readonly tenantId: string;
  /** The stack named by its managed-by tag, when another stack manages it. */
  readonly managedBy?: string;
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

/** The plan of one stack. */
export interface StackPlan {
  /** Stack name, region, account, partition and credentials. */
  readonly target: StackTarget;
  /** Hash of the live state the plan was computed from (the stack's region and account). */
  readonly liveFingerprint: string;
  /** Hash of each live tenant's state, so that a stale plan can say which tenant moved. */
  readonly liveTenantHashes: Readonly<Record<string, string>>;
  /** Every tenant that changes, sorted by name (no-op tenants are only counted). */
  readonly changes: readonly TenantChange[];
  /** How many declared tenants need no change. */
  readonly unchanged: number;
  /** Live tenants that no stack of this app manages, sorted by name. */
  readonly unmanaged: readonly UnmanagedTenant[];
  /**
   * Declared tenants that SES paused (aggregate DISABLED while the customer status is not), sorted:
   * information for the reviewer, not a change and not drift. Absent when there are none.
   */
  readonly pausedBySes?: readonly string[];
}

/** Counts over a whole plan. */
export interface PlanSummary {
  /** Tenants to create. */
  readonly create: number;
  /** Tenants to update in place. */
  readonly update: number;
  /** Tenants to delete. */
  readonly delete: number;
  /** Declared tenants with no change. */
  readonly unchanged: number;
  /** Updated tenants whose difference is drift. */
  readonly drifted: number;
  /** Live tenants no stack manages. */
  readonly unmanaged: number;
}

/** A plan over one or more stacks: plain data, byte-identical for the same inputs. */
export interface Plan {
  /** Plan file format version. */
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  /** The tool that wrote it. */
  readonly tool: 'cdktf-ses-tenants';
  /** One entry per stack, sorted by stack name. */
  readonly stacks: readonly StackPlan[];
  /** Counts over every stack. */
  readonly summary: PlanSummary;
}
