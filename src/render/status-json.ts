import type { StatusReport } from '../engine/model/status-report';

/**
 * Renders a status report as JSON: `{ tool, summary: { tenants, pausedBySes, pausedByCustomer,
 * absent, reinstated }, tenants: [ { tenant, region, account, stack?, arn?, severity, sendingStatus,
 * customerManaged: { status, cause?, updatedAt? }, awsManaged: {...}, reputationImpact, policy, owner? } ] }`,
 * tenants worst first.
 */
export function renderStatusJson(report: StatusReport): string {
  return `${JSON.stringify({ tool: 'cdktf-ses-tenants', summary: report.summary, tenants: report.tenants }, null, 2)}\n`;
}
