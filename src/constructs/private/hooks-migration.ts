import type { TerraformStack } from 'cdktf';
import { SYNTH_NAMES } from '../../tenant-spec/synth-names';
import { TENANT_BLOCK } from './provider-blocks';

/** The Terraform address of the provider backend's tenant block. */
const TENANT_ADDRESS = `sestenants_tenant.${TENANT_BLOCK}`;
/** The hook blocks a `hooks` stack has in its state. */
export const HOOK_BLOCK_ADDRESSES = [SYNTH_NAMES.tenantHook, SYNTH_NAMES.associationHook, SYNTH_NAMES.settingsHook].map((name) => `terraform_data.${name}`);

/**
 * The move of a deployed hooks stack to the provider backend, as Terraform blocks (Terraform ≥ 1.7):
 * one `import` block with `for_each` over `locals.ses_tenants` adopts each live tenant (by name, so
 * the TenantId stays), and one `removed` block per hook block forgets the hook instances with
 * `destroy = false`, so their destroy-time hooks never run. The plan of the move writes nothing to SES.
 */
export function addHooksMigration(stack: TerraformStack, backend: 'provider' | 'hooks'): void {
  if (backend !== 'provider') throw new Error(`migrateFromHooks needs backend: 'provider' (stack ${stack.node.id} has backend: '${backend}')`);
  stack.addOverride('import', [{ for_each: `\${local.${SYNTH_NAMES.tenantsLocal}}`, to: `${TENANT_ADDRESS}[each.key]`, id: '${each.key}' }]);
  stack.addOverride(
    'removed',
    HOOK_BLOCK_ADDRESSES.map((from) => ({ from, lifecycle: { destroy: false } })),
  );
}
