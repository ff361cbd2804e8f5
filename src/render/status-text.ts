import pc from 'picocolors';
import type { StatusReport, StatusSeverity } from '../engine/model/status-report';
import { STATUS_HEADERS, statusCells, statusSummaryLine } from './status-columns';

/** Options of {@link renderStatusText}. */
export interface StatusTextOptions {
  /** Colour the output with ANSI escapes. @default false */
  readonly colour?: boolean;
}

const MARK: Readonly<Record<StatusSeverity, string>> = {
  'paused-by-ses': 'x',
  'paused-by-customer': '=',
  absent: '?',
  reinstated: '!',
  'high-impact': '^',
  ok: ' ',
};

/** Renders a status report as an aligned table for a terminal, worst first, the summary last. */
export function renderStatusText(report: StatusReport, opts: StatusTextOptions = {}): string {
  const c = pc.createColors(opts.colour ?? false);
  const paint: Readonly<Record<StatusSeverity, (s: string) => string>> = {
    'paused-by-ses': (s) => c.bold(c.red(s)),
    'paused-by-customer': c.yellow,
    absent: c.dim,
    reinstated: c.magenta,
    'high-impact': c.yellow,
    ok: (s) => s,
  };
  const rows = report.tenants.map(statusCells);
  const widths = STATUS_HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  const out = [c.bold(`  ${line(STATUS_HEADERS)}`)];
  report.tenants.forEach((t, i) => out.push(paint[t.severity](`${MARK[t.severity]} ${line(rows[i])}`)));
  if (report.tenants.length === 0) out.push(c.dim('  no tenants'));
  out.push('', c.bold(`Status: ${statusSummaryLine(report)}.`));
  return `${out.join('\n')}\n`;
}
