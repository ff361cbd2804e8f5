import { compareStrings } from '../tenant-spec/compare';
import { StalePlanError } from './errors';
import { liveFingerprint, liveTenantHashes, regionKey } from './model';
import type { LiveRegion, MovedTenant, Plan } from './model';

/**
 * What moved in the live state since the plan was computed: tenants added, removed or changed, by
 * name, per stack (sorted). Empty when every stack's region still has the fingerprint the plan saw.
 * A region missing from `live` counts as unread and is reported as an error, not as "nothing moved".
 */
export function checkPlanFresh(plan: Plan, live: readonly LiveRegion[]): MovedTenant[] {
  const byKey = new Map(live.map((r) => [regionKey(r), r]));
  const moved: MovedTenant[] = [];
  for (const stack of plan.stacks) {
    const region = byKey.get(regionKey(stack.target));
    if (region === undefined) {
      throw new StalePlanError(`the live state of ${stack.target.region}/${stack.target.account} (stack ${stack.target.stack}) was not read`);
    }
    if (liveFingerprint(region) === stack.liveFingerprint) continue;
    const now = liveTenantHashes(region);
    const then = stack.liveTenantHashes;
    const names = new Set([...Object.keys(now), ...Object.keys(then)]);
    for (const tenant of [...names].sort(compareStrings)) {
      const base = { stack: stack.target.stack, region: stack.target.region, tenant };
      if (!(tenant in then)) moved.push({ ...base, change: 'added' });
      else if (!(tenant in now)) moved.push({ ...base, change: 'removed' });
      else if (now[tenant] !== then[tenant]) moved.push({ ...base, change: 'changed' });
    }
  }
  return moved;
}

/** One message for a stale plan: how many tenants moved and the first few by name. */
export function describeStalePlan(moved: readonly MovedTenant[]): string {
  const shown = moved
    .slice(0, 10)
    .map((m) => `${m.tenant} (${m.change} in ${m.region}, stack ${m.stack})`)
    .join(', ');
  const more = moved.length > 10 ? `, and ${moved.length - 10} more` : '';
  return (
    `the live state moved since the plan was computed: ${moved.length} tenant${moved.length === 1 ? '' : 's'} ` +
    `changed (${shown}${more}). Nothing was applied; run plan again and review the new plan`
  );
}
