import fc from 'fast-check';
import { computePlan } from '../../src/engine';
import type { DesiredStack, LiveRegion, LiveTenant } from '../../src/engine';
import { canonicalTenant, MANAGED_BY_TAG, SPEC_HASH_TAG } from '../../src/tenant-spec';
import type { ResourceRef, TenantSpec } from '../../src/tenant-spec';
import { ACCOUNT, target } from './fixtures';
import { applyPlanToModel } from './model-apply';

const REGIONS = { 'eu-central-1': ['s1', 's2'], 'us-east-1': ['s3'] } as const;
const NAMES = ['a', 'b', 'c', 'd', 'e'];

const resourcesIn = (region: string) =>
  fc.subarray(
    [
      { type: 'identity', name: 'one.example', arn: `arn:aws:ses:${region}:${ACCOUNT}:identity/one.example` },
      { type: 'identity', name: 'two.example', arn: `arn:aws:ses:${region}:${ACCOUNT}:identity/two.example` },
      { type: 'configuration-set', name: 'cs', arn: `arn:aws:ses:${region}:${ACCOUNT}:configuration-set/cs` },
      { type: 'template', name: 'tpl', arn: `arn:aws:ses:${region}:${ACCOUNT}:template/tpl` },
    ] as ResourceRef[],
  );
const tags = fc.dictionary(fc.constantFrom('team', 'env', 'x y'), fc.constantFrom('1', '2', ''), { maxKeys: 3 });
const suppression = fc.option(fc.record({ scope: fc.constantFrom('ACCOUNT' as const, 'TENANT' as const), reasons: fc.subarray(['BOUNCE', 'COMPLAINT'] as ('BOUNCE' | 'COMPLAINT')[]) }), { nil: null });
const policy = fc.constantFrom('standard' as const, 'strict' as const, 'none' as const);

const specArb = (name: string, region: string): fc.Arbitrary<TenantSpec> =>
  fc.record({
    name: fc.constant(name),
    resources: resourcesIn(region),
    reputationPolicy: policy,
    sendingStatus: fc.constantFrom('enabled' as const, 'disabled' as const),
    tags,
    suppression,
  });

const liveArb = (name: string, region: string): fc.Arbitrary<LiveTenant> =>
  fc
    .record({
      resources: resourcesIn(region),
      reputationPolicy: fc.option(policy, { nil: null }),
      customerStatus: fc.constantFrom('ENABLED' as const, 'DISABLED' as const, 'REINSTATED' as const),
      tags,
      marker: fc.constantFrom<string | undefined>('s1', 's2', 's3', 'other', undefined),
      hash: fc.constantFrom<string | undefined>('0123456789abcdef', undefined),
      suppression,
    })
    .map((r) => ({
      name,
      id: `tn-${name}`,
      arn: `arn:aws:ses:${region}:${ACCOUNT}:tenant/${name}/tn-${name}`,
      reputationPolicy: r.reputationPolicy,
      customerStatus: r.customerStatus,
      sendingStatusAggregate: r.customerStatus,
      tags: { ...r.tags, ...(r.marker ? { [MANAGED_BY_TAG]: r.marker } : {}), ...(r.hash ? { [SPEC_HASH_TAG]: r.hash } : {}) },
      suppression: r.suppression,
      resources: r.resources,
    }));

/** Per region and tenant name: which stack declares it (or none) and whether it is live. */
const world = fc.tuple(
  ...Object.entries(REGIONS).map(([region, stacks]) =>
    fc.tuple(
      ...NAMES.map((name) =>
        fc.record({
          owner: fc.constantFrom<string | undefined>(...stacks, undefined),
          spec: specArb(name, region),
          live: fc.option(liveArb(name, region), { nil: undefined }),
        }),
      ),
    ).map((tenants) => ({ region, stacks: [...stacks] as string[], tenants })),
  ),
);

function build(regions: { region: string; stacks: string[]; tenants: { owner?: string; spec: TenantSpec; live?: LiveTenant }[] }[]) {
  const desired: DesiredStack[] = [];
  const live: LiveRegion[] = [];
  for (const r of regions) {
    for (const stack of r.stacks) {
      const specs = r.tenants.filter((t) => t.owner === stack).map((t) => t.spec);
      desired.push({ target: target(stack, r.region), tenants: Object.fromEntries(specs.map((s) => [s.name, canonicalTenant(s)])) });
    }
    const lives = r.tenants.flatMap((t) => (t.live ? [t.live] : []));
    live.push({ partition: 'aws', region: r.region, account: ACCOUNT, tenants: Object.fromEntries(lives.map((t) => [t.name, t])) });
  }
  return { desired, live };
}

test('property: applying a plan to the live state and planning again gives no changes', () => {
  fc.assert(
    fc.property(world, (regions) => {
      const { desired, live } = build(regions);
      const plan = computePlan(desired, live);
      const after = applyPlanToModel(plan, live);
      const again = computePlan(desired, after);
      expect(again.stacks.flatMap((s) => s.changes)).toEqual([]);
      expect(again.summary.unmanaged).toBe(plan.summary.unmanaged);
    }),
    { numRuns: 300 },
  );
});

test('property: the plan never mutates its inputs and is byte-identical when repeated', () => {
  fc.assert(
    fc.property(world, (regions) => {
      const { desired, live } = build(regions);
      const before = JSON.stringify([desired, live]);
      const one = JSON.stringify(computePlan(desired, live));
      expect(JSON.stringify(computePlan([...desired].reverse(), [...live].reverse()))).toBe(one);
      expect(JSON.stringify([desired, live])).toBe(before);
    }),
    { numRuns: 100 },
  );
});

test('property: only tenants marked by the planning stack are ever deleted', () => {
  fc.assert(
    fc.property(world, (regions) => {
      const { desired, live } = build(regions);
      for (const stack of computePlan(desired, live).stacks) {
        const region = live.find((r) => r.region === stack.target.region)!;
        for (const c of stack.changes.filter((x) => x.action === 'delete')) {
          expect(region.tenants[c.tenant].tags[MANAGED_BY_TAG]).toBe(stack.target.stack);
        }
      }
    }),
    { numRuns: 200 },
  );
});
