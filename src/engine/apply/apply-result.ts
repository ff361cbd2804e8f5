import type { LiveSendingStatus, TenantAction } from '../model';

/**
 * What an apply reports: its steps' names, progress events, failures, the tenants it created and
 * its result. Plain data, for the CLI's progress bar, the hooks' one line and the provider's state.
 */

/** One API step of applying a tenant change, named as failures report it. */
export type ApplyStep =
  | 'create'
  | 'associate'
  | 'reputation-policy'
  | 'sending-status'
  | 'suppression'
  | 'untag'
  | 'tag'
  | 'disassociate'
  | 'release'
  | 'delete';

/** Progress of an apply, for progress bars and logs. */
export type ApplyEvent =
  | { readonly type: 'step-done'; readonly stack: string; readonly tenant: string; readonly step: ApplyStep }
  | { readonly type: 'step-failed'; readonly stack: string; readonly tenant: string; readonly step: ApplyStep; readonly error: ApplyError }
  | { readonly type: 'tenant-done'; readonly stack: string; readonly tenant: string; readonly action: TenantAction; readonly ok: boolean };

/** The AWS error of a failed step. */
export interface ApplyError {
  /** Error name, such as `NotFoundException`. */
  readonly name: string;
  /** The service's message. */
  readonly message: string;
  /** HTTP status, when the service answered. */
  readonly httpStatus?: number;
}

/** A step that failed; the tenant's later steps were skipped, other tenants went on. */
export interface ApplyFailure {
  /** Stack of the tenant. */
  readonly stack: string;
  /** Tenant name. */
  readonly tenant: string;
  /** The step that failed. */
  readonly action: ApplyStep;
  /** What AWS said. */
  readonly error: ApplyError;
}

/** What SES answered for a tenant whose create step succeeded. */
export interface CreatedTenant {
  /** Stack of the tenant. */
  readonly stack: string;
  /** Tenant name. */
  readonly tenant: string;
  /** TenantId. */
  readonly tenantId: string;
  /** Tenant ARN. */
  readonly arn: string;
  /** CreatedTimestamp, ISO 8601; null when SES did not say. */
  readonly createdAt: string | null;
  /** SendingStatus SES answered (ENABLED for a new tenant); null when it did not say. */
  readonly sendingStatus: LiveSendingStatus | null;
  /**
   * The name was taken by a tenant an interrupted apply of this stack had created (or this stack
   * released), and that tenant was reused: the fields are GetTenant's, and the tenant's other
   * settings are whatever it had plus this apply's writes.
   */
  readonly reused: boolean;
}

/** What an apply did. */
export interface ApplyResult {
  /** True when every step succeeded. */
  readonly ok: boolean;
  /** Every failure, sorted by stack and tenant. */
  readonly failures: readonly ApplyFailure[];
  /** Tenants fully applied, by action, and tenants with a failure. */
  readonly counts: { readonly created: number; readonly updated: number; readonly released: number; readonly deleted: number; readonly failed: number };
  /** What CreateTenant answered, for every tenant whose create step succeeded (even when a later step failed), sorted by stack and tenant. */
  readonly created: readonly CreatedTenant[];
}

/** The name, message and HTTP status of an error, for reports. */
export function toApplyError(err: unknown): ApplyError {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  return { name: e?.name ?? 'Error', message: e?.message ?? String(err), ...(status !== undefined ? { httpStatus: status } : {}) };
}
