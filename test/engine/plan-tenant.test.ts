import { computePlan, OwnershipError, parsePlan, planTenant, serializePlan } from '../../src/engine';
import { MANAGED_BY_TAG } from '../../src/tenant-spec';
import { desired, liveOf, region, spec, target } from './fixtures';

const stack = target('app');

describe('planTenant: the plan of one tenant, built like the fleet plan', () => {
  const cases = {
    create: { desired: spec('acme', { reputationPolicy: 'strict', tags: { t: '1' } }), live: undefined },
    update: { desired: spec('acme', { reputationPolicy: 'none' }), live: liveOf('app', spec('acme'), { resources: [] }) },
    'no-op': { desired: spec('acme'), live: liveOf('app', spec('acme')) },
    release: { desired: undefined, live: liveOf('app', spec('acme')) },
    unmanaged: { desired: undefined, live: liveOf('app', spec('acme'), { tags: {} }) },
  };

  test.each(Object.entries(cases))('%s: every aspect gives the fleet plan of a stack holding only this tenant', (_, c) => {
    const fleet = computePlan([desired('app', c.desired ? [c.desired] : [])], [region(c.live ? [c.live] : [])]);
    const one = planTenant({ target: stack, desired: c.desired, live: c.live });
    expect(one).toEqual(fleet);
    expect(parsePlan(serializePlan(one))).toEqual(one);
  });

  test('aspects restrict the change: associations only, settings only', () => {
    const live = liveOf('app', spec('acme'), { resources: [], reputationPolicy: 'none' });
    const kinds = (aspects: ('associations' | 'settings')[]) =>
      planTenant({ target: stack, desired: spec('acme'), live, aspects }).stacks[0].changes.flatMap((c) => c.changes.map((f) => f.kind));
    expect(kinds(['associations'])).toEqual(['association', 'association']);
    expect(kinds(['settings'])).toEqual(['reputation-policy']);
  });

  test('refuses another stack\'s tenant unless the spec adopts it, and an absent one when its tenant aspect is not planned', () => {
    expect(() => planTenant({ target: stack, desired: spec('acme'), live: liveOf('other', spec('acme')) })).toThrow(OwnershipError);
    const adopted = planTenant({ target: stack, desired: { ...spec('acme'), adopt: true }, live: liveOf('other', spec('acme'), { resources: [] }) });
    expect(adopted.stacks[0].changes[0]).toMatchObject({ origin: 'adopt' });
    expect(() => planTenant({ target: stack, desired: spec('acme'), live: undefined, aspects: ['settings'] })).toThrow(/does not exist/);
    const theirs = planTenant({ target: stack, desired: undefined, live: liveOf('app', spec('acme'), { tags: { [MANAGED_BY_TAG]: 'x/app' } }) });
    expect(theirs.stacks[0]).toMatchObject({ changes: [], unmanaged: [{ tenant: 'acme', managedBy: 'x/app' }] });
  });

  test('a removal follows the removal policy it is given (the hook passes the last applied one), else the live tag', () => {
    const live = liveOf('app', spec('acme'));
    expect(planTenant({ target: stack, desired: undefined, live, removalPolicy: 'destroy' }).stacks[0].changes[0].action).toBe('delete');
    expect(planTenant({ target: stack, desired: undefined, live }).stacks[0].changes[0].action).toBe('release');
  });
});
