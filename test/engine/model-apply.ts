import { liveStatusOf } from '../../src/engine';
import type { FieldChange, LiveRegion, LiveTenant, Plan } from '../../src/engine';
import { MANAGED_BY_TAG, SPEC_HASH_TAG } from '../../src/tenant-spec';

/**
 * A pure model of what applying a plan does to the live state, for property tests: SES defaults on
 * create (standard, ENABLED), every field change carried out, the two reserved tags written.
 */
function applyField(t: LiveTenant, c: FieldChange): LiveTenant {
  switch (c.kind) {
    case 'association':
      return {
        ...t,
        resources: c.op === 'add' ? [...t.resources.filter((r) => r.arn !== c.resource.arn), c.resource] : t.resources.filter((r) => r.arn !== c.resource.arn),
      };
    case 'reputation-policy':
      return { ...t, reputationPolicy: c.to };
    case 'sending-status':
      return { ...t, customerStatus: liveStatusOf(c.to) };
    case 'suppression':
      return { ...t, suppression: c.to };
    case 'tag': {
      const tags = { ...t.tags };
      if (c.to === null) delete tags[c.key];
      else tags[c.key] = c.to;
      return { ...t, tags };
    }
    case 'adopt':
    case 'removal-policy':
      return t;
  }
}

export function applyPlanToModel(plan: Plan, live: readonly LiveRegion[]): LiveRegion[] {
  const regions = live.map((r) => ({ ...r, tenants: { ...r.tenants } }));
  for (const stack of plan.stacks) {
    const region = regions.find((r) => r.region === stack.target.region && r.account === stack.target.account)!;
    const tenants = region.tenants as Record<string, LiveTenant>;
    for (const change of stack.changes) {
      if (change.action === 'delete' || change.action === 'release') {
        delete tenants[change.tenant];
        continue;
      }
      let t: LiveTenant =
        change.action === 'create'
          ? {
              name: change.tenant,
              id: `tn-new${change.tenant}`,
              arn: `arn:aws:ses:${region.region}:${region.account}:tenant/${change.tenant}/tn-new`,
              reputationPolicy: 'standard',
              customerStatus: 'ENABLED',
              sendingStatusAggregate: 'ENABLED',
              tags: {},
              suppression: null,
              resources: [],
            }
          : tenants[change.tenant];
      for (const c of change.changes) t = applyField(t, c);
      t = { ...t, tags: { ...t.tags, [MANAGED_BY_TAG]: `${stack.target.owner}/${stack.target.stack}`, [SPEC_HASH_TAG]: change.specHash!.to } };
      tenants[change.tenant] = t;
    }
  }
  return regions;
}
