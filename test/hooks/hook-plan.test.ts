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

  test('tenant-create of our own tenant does nothing, of an unmarked one adopts it without the spec hash', () => {
    const s = spec('acme');
    expect(tenantCreatePlan(stack, s, liveOf('app', s, { reputationPolicy: 'none' })).stacks[0].changes).toEqual([]);
    const adopt = tenantCreatePlan(stack, s, liveOf('app', s, { tags: {} })).stacks[0].changes[0];
    expect(adopt).toMatchObject({ action: 'update', changes: [{ kind: 'adopt', managedBy: null }] });
    expect(adopt.specHash).toBeUndefined();
  });

  test('tenant-create and settings-apply refuse another stack\'s tenant', () => {
    const theirs = liveOf('other', spec('acme'));
    expect(() => tenantCreatePlan(stack, spec('acme'), theirs)).toThrow(OwnershipError);
    expect(() => settingsPlan(stack, spec('acme'), theirs)).toThrow(/managed by stack other/);
  });

  test('tenant-delete deletes only a tenant this stack marked', () => {
    expect(tenantDeletePlan(stack, liveOf('app', spec('acme'))).stacks[0].changes.map((c) => c.action)).toEqual(['delete']);
    expect(tenantDeletePlan(stack, liveOf('app', spec('acme'), { tags: {} })).stacks[0].changes).toEqual([]);
    expect(tenantDeletePlan(stack, liveOf('app', spec('acme'), { tags: { [MANAGED_BY_TAG]: 'x' } })).stacks[0].changes).toEqual([]);
    expect(tenantDeletePlan(stack, undefined).stacks[0].changes).toEqual([]);
  });

  test('settings-apply leaves associations to the association hooks', () => {
    const s = spec('acme', { reputationPolicy: 'none' });
    const change = settingsPlan(stack, s, liveOf('app', spec('acme'), { resources: [] })).stacks[0].changes[0];
    expect(change.changes).toEqual([{ kind: 'reputation-policy', from: 'standard', to: 'none' }]);
  });

  test('association hooks plan exactly one association', () => {
    const resource = spec('acme').resources[0];
    expect(associationPlan(stack, { target: stack, tenant: 'acme', resource }, 'remove').stacks[0].changes).toEqual([
      { tenant: 'acme', action: 'update', changes: [{ kind: 'association', op: 'remove', resource }] },
    ]);
  });
});
