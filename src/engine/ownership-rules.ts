import { MANAGED_BY_TAG, RELEASED_BY_TAG } from '../tenant-spec/limits';
import { ownerMarker } from '../tenant-spec/ownership';
import type { RemovalPolicy, StackTarget } from '../tenant-spec/tenant-spec';
import type { LiveTenant, RefusedAdopt, TenantChange, UnmanagedTenant } from './model';

/**
 * Ownership rules (DESIGN rules 7 and 10) as the plans apply them: whether a stack may change a
 * live tenant, how a tenant it may not change is reported, and what removing one of its own does.
 */

/**
 * Whether a stack may change a live tenant: `ours` (its marker names the stack), `take-back` (this
 * same stack released it), `adopt` (someone else's or nobody's, and adoption was asked for) or
 * `refused` (someone else's or nobody's, and it was not).
 */
export type Ownership = 'ours' | 'take-back' | 'adopt' | 'refused';

/** Who may change `live` for `target`; `adopt` is the explicit request to take it over. */
export function ownershipOf(target: Pick<StackTarget, 'owner' | 'stack'>, live: Pick<LiveTenant, 'tags'>, adopt: boolean): Ownership {
  const me = ownerMarker(target);
  const marker = live.tags[MANAGED_BY_TAG];
  if (marker === me) return 'ours';
  if (marker === undefined && live.tags[RELEASED_BY_TAG] === me) return 'take-back';
  return adopt ? 'adopt' : 'refused';
}

/** Whether a live tenant needs taking over (adopt, or take-back of one this stack released) before its aspects can be planned. */
export function needsTakeOver(target: StackTarget, live: LiveTenant | undefined): boolean {
  return live !== undefined && live.tags[MANAGED_BY_TAG] !== ownerMarker(target);
}

/** A live tenant that no stack being planned manages, with its managed-by or released-by marker. */
export function unmanagedOf(live: LiveTenant): UnmanagedTenant {
  const managedBy = live.tags[MANAGED_BY_TAG];
  if (managedBy !== undefined) return { tenant: live.name, tenantId: live.id, managedBy };
  const releasedBy = live.tags[RELEASED_BY_TAG];
  return releasedBy === undefined ? { tenant: live.name, tenantId: live.id } : { tenant: live.name, tenantId: live.id, releasedBy };
}

/** The refusal of a declared tenant that is not ours and was not adopted. */
export function refusedAdopt(live: LiveTenant): RefusedAdopt {
  return { tenant: live.name, tenantId: live.id, managedBy: live.tags[MANAGED_BY_TAG] ?? null };
}

/**
 * What removing a tenant the stack marked does: `destroy` deletes it, `retain` releases it (the
 * reserved tags are removed, `released-by` is left; the tenant, its associations and TenantId stay).
 */
export function removalChange(stack: string, live: LiveTenant, policy: RemovalPolicy): TenantChange {
  return policy === 'destroy'
    ? { tenant: live.name, action: 'delete', tenantId: live.id, changes: [], reason: `no longer declared in stack ${stack} and its removal policy is destroy` }
    : {
        tenant: live.name,
        action: 'release',
        tenantId: live.id,
        changes: [],
        reason: `no longer declared in stack ${stack}; its removal policy is retain, so it is released (tenant, associations and TenantId kept)`,
      };
}
