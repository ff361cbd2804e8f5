import pLimit from 'p-limit';
import type { ReputationEntity, SesGateway } from '../aws/ses-gateway';
import { reputationPolicyFromArn, tenantArnPrefix, tenantNameOfArn, type ArnLocation } from '../tenant-spec/arn';
import { MANAGED_BY_TAG } from '../tenant-spec/limits';
import { compareStrings } from '../tenant-spec/compare';
import type { StackTarget } from '../tenant-spec/tenant-spec';
import { regionKey } from './model';
import type { DesiredStack } from './model';
import { STATUS_SEVERITIES, type StatusRecord, type StatusReport, type StatusSeverity, type TenantStatus } from './model/status-report';

export { STATUS_SEVERITIES, type StatusRecord, type StatusReport, type StatusSeverity, type StatusSummary, type TenantStatus } from './model/status-report';


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

export { tenantNameOfArn };

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
export async function readRegionStatus(ses: SesGateway, at: ArnLocation, opts: ReadStatusOptions = {}): Promise<TenantStatus[]> {
  const prefix = tenantArnPrefix(at);
  const limit = pLimit(opts.concurrency ?? 16);
  const out: Promise<TenantStatus>[] = [];
  let token: string | undefined;
  do {
    const page = await ses.listReputationEntitiesPage(prefix, token);
    for (const entity of page.items) {
      const status = statusOfEntity(at, entity);
      if (opts.only !== undefined && !opts.only.has(status.tenant)) continue;
      if (opts.owners === false) {
        out.push(Promise.resolve(status));
        continue;
      }
      out.push(
        limit(async () => {
          const tags = await ses.listTags(status.arn ?? '');
          return { ...status, owner: tags?.[MANAGED_BY_TAG] ?? null };
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
  return [...tenants].sort((a, b) => rank(a) - rank(b) || compareStrings(key(a), key(b)));
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
  gatewayFor: (target: StackTarget) => SesGateway,
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
    const read = await readRegionStatus(gatewayFor(target), target, { ...opts, only: new Set(stackOf.keys()) });
    const seen = new Set<string>();
    for (const t of read) {
      seen.add(t.tenant);
      out.push({ ...t, stack: stackOf.get(t.tenant) });
    }
    for (const [name, stack] of stackOf) if (!seen.has(name)) out.push(absentStatus(target, name, stack));
  }
  return statusReport(out);
}
