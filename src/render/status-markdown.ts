import type { StatusReport } from '../engine/model/status-report';
import { SEVERITY_LABEL, STATUS_HEADERS, statusCells, statusSummaryLine } from './status-columns';

/** Options of {@link renderStatusMarkdown}. */
export interface StatusMarkdownOptions {
  /** Heading. @default "SES tenants status" */
  readonly title?: string;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** Renders a status report as Markdown (a scheduled issue or a chat digest): summary, then a table worst first. */
export function renderStatusMarkdown(report: StatusReport, opts: StatusMarkdownOptions = {}): string {
  const out = [`## ${opts.title ?? 'SES tenants status'}`, '', `**${statusSummaryLine(report)}.**`, ''];
  if (report.tenants.length > 0) {
    out.push(`| STATE | ${STATUS_HEADERS.join(' | ')} |`, `|${' --- |'.repeat(STATUS_HEADERS.length + 1)}`);
    for (const t of report.tenants) {
      const [name, ...rest] = statusCells(t);
      out.push(`| ${SEVERITY_LABEL[t.severity]} | \`${cell(name)}\` | ${rest.map(cell).join(' | ')} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
