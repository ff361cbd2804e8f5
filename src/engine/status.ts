import type { ReputationEntity, SESv2Client } from '@aws-sdk/client-sesv2';
import pLimit from 'p-limit';
import { reputationPolicyFromArn, type ArnLocation } from '../aws/arn';
import { listReputationEntitiesPage, listResourceTags } from '../aws/status-calls';
import { MANAGED_BY_TAG } from '../spec/limits';
import type { ReputationPolicy, StackTarget } from '../spec/tenant-spec';
import { regionKey } from './fingerprint';
import type { DesiredStack } from './model';

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
  /** The stack named by the `ses-tenants:managed-by` tag; null when unmarked; undefined when tags were not read. */
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

function record(r: ReputationEntity['CustomerManagedStatus']): StatusRecord {
  const updated = r?.LastUpdatedTimestamp;
  return {
    status: r?.Status ?? null,
    ...(r?.Cause ? { cause: r.Cause } : {}),
    ...(updated ? { updatedAt: updated.toISOString() } : {}),
  };
}

/** The worst condition of a tenant. */
export function severityOf(s: Pick<TenantStatus, 'arn' | 'customerManaged' | 'awsManaged' | 'reputationImpact'>): StatusSeverity {
  if (s.arn === undefined) return 'absent';
  if (s.awsManaged.status === 'DISABLED') return 'paused-by-ses';
  if (s.customerManaged.status === 'DISABLED') return 'paused-by-customer';
  if (s.awsManaged.status === 'REINSTATED' || s.customerManaged.status === 'REINSTATED') return 'reinstated';
  return s.reputationImpact === 'HIGH' ? 'high-impact' : 'ok';
}

/** Tenant name of a tenant ARN (`...:tenant/NAME/ID`). */
export function tenantNameOfArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource.split('/')[1] ?? '';
}

/** The status of a tenant from its reputation entity. */
export function statusOfEntity(at: ArnLocation, entity: ReputationEntity): TenantStatus {
  const arn = entity.ReputationEntityReference ?? '';
  const base = {
    tenant: tenantNameOfArn(arn),
    region: at.region,
    account: at.account,
    arn,
    sendingStatus: entity.SendingStatusAggregate ?? null,
    customerManaged: record(entity.CustomerManagedStatus),
    awsManaged: record(entity.AwsSesManagedStatus),
    reputationImpact: entity.ReputationImpact ?? null,
    policy: reputationPolicyFromArn(entity.ReputationManagementPolicy) ?? null,
  };
  return { ...base, severity: severityOf(base) };
}

/** A declared tenant that SES does not have. */
export function absentStatus(at: ArnLocation, tenant: string, stack: string): TenantStatus {
  return {
    tenant,
    region: at.region,
    account: at.account,
    stack,
    severity: 'absent',
    sendingStatus: null,
    customerManaged: { status: null },
    awsManaged: { status: null },
    reputationImpact: null,
    policy: null,
  };
}

/** Options of {@link readRegionStatus}. */
export interface ReadStatusOptions {
  /** Only these tenants (a stack's); every tenant of the region when absent. */
  readonly only?: ReadonlySet<string>;
  /** Read each tenant's owner tag (one ListTagsForResource per tenant). @default true */
  readonly owners?: boolean;
  /** Tag reads in flight at once. @default 16 */
  readonly concurrency?: number;
}

/**
 * The status of every tenant of one region and account: ListReputationEntities pages (100 tenants
 * a page carry the name, both statuses with their cause, impact and policy), then, for owners, one
 * ListTagsForResource per reported tenant. No GetTenant: the list already answers.
 */
export async function readRegionStatus(ses: SESv2Client, at: ArnLocation, opts: ReadStatusOptions = {}): Promise<TenantStatus[]> {
  const prefix = `arn:${at.partition}:ses:${at.region}:${at.account}:tenant/`;
  const limit = pLimit(opts.concurrency ?? 16);
  const out: Promise<TenantStatus>[] = [];
  let token: string | undefined;
  do {
    const page = await listReputationEntitiesPage(ses, prefix, token);
    for (const entity of page.entities) {
      const status = statusOfEntity(at, entity);
      if (opts.only !== undefined && !opts.only.has(status.tenant)) continue;
      if (opts.owners === false) {
        out.push(Promise.resolve(status));
        continue;
      }
      out.push(
        limit(async () => {
          const tags = await listResourceTags(ses, status.arn ?? '');
          return { ...status, owner: tags?.find((t) => t.Key === MANAGED_BY_TAG)?.Value ?? null };
        }),
      );
    }
    token = page.nextToken;
  } while (token);
  return Promise.all(out);
}

/** Orders tenants worst first, then by region and name (a pure function; the input is left as it was). */
export function sortWorstFirst(tenants: readonly TenantStatus[]): TenantStatus[] {
  const rank = (t: TenantStatus) => STATUS_SEVERITIES.indexOf(t.severity);
  const key = (t: TenantStatus) => `${t.region}\u0000${t.tenant}\u0000${t.account}`;
  return [...tenants].sort((a, b) => rank(a) - rank(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A report of tenants: sorted worst first and counted. */
export function statusReport(tenants: readonly TenantStatus[]): StatusReport {
  const sorted = sortWorstFirst(tenants);
  const count = (s: StatusSeverity) => sorted.filter((t) => t.severity === s).length;
  return {
    tenants: sorted,
    summary: {
      tenants: sorted.length,
      pausedBySes: count('paused-by-ses'),
      pausedByCustomer: count('paused-by-customer'),
      absent: count('absent'),
      reinstated: count('reinstated'),
    },
  };
}

/**
 * The status of every tenant the stacks declare: each region and account read once (the stacks'
 * declared tenants only), each tenant labelled with its stack; declared tenants SES lacks are `absent`.
 */
export async function readStacksStatus(
  stacks: readonly DesiredStack[],
  clientFor: (target: StackTarget) => SESv2Client,
  opts: Omit<ReadStatusOptions, 'only'> = {},
): Promise<StatusReport> {
  const groups = new Map<string, { target: StackTarget; stackOf: Map<string, string> }>();
  for (const s of stacks) {
    const key = regionKey(s.target);
    const group = groups.get(key) ?? { target: s.target, stackOf: new Map<string, string>() };
    for (const name of Object.keys(s.tenants)) group.stackOf.set(name, s.target.stack);
    groups.set(key, group);
  }
  const out: TenantStatus[] = [];
  for (const { target, stackOf } of groups.values()) {
    const read = await readRegionStatus(clientFor(target), target, { ...opts, only: new Set(stackOf.keys()) });
    const seen = new Set<string>();
    for (const t of read) {
      seen.add(t.tenant);
      out.push({ ...t, stack: stackOf.get(t.tenant) });
    }
    for (const [name, stack] of stackOf) if (!seen.has(name)) out.push(absentStatus(target, name, stack));
  }
  return statusReport(out);
}
