/** Address of the provider backend's tenant block (`TENANT_BLOCK` of the constructs). */
export const PROVIDER_TENANT_ADDRESS = 'sestenants_tenant.ses_tenant';

/** What the blocks need of a live region: its tenants, keyed by name. */
export interface LiveTenants {
  readonly tenants: Readonly<Record<string, unknown>>;
}

/** A Terraform JSON configuration of `import` blocks (Terraform ≥ 1.5), such as `import.tf.json`. */
export interface TerraformImportBlocks {
  readonly import: readonly { readonly to: string; readonly id: string }[];
}

/**
 * The `import` blocks that adopt these live tenants into a provider-backend stack's state: one
 * per tenant, `to = sestenants_tenant.ses_tenant["<name>"]`, `id = "<name>"` (the provider imports
 * a tenant by name), in name order. Put the file next to the stack's `cdk.tf.json`.
 */
export function terraformImportBlocks(live: LiveTenants): TerraformImportBlocks {
  return {
    import: Object.keys(live.tenants)
      .sort()
      .map((name) => ({ to: `${PROVIDER_TENANT_ADDRESS}[${JSON.stringify(name)}]`, id: name })),
  };
}

/** The import blocks as the text of an `import.tf.json` file. */
export function terraformImportBlocksJson(live: LiveTenants): string {
  return `${JSON.stringify(terraformImportBlocks(live), null, 2)}\n`;
}
