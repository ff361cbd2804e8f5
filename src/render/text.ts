import pc from 'picocolors';
import type { Plan, StackPlan, TenantChange, UnmanagedTenant } from '../engine/model';
import { deleteWarning, describeFieldChange, displayOrder, originLabel, pausedBySesNote, planDeletes, refusedText, releaseNote, stackTitle, summaryLine, unmanagedGroups, unmanagedNote, type ChangeSign } from './describe';

/** Options of {@link renderText}. */
export interface TextRenderOptions {
  /** Colour the output with ANSI escapes. @default false */
  readonly colour?: boolean;
  /** Unmanaged tenants named per stack before the rest are counted. @default 20 */
  readonly unmanagedShown?: number;
}

type Paint = (s: string) => string;

interface Palette {
  readonly sign: Record<ChangeSign, Paint>;
  readonly bold: Paint;
  readonly dim: Paint;
  readonly danger: Paint;
  readonly drift: Paint;
}

function palette(colour: boolean): Palette {
  const c = pc.createColors(colour);
  return {
    sign: { '+': c.green, '-': c.red, '~': c.yellow, '!': c.magenta },
    bold: c.bold,
    dim: c.dim,
    danger: (s) => c.bold(c.red(s)),
    drift: c.cyan,
  };
}

const quote = (s: string): string => JSON.stringify(s);

function tenantLines(change: TenantChange, p: Palette, paused: ReadonlySet<string>): string[] {
  const id = (change.tenantId ? p.dim(`  ${change.tenantId}`) : '') + (paused.has(change.tenant) ? `  ${p.danger('[paused by SES]')}` : '');
  if (change.action === 'delete') {
    return [
      `  ${p.danger(`- ${change.tenant}  DELETE`)}${id}`,
      `      ${change.reason ?? ''}`,
      `      ${p.danger(`!! ${deleteWarning(change)}`)}`,
    ];
  }
  if (change.action === 'release') {
    return [`  ${p.sign['!'](`- ${change.tenant}  release`)}${id}`, `      ${change.reason ?? ''}`, `      ${p.dim(releaseNote())}`];
  }
  const label = originLabel(change);
  const head =
    change.action === 'create'
      ? `  ${p.sign['+'](`+ ${change.tenant}`)}  create`
      : `  ${p.sign['~'](`~ ${change.tenant}`)}  update${id}${label ? `  ${p.drift(`[${label}]`)}` : ''}`;
  const lines = [head];
  for (const field of change.changes) {
    const d = describeFieldChange(field, quote);
    lines.push(`      ${p.sign[d.sign](d.sign)} ${d.text}`);
  }
  return lines;
}

function stackLines(stack: StackPlan, p: Palette, unmanagedShown: number): string[] {
  const lines = [p.bold(`Stack ${stackTitle(stack)}`)];
  const paused = new Set(stack.pausedBySes ?? []);
  for (const change of displayOrder(stack.changes)) lines.push(...tenantLines(change, p, paused));
  for (const r of stack.refused) lines.push(`  ${p.danger(`! ${r.tenant}  adopt REFUSED`)}${p.dim(`  ${r.tenantId}`)}`, `      ${refusedText(r)}`);
  if (stack.changes.length === 0 && stack.refused.length === 0) lines.push(p.dim('  no changes'));
  lines.push(p.dim(`  = ${stack.unchanged} unchanged`));
  const note = pausedBySesNote(stack);
  if (note !== undefined) lines.push(p.danger(`  ! ${note}`));
  const { released, others } = unmanagedGroups(stack);
  const listed = (list: UnmanagedTenant[]): string => {
    const names = list.slice(0, unmanagedShown).map((u) => {
      const note = unmanagedNote(u, stack);
      return note === undefined ? u.tenant : `${u.tenant} (${note})`;
    });
    return names.join(', ') + (list.length > unmanagedShown ? `, and ${list.length - unmanagedShown} more` : '');
  };
  if (released.length > 0) lines.push(p.dim(`  ? ${released.length} released (managed by no stack, never changed): ${listed(released)}`));
  if (others.length > 0) lines.push(p.dim(`  ? ${others.length} unmanaged (not managed by this app, never changed): ${listed(others)}`));
  return lines;
}

/** Renders a plan for a terminal: per stack and tenant, deletes first and loud, drift marked, totals last. */
export function renderText(plan: Plan, opts: TextRenderOptions = {}): string {
  const p = palette(opts.colour ?? false);
  const out: string[] = [];
  for (const stack of plan.stacks) out.push(...stackLines(stack, p, opts.unmanagedShown ?? 20), '');
  out.push(p.bold(`Plan: ${summaryLine(plan)}.`));
  if (plan.summary.drifted > 0) {
    out.push(p.drift(`${plan.summary.drifted} tenant(s) drifted: the live tenant differs from the spec last applied; applying restores the spec.`));
  }
  if (plan.summary.refused > 0) {
    out.push(
      p.danger(
        `REFUSED: ${plan.summary.refused} declared tenant(s) belong to another app or stack, or to nobody; apply refuses this plan ` +
          'until each is adopted explicitly (adopt: true on the tenant, or --adopt NAME) or renamed.',
      ),
    );
  }
  const deletes = planDeletes(plan);
  if (deletes.length > 0) {
    out.push(
      p.danger(
        `WARNING: ${deletes.length} tenant(s) will be DELETED. A deleted tenant loses its TenantId and reputation history; ` +
          'a rename is a delete and a create. Apply refuses deletes unless they are explicitly allowed.',
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
