import { OwnershipError } from '../../src/engine';
import { associationPlan, settingsPlan, tenantCreatePlan, tenantDeletePlan } from '../../src/hooks/hook-plan';
import { MANAGED_BY_TAG } from '../../src/tenant-spec';
import { liveOf, spec, target } from '../engine/fixtures';

const stack = target('app');

describe('hook plans: each covers only the object its hook owns', () => {
  test('tenant-create of an absent tenant creates it without associations, policy or status', () => {
    const s = spec('acme', { reputationPolicy: 'strict', sendingStatus: 'disabled', tags: { t: '1' } });
    const change = tenantCreatePlan(stack, s, undefined).stacks[0].changes[0];
    expect(change.action).toBe('create');
    expect(change.changes).toEqual([{ kind: 'tag', key: 't', from: null, to: '1' }]);
  });

  test('tenant-create of our own tenant does nothing; an unmarked one is refused unless the spec adopts it', () => {
    const s = spec('acme');
    expect(tenantCreatePlan(stack, s, liveOf('app', s, { reputationPolicy: 'none' })).stacks[0].changes).toEqual([]);
    expect(() => tenantCreatePlan(stack, s, liveOf('app', s, { tags: {} }))).toThrow(/created outside cdktf-ses-tenants/);
    const adopt = tenantCreatePlan(stack, { ...s, adopt: true }, liveOf('app', s, { tags: {} })).stacks[0].changes[0];
    expect(adopt).toMatchObject({ action: 'update', origin: 'adopt', changes: [{ kind: 'adopt', managedBy: null }] });
    expect(adopt.specHash).toBeUndefined();
  });

  test('tenant-create and settings-apply refuse another app\'s or stack\'s tenant, naming it', () => {
    const theirs = liveOf('other', spec('acme'));
    expect(() => tenantCreatePlan(stack, spec('acme'), theirs)).toThrow(OwnershipError);
    expect(() => settingsPlan(stack, spec('acme'), theirs)).toThrow(/managed by app test-app stack other/);
    const sameStackOtherApp = liveOf('app', spec('acme'), { tags: { [MANAGED_BY_TAG]: 'another-repo/app' } });
    expect(() => settingsPlan(stack, spec('acme'), sameStackOtherApp)).toThrow(/managed by app another-repo stack app/);
  });

  test('tenant-delete releases (retain) or deletes (destroy) only a tenant this stack marked', () => {
    expect(tenantDeletePlan(stack, liveOf('app', spec('acme')), 'destroy').stacks[0].changes.map((c) => c.action)).toEqual(['delete']);
    expect(tenantDeletePlan(stack, liveOf('app', spec('acme')), 'retain').stacks[0].changes.map((c) => c.action)).toEqual(['release']);
    expect(tenantDeletePlan(stack, liveOf('app', spec('acme'), { tags: {} }), 'destroy').stacks[0].changes).toEqual([]);
    expect(tenantDeletePlan(stack, liveOf('app', spec('acme'), { tags: { [MANAGED_BY_TAG]: 'x/app' } }), 'destroy').stacks[0].changes).toEqual([]);
    expect(tenantDeletePlan(stack, undefined, 'destroy').stacks[0].changes).toEqual([]);
  });

  test('settings-apply leaves associations to the association hooks', () => {
    const s = spec('acme', { reputationPolicy: 'none' });
    const change = settingsPlan(stack, s, liveOf('app', spec('acme'), { resources: [] })).stacks[0].changes[0];
    expect(change.changes).toEqual([{ kind: 'reputation-policy', from: 'standard', to: 'none' }]);
  });

  test('association hooks plan exactly one association', () => {
    const resource = spec('acme').resources[0];
    expect(associationPlan(stack, { target: stack, tenant: 'acme', resource, removalPolicy: 'retain' }, 'remove').stacks[0].changes).toEqual([
      { tenant: 'acme', action: 'update', changes: [{ kind: 'association', op: 'remove', resource }] },
    ]);
  });
});
