import { computePlan, PlanInputError, planIsEmpty } from '../../src/engine';
import { MANAGED_BY_TAG, RELEASED_BY_TAG, REMOVAL_POLICY_TAG, SPEC_HASH_TAG, tenantSpecHash } from '../../src/tenant-spec';
import { arn, desired, liveOf, marker, region, spec } from './fixtures';

describe('computePlan: two literal states', () => {
  test('a declared tenant that is not live is created with its associations and non-default settings', () => {
    const s = spec('acme', { reputationPolicy: 'strict', sendingStatus: 'disabled', tags: { team: 'a' }, suppression: { scope: 'TENANT', reasons: ['BOUNCE'] } });
    const plan = computePlan([desired('app', [s])], [region([])]);
    const change = plan.stacks[0].changes[0];
    expect(change.action).toBe('create');
    expect(change.changes.map((c) => c.kind)).toEqual(['association', 'association', 'reputation-policy', 'sending-status', 'suppression', 'tag']);
    expect(change.specHash).toEqual({ from: null, to: tenantSpecHash(s) });
    expect(plan.summary).toEqual({ create: 1, update: 0, release: 0, delete: 0, unchanged: 0, drifted: 0, unmanaged: 0, refused: 0 });
  });

  test('a create with SES defaults lists no policy or status change', () => {
    const plan = computePlan([desired('app', [spec('acme')])], [region([])]);
    expect(plan.stacks[0].changes[0].changes.map((c) => c.kind)).toEqual(['association', 'association']);
  });

  test('a tenant live as declared is a no-op, counted but not listed', () => {
    const s = spec('acme', { tags: { team: 'a' } });
    const plan = computePlan([desired('app', [s])], [region([liveOf('app', s)])]);
    expect(plan.stacks[0].changes).toEqual([]);
    expect(plan.stacks[0].unchanged).toBe(1);
    expect(planIsEmpty(plan)).toBe(true);
  });

  test('every field difference becomes a field change and keeps the TenantId', () => {
    const old = spec('acme', { tags: { team: 'a', gone: 'x' } });
    const now = spec('acme', {
      resources: [{ type: 'identity', name: 'new.example.com', arn: arn('identity', 'new.example.com') }, old.resources[0]],
      reputationPolicy: 'strict',
      sendingStatus: 'disabled',
      tags: { team: 'b', added: 'y' },
      suppression: { scope: 'ACCOUNT', reasons: [] },
    });
    const live = liveOf('app', old);
    const plan = computePlan([desired('app', [now])], [region([live])]);
    const change = plan.stacks[0].changes[0];
    expect(change).toMatchObject({ action: 'update', origin: 'code', tenantId: live.id });
    expect(change.changes).toEqual([
      { kind: 'association', op: 'add', resource: now.resources[0] },
      { kind: 'association', op: 'remove', resource: old.resources[1] },
      { kind: 'reputation-policy', from: 'standard', to: 'strict' },
      { kind: 'sending-status', from: 'ENABLED', to: 'disabled' },
      { kind: 'suppression', from: null, to: { scope: 'ACCOUNT', reasons: [] } },
      { kind: 'tag', key: 'added', from: null, to: 'y' },
      { kind: 'tag', key: 'gone', from: 'x', to: null },
      { kind: 'tag', key: 'team', from: 'a', to: 'b' },
    ]);
  });

  test('REINSTATED differs from a declared enabled status', () => {
    const s = spec('acme');
    const plan = computePlan([desired('app', [s])], [region([liveOf('app', s, { customerStatus: 'REINSTATED' })])]);
    expect(plan.stacks[0].changes[0].changes).toEqual([{ kind: 'sending-status', from: 'REINSTATED', to: 'enabled' }]);
  });

  test('a live difference under the spec-hash of the declared spec is drift', () => {
    const s = spec('acme');
    const plan = computePlan([desired('app', [s])], [region([liveOf('app', s, { reputationPolicy: 'none' })])]);
    expect(plan.stacks[0].changes[0].origin).toBe('drift');
    expect(plan.summary.drifted).toBe(1);
  });

  test('a declared tenant without the managed-by marker is refused, named as created outside; with adopt it is an adopt, not drift', () => {
    const s = spec('acme');
    const live = liveOf('app', s, { tags: {} });
    const refused = computePlan([desired('app', [s])], [region([live])]);
    expect(refused.stacks[0].changes).toEqual([]);
    expect(refused.stacks[0].refused).toEqual([{ tenant: 'acme', tenantId: live.id, managedBy: null }]);
    expect(refused.summary.refused).toBe(1);
    expect(planIsEmpty(refused)).toBe(false);
    for (const plan of [computePlan([desired('app', [{ ...s, adopt: true }])], [region([live])]), computePlan([desired('app', [s])], [region([live])], { adopt: ['acme'] })]) {
      const change = plan.stacks[0].changes[0];
      expect(change).toMatchObject({ action: 'update', origin: 'adopt' });
      expect(change.changes).toEqual([{ kind: 'adopt', managedBy: null }]);
      expect(plan.summary.drifted).toBe(0);
    }
  });

  test('app B with the same stack name as app A: A\'s tenants are another owner\'s (unmanaged, never DELETE), and B\'s declaration of one is refused', () => {
    const acme = liveOf('ses-eu', spec('acme'), { tags: { [MANAGED_BY_TAG]: 'repo-a/ses-eu' } });
    const other = liveOf('ses-eu', spec('other'), { tags: { [MANAGED_BY_TAG]: 'repo-a/ses-eu' } });
    const b = { ...desired('ses-eu', [spec('acme')]), target: { ...desired('ses-eu', []).target, owner: 'repo-b' } };
    const plan = computePlan([b], [region([acme, other])]);
    expect(plan.summary).toMatchObject({ delete: 0, release: 0, update: 0, refused: 1, unmanaged: 1 });
    expect(plan.stacks[0].refused).toEqual([{ tenant: 'acme', tenantId: acme.id, managedBy: 'repo-a/ses-eu' }]);
    expect(plan.stacks[0].unmanaged).toEqual([{ tenant: 'other', tenantId: other.id, managedBy: 'repo-a/ses-eu' }]);
  });

  test('a tenant with the marker but no spec-hash is an unfinished apply, not drift', () => {
    const s = spec('acme', { reputationPolicy: 'strict' });
    const live = liveOf('app', s, { reputationPolicy: 'standard', tags: { [MANAGED_BY_TAG]: marker('app') } });
    const change = computePlan([desired('app', [s])], [region([live])]).stacks[0].changes[0];
    expect(change).toMatchObject({ action: 'update', origin: 'unfinished', specHash: { from: null, to: tenantSpecHash(s) } });
    const settled = computePlan([desired('app', [s])], [region([{ ...live, reputationPolicy: 'strict' }])]).stacks[0].changes[0];
    expect(settled).toMatchObject({ action: 'update', origin: 'unfinished', changes: [] });
  });

  test('a tenant this same stack released is taken back without adopt, its released-by tag removed', () => {
    const s = spec('acme');
    const live = liveOf('app', s, { tags: { [RELEASED_BY_TAG]: marker('app') } });
    const change = computePlan([desired('app', [s])], [region([live])]).stacks[0].changes[0];
    expect(change).toMatchObject({ action: 'update', origin: 'adopt', changes: [{ kind: 'adopt', managedBy: null, releasedBy: marker('app') }] });
  });

  test('reserved tags are not user tags', () => {
    const s = spec('acme');
    const live = liveOf('app', s, { tags: { [MANAGED_BY_TAG]: marker('app'), [SPEC_HASH_TAG]: 'old', 'ses-tenants:other': 'x' } });
    expect(computePlan([desired('app', [s])], [region([live])]).stacks[0].changes.map((c) => c.changes)).toEqual([[]]);
  });

  test('a managed tenant the stack no longer declares is released by default (retain), deleted with its TenantId when its last applied policy is destroy', () => {
    const gone = liveOf('app', spec('old-name'));
    const plan = computePlan([desired('app', [spec('new-name')])], [region([gone])]);
    expect(plan.stacks[0].changes.map((c) => [c.tenant, c.action])).toEqual([
      ['new-name', 'create'],
      ['old-name', 'release'],
    ]);
    expect(plan.summary).toMatchObject({ release: 1, delete: 0 });
    const doomed = liveOf('app', spec('old-name'), { tags: { [MANAGED_BY_TAG]: marker('app'), [REMOVAL_POLICY_TAG]: 'destroy', [SPEC_HASH_TAG]: 'x' } });
    const del = computePlan([desired('app', [])], [region([doomed])]).stacks[0].changes[0];
    expect(del).toMatchObject({ action: 'delete', tenantId: doomed.id, reason: 'no longer declared in stack app and its removal policy is destroy' });
  });

  test('a removal-policy change is a code change that writes or removes the reserved tag', () => {
    const s = spec('acme');
    const change = computePlan([desired('app', [{ ...s, removalPolicy: 'destroy' }])], [region([liveOf('app', s)])]).stacks[0].changes[0];
    expect(change).toMatchObject({ origin: 'code', changes: [{ kind: 'removal-policy', from: 'retain', to: 'destroy' }] });
  });

  test('live tenants with no marker or marked by a stack outside the app are unmanaged, never changed', () => {
    const bare = liveOf('app', spec('bare'), { tags: {} });
    const foreign = liveOf('other-app', spec('foreign'));
    const plan = computePlan([desired('app', [])], [region([bare, foreign])]);
    expect(plan.stacks[0].changes).toEqual([]);
    expect(plan.stacks[0].unmanaged).toEqual([
      { tenant: 'bare', tenantId: bare.id },
      { tenant: 'foreign', tenantId: foreign.id, managedBy: marker('other-app') },
    ]);
  });

  test('a tenant marked by another stack of the app is that stack\'s business', () => {
    const theirs = liveOf('b', spec('theirs'));
    const plan = computePlan([desired('a', [])], [region([theirs])], { appStacks: [marker('a'), marker('b')] });
    expect(plan.stacks[0].changes).toEqual([]);
    expect(plan.stacks[0].unmanaged).toEqual([]);
  });

  test('a tenant moved between two stacks of one region is neither released nor deleted by the old one, and the new one adopts it only explicitly', () => {
    const s = spec('moving');
    const plan = computePlan([desired('a', []), desired('b', [s])], [region([liveOf('a', s)])]);
    expect(plan.stacks[0].changes).toEqual([]);
    expect(plan.stacks[1].refused).toEqual([expect.objectContaining({ tenant: 'moving', managedBy: marker('a') })]);
    const adopted = computePlan([desired('a', []), desired('b', [{ ...s, adopt: true }])], [region([liveOf('a', s)])]);
    expect(adopted.stacks[1].changes[0]).toMatchObject({ origin: 'adopt', changes: [{ kind: 'adopt', managedBy: marker('a') }] });
  });

  test('unmanaged tenants of a region are listed once, under its first stack', () => {
    const bare = liveOf('x', spec('bare'), { tags: {} });
    const plan = computePlan([desired('b', []), desired('a', [])], [region([bare])]);
    expect(plan.stacks.map((s) => [s.target.stack, s.unmanaged.length])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    expect(plan.summary.unmanaged).toBe(1);
  });

  test('stacks in different regions only see their own region', () => {
    const eu = spec('eu');
    const us = spec('us', {}, 'us-east-1');
    const plan = computePlan(
      [desired('us', [us], 'us-east-1'), desired('eu', [eu])],
      [region([liveOf('eu', eu)]), region([], 'us-east-1')],
    );
    expect(plan.stacks.map((s) => [s.target.stack, s.changes.map((c) => c.action)])).toEqual([
      ['eu', []],
      ['us', ['create']],
    ]);
  });

  test('a stack whose region was not read is an input error', () => {
    expect(() => computePlan([desired('app', [spec('a')])], [])).toThrow(PlanInputError);
  });

  test('two stacks of one region declaring one name is an input error', () => {
    expect(() => computePlan([desired('a', [spec('x')]), desired('b', [spec('x')])], [region([])])).toThrow(/declared by stacks a and b/);
  });

  test('the plan is byte-identical for the same inputs in any order and never mutates them', () => {
    const d = [desired('b', [spec('z'), spec('y', { tags: { k: 'v' } })]), desired('a', [spec('x')])];
    const l = [region([liveOf('b', spec('y')), liveOf('a', spec('gone')), liveOf('q', spec('bare'), { tags: {} })])];
    const before = JSON.stringify([d, l]);
    const one = JSON.stringify(computePlan(d, l));
    const two = JSON.stringify(computePlan([...d].reverse(), l));
    expect(two).toBe(one);
    expect(JSON.stringify([d, l])).toBe(before);
  });

  test('the live fingerprint changes with the live state and the per-tenant hashes say which tenant', () => {
    const s = spec('acme');
    const a = computePlan([desired('app', [s])], [region([liveOf('app', s)])]).stacks[0];
    const b = computePlan([desired('app', [s])], [region([liveOf('app', s, { reputationPolicy: 'none' })])]).stacks[0];
    expect(a.liveFingerprint).not.toBe(b.liveFingerprint);
    expect(Object.keys(a.liveTenantHashes)).toEqual(['acme']);
    expect(a.liveTenantHashes.acme).not.toBe(b.liveTenantHashes.acme);
  });
});
