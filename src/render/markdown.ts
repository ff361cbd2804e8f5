import type { Plan, StackPlan, TenantChange, UnmanagedTenant } from '../engine/model';
import { deleteWarning, describeFieldChange, displayOrder, originLabel, pausedBySesNote, planDeletes, refusedText, stackCounts, summaryLine, unmanagedGroups, unmanagedNote } from './describe';

/** GitHub's limit on the body of a pull-request comment. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Options of {@link renderMarkdown}. */
export interface MarkdownRenderOptions {
  /** Most characters the comment may have. @default 65536 (GitHub's limit) */
  readonly maxLength?: number;
  /** Heading of the comment. @default "SES tenants plan" */
  readonly title?: string;
}

/** An inline code span that holds any text (backticks included) on one line. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, '⏎');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function tenantBlock(change: TenantChange): string {
  const id = change.tenantId ? ` (${codeSpan(change.tenantId)})` : '';
  if (change.action === 'delete') {
    return `- 🛑 **DELETE ${codeSpan(change.tenant)}**${id}: ${change.reason ?? ''}. **${deleteWarning(change)}.**\n`;
  }
  if (change.action === 'release') {
    return `- 📤 **release** ${codeSpan(change.tenant)}${id}: ${change.reason ?? ''}.\n`;
  }
  const label = originLabel(change);
  const head =
    change.action === 'create'
      ? `- ➕ **create** ${codeSpan(change.tenant)}`
      : `- ✏️ **update** ${codeSpan(change.tenant)}${id}${label ? ` — ⚠️ ${label}` : ''}`;
  const fields = change.changes.map((f) => {
    const d = describeFieldChange(f, codeSpan);
    return `  - \`${d.sign}\` ${d.text}\n`;
  });
  return `${head}\n${fields.join('')}`;
}

function tableRow(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

function summaryTable(plan: Plan): string {
  let out = tableRow(['Stack', 'Region', 'Account', 'Create', 'Update', 'Release', 'Delete', 'Unchanged', 'Unmanaged']);
  out += '|---|---|---|---:|---:|---:|---:|---:|---:|\n';
  for (const stack of plan.stacks) {
    const c = stackCounts(stack);
    out += tableRow([
      codeSpan(stack.target.stack),
      stack.target.region,
      stack.target.account,
      c.create,
      c.drifted > 0 ? `${c.update} (${c.drifted} drift)` : c.update,
      c.release,
      c.delete > 0 ? `**${c.delete}** 🛑` : 0,
      stack.unchanged,
      stack.unmanaged.length,
    ]);
  }
  const s = plan.summary;
  out += tableRow(['**Total**', '', '', s.create, s.drifted > 0 ? `${s.update} (${s.drifted} drift)` : s.update, s.release, s.delete > 0 ? `**${s.delete}** 🛑` : 0, s.unchanged, s.unmanaged]);
  return out;
}

function alerts(plan: Plan): string {
  let out = '';
  const deletes = planDeletes(plan);
  if (deletes.length > 0) {
    const names = deletes.slice(0, 20).map((d) => `${codeSpan(d.change.tenant)} (${d.stack})`);
    const more = deletes.length > 20 ? `, and ${deletes.length - 20} more` : '';
    out +=
      `> [!CAUTION]\n> **${deletes.length} tenant(s) will be DELETED**: ${names.join(', ')}${more}.\n` +
      '> A deleted tenant loses its TenantId and reputation history; a rename is a delete and a create. ' +
      'Apply refuses deletes unless they are explicitly allowed.\n\n';
  }
  const refused = plan.stacks.flatMap((s) => s.refused);
  if (refused.length > 0) {
    const names = refused.slice(0, 20).map((r) => `${codeSpan(r.tenant)} (${refusedText(r)})`);
    out += `> [!CAUTION]\n> **${refused.length} adopt(s) REFUSED**: ${names.join(', ')}${refused.length > 20 ? `, and ${refused.length - 20} more` : ''}. Apply refuses this plan.\n\n`;
  }
  if (plan.summary.drifted > 0) {
    out +=
      `> [!WARNING]\n> **${plan.summary.drifted} tenant(s) drifted**: they differ from the spec last applied ` +
      '(changed outside the code). Applying restores the spec.\n\n';
  }
  return out;
}

function unmanagedLine(stack: StackPlan): string {
  const line = (list: UnmanagedTenant[], what: string): string => {
    if (list.length === 0) return '';
    const names = list.slice(0, 20).map((u) => {
      const note = unmanagedNote(u, stack);
      return codeSpan(u.tenant) + (note === undefined ? '' : ` (${escapeHtml(note)})`);
    });
    const more = list.length > 20 ? `, and ${list.length - 20} more` : '';
    return `\n${list.length} ${what}, never changed: ${names.join(', ')}${more}.\n`;
  };
  const { released, others } = unmanagedGroups(stack);
  return line(released, 'released tenant(s), managed by no stack') + line(others, 'unmanaged tenant(s)');
}

function stackSummary(stack: StackPlan): string {
  const c = stackCounts(stack);
  const parts = [`${c.create} create`, `${c.update} update`, `${c.release} release`, `${c.delete} delete`, `${stack.unchanged} unchanged`];
  return `${escapeHtml(stack.target.stack)} · ${stack.target.region} · ${stack.target.account}: ${parts.join(', ')}`;
}

/**
 * Renders a plan as a pull-request comment: title, summary table, alerts for deletes and drift,
 * then one collapsed `<details>` section per stack. Stays within `maxLength` by leaving tenants
 * out and saying how many it left out.
 */
export function renderMarkdown(plan: Plan, opts: MarkdownRenderOptions = {}): string {
  const limit = opts.maxLength ?? GITHUB_COMMENT_LIMIT;
  const head = `## ${opts.title ?? 'SES tenants plan'}\n\n**Plan:** ${summaryLine(plan)}.\n\n${summaryTable(plan)}\n${alerts(plan)}`;
  const notice = (n: number): string =>
    `\n_${n} tenant change(s) not shown to keep this comment under ${limit} characters; run \`ses-tenants plan\` or read the JSON plan for all of them._\n`;
  // Room kept for the closing tags and notices of every stack.
  const reserve = 400 + plan.stacks.length * 200;
  let out = head;
  let left = 0;
  for (const stack of plan.stacks) {
    let section = `<details><summary>${stackSummary(stack)}</summary>\n\n`;
    const ordered = displayOrder(stack.changes);
    let shown = 0;
    for (const change of ordered) {
      const block = tenantBlock(change);
      if (out.length + section.length + block.length + reserve > limit) break;
      section += block;
      shown++;
    }
    if (stack.changes.length === 0 && stack.refused.length === 0) section += 'No changes.\n';
    if (shown < ordered.length) {
      section += notice(ordered.length - shown);
      left += ordered.length - shown;
    }
    const paused = pausedBySesNote(stack, codeSpan);
    if (paused !== undefined) section += `\n⏸️ ${paused}.\n`;
    section += unmanagedLine(stack);
    section += '\n</details>\n\n';
    if (out.length + section.length > limit - 300) {
      out += `<details><summary>${stackSummary(stack)}</summary>\n${notice(ordered.length)}\n</details>\n\n`;
      left += ordered.length;
      continue;
    }
    out += section;
  }
  if (left > 0) out += `**${left} tenant change(s) in total were left out of this comment for its size.**\n`;
  return out;
}
