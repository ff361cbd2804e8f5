import { describeOwner, ownerMarker } from '../../tenant-spec/ownership';
import type { StackTarget } from '../../tenant-spec/tenant-spec';
import { DeleteNotAllowedError, OwnershipError } from '../errors';
import type { Plan } from '../model';

/** The error of a plan that would take over tenants nobody asked to adopt. */
export function refusedAdoptError(refused: readonly { stack: StackTarget; r: { tenant: string; tenantId: string; managedBy: string | null } }[]): OwnershipError {
  const shown = refused
    .slice(0, 10)
    .map(({ stack, r }) => `${r.tenant} (${r.tenantId}, ${describeOwner(r.managedBy)}; declared by ${ownerMarker(stack)})`)
    .join(', ');
  const more = refused.length > 10 ? `, and ${refused.length - 10} more` : '';
  return new OwnershipError(
    `the plan would take over ${refused.length} tenant${refused.length === 1 ? '' : 's'} that this app does not manage: ${shown}${more}. ` +
      'Nothing was changed. Adopt them explicitly (adopt: true on the tenant, or --adopt NAME), or rename them in the code',
  );
}

/** Every delete of a plan as `stack/tenant`. */
function deletesOf(plan: Plan): string[] {
  return plan.stacks.flatMap((s) => s.changes.filter((c) => c.action === 'delete').map((c) => `${s.target.stack}/${c.tenant}`));
}

/**
 * Refuses, before any call, a plan that refuses an adoption (OwnershipError) or that deletes
 * without `allowDelete` (DeleteNotAllowedError).
 */
export function checkPlanAllowed(plan: Plan, allowDelete: boolean): void {
  const refused = plan.stacks.flatMap((s) => s.refused.map((r) => ({ stack: s.target, r })));
  if (refused.length > 0) throw refusedAdoptError(refused);
  const deletes = deletesOf(plan);
  if (deletes.length > 0 && !allowDelete) throw new DeleteNotAllowedError(deletes);
}
