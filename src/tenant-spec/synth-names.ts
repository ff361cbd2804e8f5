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

/** Names of the for_each blocks of native resources, and of the `locals` entries they iterate over. */
export const NATIVE_SYNTH_NAMES = {
  /** `aws_sesv2_email_identity` block and its local: `{ [identity]: { configuration_set_name } }`. */
  identities: 'ses_tenant_identities',
  /** `aws_sesv2_configuration_set` block and its local: `{ [name]: {} }`. */
  configurationSets: 'ses_tenant_configuration_sets',
  /** `aws_ses_template` block and its local: `{ [name]: { subject, html, text } }`. */
  templates: 'ses_tenant_templates',
} as const;
