import { Construct } from 'constructs';
import type { TenantSpec } from '../tenant-spec';
import { tenantStackOf } from './private/registry';
import type { SesTenantProps } from './ses-tenant-props';

/**
 * An SES v2 tenant: a typed declaration that creates no Terraform resource of its own. Its
 * TenantStack emits every tenant as one entry of `locals.ses_tenants`, which its backend turns into
 * one `for_each` block: `sestenants_tenant` resources of our provider (the default) or, with the
 * hooks backend, `terraform_data` hooks.
 *
 * The props are checked when declared and reported when the stack synthesizes, with the rules
 * across tenants (unique names, quota, ARNs of the stack's region and account, sending
 * resources): every problem of every tenant at once.
 */
export class SesTenant extends Construct {
  /** Tenant name. */
  readonly tenantName: string;
  /** Canonical spec of the tenant, as emitted in `locals.ses_tenants`. */
  readonly spec: TenantSpec;

  constructor(scope: Construct, id: string, props: SesTenantProps) {
    super(scope, id);
    const declared = tenantStackOf(this).addTenant(props, this.node.path);
    this.tenantName = props.tenantName;
    this.spec = declared.canonical;
  }
}
