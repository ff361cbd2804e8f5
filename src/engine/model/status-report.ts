import type { ReputationPolicy } from '../../tenant-spec/tenant-spec';

/** The status report of a fleet (`ses-tenants status`): types only; `engine/status.ts` reads it. */

/** One of a reputation entity's two statuses. */
export interface StatusRecord {
  /** ENABLED, REINSTATED or DISABLED; null when SES reported none. */
  readonly status: string | null;
  /** Why, as SES says (`Status manually updated.` after a customer write). */
  readonly cause?: string;
  /** When it last changed, ISO-8601. */
  readonly updatedAt?: string;
}

/** How bad a tenant's state is, worst first. */
export const STATUS_SEVERITIES = ['paused-by-ses', 'paused-by-customer', 'absent', 'reinstated', 'high-impact', 'ok'] as const;
/** How bad a tenant's state is. */
export type StatusSeverity = (typeof STATUS_SEVERITIES)[number];

/** The status of one tenant. */
export interface TenantStatus {
  /** Tenant name. */
  readonly tenant: string;
  /** Region of the tenant. */
  readonly region: string;
  /** Account of the tenant. */
  readonly account: string;
  /** The app's stack that declares it, when read through the app. */
  readonly stack?: string;
  /** Tenant ARN; absent when the declared tenant does not exist. */
  readonly arn?: string;
  /** The tenant's worst condition. */
  readonly severity: StatusSeverity;
  /** Aggregate sending status (DISABLED when either status is). */
  readonly sendingStatus: string | null;
  /** What the customer set. */
  readonly customerManaged: StatusRecord;
  /** What SES set, with its cause. */
  readonly awsManaged: StatusRecord;
  /** Reputation impact (LOW, HIGH; SES also says NONE). */
  readonly reputationImpact: string | null;
  /** AWS-managed reputation policy, or null when none or another. */
  readonly policy: ReputationPolicy | null;
  /** The `ses-tenants:managed-by` marker (`<owner>/<stack>`); null when unmarked; undefined when tags were not read. */
  readonly owner?: string | null;
}

/** Counts of a status report. */
export interface StatusSummary {
  /** Tenants reported. */
  readonly tenants: number;
  /** Paused by SES (AWS-managed status DISABLED). */
  readonly pausedBySes: number;
  /** Paused by the customer. */
  readonly pausedByCustomer: number;
  /** Declared but absent from SES. */
  readonly absent: number;
  /** Sending despite findings (REINSTATED). */
  readonly reinstated: number;
}

/** The status of a fleet: tenants worst first, and counts. */
export interface StatusReport {
  /** The tenants, worst first, then by region and name. */
  readonly tenants: readonly TenantStatus[];
  /** Counts over every tenant. */
  readonly summary: StatusSummary;
}
