/** Names of the Terraform blocks and locals a TenantStack emits; the engine reads the same locals. */
export const SYNTH_NAMES = {
  /** `locals` entry: the canonical map of tenant specs keyed by tenant name. */
  tenantsLocal: 'ses_tenants',
  /** `locals` entry: the StackTarget (region, account, partition, quota, credentials). */
  targetLocal: 'ses_tenants_stack',
  /** `terraform_data` block: one instance per tenant. */
  tenantHook: 'ses_tenant',
  /** `terraform_data` block: one instance per (tenant, resource), keyed `tenant|type|name`. */
  associationHook: 'ses_tenant_association',
  /** `terraform_data` block: one instance per tenant, replaced when its settings change. */
  settingsHook: 'ses_tenant_settings',
  /** Asset holding the bundled hook program. */
  hookAsset: 'ses-tenants-hook',
  /** File name of the hook program inside the asset. */
  hookFile: 'hook.js',
} as const;
