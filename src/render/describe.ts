import type { FieldChange, Plan, RefusedAdopt, StackPlan, TenantChange, UnmanagedTenant } from '../engine/model';
import { countActions } from '../engine/model';
import { compareStrings } from '../tenant-spec/compare';
import { describeOwner, ownerMarker, parseOwnerMarker } from '../tenant-spec/ownership';
import type { Suppression } from '../tenant-spec/tenant-spec';

/**
 * Words shared by the renderers: how a change is phrased. No decisions are made here; everything
 * said comes from the plan.
 */

/** How a change is marked: added, removed, changed or a warning. */
export type ChangeSign = '+' | '-' | '~' | '!';

/** One field change phrased for a reader; `value` quotes user strings in the renderer's style. */
export interface DescribedChange {
  /** The mark. */
  readonly sign: ChangeSign;
  /** The sentence. */
  readonly text: string;
}

/** Quotes a user-supplied value (tag key or value, resource name) in a renderer's style. */
export type Quote = (value: string) => string;

function suppressionText(s: Suppression | null): string {
  if (s === null) return 'none';
  return `${s.scope} [${s.reasons.length === 0 ? 'no reasons' : s.reasons.join(', ')}]`;
}

/** Phrases one field change. */
export function describeFieldChange(change: FieldChange, quote: Quote): DescribedChange {
  switch (change.kind) {
    case 'association':
      return change.op === 'add'
        ? { sign: '+', text: `associate ${change.resource.type} ${quote(change.resource.name)}` }
        : { sign: '-', text: `disassociate ${change.resource.type} ${quote(change.resource.name)}` };
    case 'reputation-policy':
      return { sign: '~', text: `reputation policy ${change.from ?? '(none set)'} → ${change.to}` };
    case 'sending-status':
      return { sign: '~', text: `sending status ${change.from ?? '(unknown)'} → ${change.to.toUpperCase()}` };
    case 'suppression':
      return { sign: '~', text: `suppression ${suppressionText(change.from)} → ${suppressionText(change.to)}` };
    case 'tag':
      if (change.from === null) return { sign: '+', text: `tag ${quote(change.key)} = ${quote(change.to ?? '')}` };
      if (change.to === null) return { sign: '-', text: `tag ${quote(change.key)} (was ${quote(change.from)})` };
      return { sign: '~', text: `tag ${quote(change.key)}: ${quote(change.from)} → ${quote(change.to)}` };
    case 'removal-policy':
      return { sign: '~', text: `removal policy ${change.from} → ${change.to}` };
    case 'adopt':
      if (change.releasedBy !== undefined) return { sign: '!', text: `take back: released earlier by ${quote(change.releasedBy)}, this same stack` };
      return { sign: '!', text: `adopt from ${change.managedBy === null ? 'outside cdktf-ses-tenants (no marker)' : quote(change.managedBy)}: this stack takes it over and converges it to its code` };
  }
}

/** The warning every delete carries. */
export function deleteWarning(change: TenantChange): string {
  return `deleting loses TenantId ${change.tenantId ?? '(unknown)'} and its reputation history; a re-created tenant starts over`;
}

/** The phrase of a refused adoption: whose tenant it is and how to take it over. */
export function refusedText(r: RefusedAdopt): string {
  return `${describeOwner(r.managedBy)}: not taken over (set adopt: true on the tenant, or pass --adopt ${r.tenant})`;
}

/**
 * Whose an unmanaged tenant is, for a reader: another app's or stack's, released by this stack
 * (declaring it again takes it back), released by another, or undefined when nobody ever managed it.
 * SES records no release time, so none is said.
 */
export function unmanagedNote(u: UnmanagedTenant, stack: StackPlan): string | undefined {
  if (u.managedBy !== undefined) return describeOwner(u.managedBy);
  if (u.releasedBy === undefined) return undefined;
  if (u.releasedBy === ownerMarker(stack.target)) return `released by this stack ${u.releasedBy}; declaring it again takes it back`;
  const { owner, stack: by } = parseOwnerMarker(u.releasedBy);
  return `released by ${owner === undefined ? '' : `app ${owner} `}stack ${by}; adopt: true on the tenant or --adopt ${u.tenant} takes it`;
}

/** The unmanaged tenants of a stack in two groups: released by a stack of this project, and the others. */
export function unmanagedGroups(stack: StackPlan): { readonly released: UnmanagedTenant[]; readonly others: UnmanagedTenant[] } {
  return { released: stack.unmanaged.filter((u) => u.releasedBy !== undefined), others: stack.unmanaged.filter((u) => u.releasedBy === undefined) };
}

/** The warning every release carries. */
export function releaseNote(): string {
  return 'release: the reserved tags are removed; the tenant, its associations and TenantId stay in SES, unmanaged';
}

/** `stack · region · account` */
export function stackTitle(stack: StackPlan): string {
  return `${stack.target.stack} · ${stack.target.region} · account ${stack.target.account}`;
}

/** Counts of one stack's changes. */
export function stackCounts(stack: StackPlan): { create: number; update: number; release: number; delete: number; drifted: number } {
  return countActions(stack.changes);
}

/** One line of totals: `1 to create, 2 to update (1 drift), 1 to release, 1 to DELETE, 3 unchanged, 2 unmanaged[, 1 adopt REFUSED]`. */
export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  const drift = s.drifted > 0 ? ` (${s.drifted} drift)` : '';
  const del = s.delete > 0 ? `${s.delete} to DELETE` : '0 to delete';
  const refused = s.refused > 0 ? `, ${s.refused} adopt REFUSED` : '';
  return `${s.create} to create, ${s.update} to update${drift}, ${s.release} to release, ${del}, ${s.unchanged} unchanged, ${s.unmanaged} unmanaged${refused}`;
}

/** The label of an update's origin, or undefined for a code change. */
export function originLabel(change: TenantChange): string | undefined {
  switch (change.origin) {
    case 'drift':
      return 'drift: changed outside the code since the last apply';
    case 'adopt':
      return 'adopt: taken over by this stack';
    case 'unfinished':
      return 'unfinished: an earlier apply was interrupted before its last step';
    default:
      return undefined;
  }
}

/** Every delete of a plan as `stack/tenant`, in plan order. */
export function planDeletes(plan: Plan): { stack: string; change: TenantChange }[] {
  return plan.stacks.flatMap((s) => s.changes.filter((c) => c.action === 'delete').map((change) => ({ stack: s.target.stack, change })));
}

/** The order tenants are shown in: deletes first (the dangerous ones), then by name. */
export function displayOrder(changes: readonly TenantChange[]): TenantChange[] {
  return [...changes].sort((a, b) => Number(b.action === 'delete') - Number(a.action === 'delete') || compareStrings(a.tenant, b.tenant));
}

/** The information line of a stack's tenants that SES paused, or undefined when none. */
export function pausedBySesNote(stack: StackPlan, code: (name: string) => string = (n) => n): string | undefined {
  const names = stack.pausedBySes ?? [];
  if (names.length === 0) return undefined;
  const shown = names.slice(0, 20).map(code).join(', ') + (names.length > 20 ? `, and ${names.length - 20} more` : '');
  return `${names.length} paused by SES (information, not a change; \`ses-tenants status\` shows the cause): ${shown}`;
}
