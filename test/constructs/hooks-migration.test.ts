import { SesTenant } from '../../src';
import { newStack, sendingProps, synthJson } from './support';

describe('TenantStack migrateFromHooks', () => {
  test('emits one for_each import block into the tenant block and a removed block (destroy = false) per hook block', () => {
    const stack = newStack({ backend: 'provider', migrateFromHooks: true });
    new SesTenant(stack, 'Acme', sendingProps('acme'));
    const json = synthJson(stack);
    expect(json.import).toEqual([{ for_each: '${local.ses_tenants}', to: 'sestenants_tenant.ses_tenant[each.key]', id: '${each.key}' }]);
    expect(json.removed).toEqual(
      ['ses_tenant', 'ses_tenant_association', 'ses_tenant_settings'].map((name) => ({ from: `terraform_data.${name}`, lifecycle: { destroy: false } })),
    );
  });

  test('off by default; with the hooks backend it is an error', () => {
    const json = synthJson(newStack({ backend: 'provider' }));
    expect(json.import).toBeUndefined();
    expect(json.removed).toBeUndefined();
    expect(() => newStack({ backend: 'hooks', migrateFromHooks: true })).toThrow(/migrateFromHooks needs backend: 'provider'/);
  });
});
