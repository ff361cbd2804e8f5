import type { StatusReport, StatusSeverity, TenantStatus } from '../engine/model/status-report';

/** Headers of the status table, in order. */
export const STATUS_HEADERS = ['TENANT', 'STACK', 'REGION', 'SENDING', 'CUSTOMER', 'SES-MANAGED', 'CAUSE', 'IMPACT', 'POLICY', 'OWNER'] as const;

/** A short word for each severity. */
export const SEVERITY_LABEL: Readonly<Record<StatusSeverity, string>> = {
  'paused-by-ses': 'paused by SES',
  'paused-by-customer': 'paused by the customer',
  absent: 'absent from SES',
  reinstated: 'reinstated',
  'high-impact': 'high reputation impact',
  ok: 'sending',
};

/** The cause worth showing: SES's when SES moved the tenant off ENABLED, else the customer's when they did. */
export function shownCause(t: TenantStatus): string {
  if (t.awsManaged.status !== null && t.awsManaged.status !== 'ENABLED') return `SES: ${t.awsManaged.cause ?? ''}`.trim();
  if (t.customerManaged.status !== null && t.customerManaged.status !== 'ENABLED') return `customer: ${t.customerManaged.cause ?? ''}`.trim();
  return '';
}

/** One table row of a tenant, the cells in {@link STATUS_HEADERS} order. */
export function statusCells(t: TenantStatus): string[] {
  const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v);
  return [
    t.tenant,
    dash(t.stack),
    t.region,
    t.severity === 'absent' ? 'ABSENT' : dash(t.sendingStatus),
    dash(t.customerManaged.status),
    dash(t.awsManaged.status),
    dash(shownCause(t)),
    dash(t.reputationImpact),
    dash(t.policy),
    t.owner === undefined && t.severity !== 'absent' ? '(not read)' : dash(t.owner),
  ];
}

/** The one-line summary of a report. */
export function statusSummaryLine(report: StatusReport): string {
  const s = report.summary;
  return `${s.tenants} tenant${s.tenants === 1 ? '' : 's'}: ${s.pausedBySes} paused by SES, ${s.pausedByCustomer} paused by the customer, ${s.reinstated} reinstated, ${s.absent} absent from SES`;
}
