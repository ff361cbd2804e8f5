import type { IConfigurationSet } from './configuration-set';
import { NameReference, tenantResourceReferences } from './private/references';
import type { ITenantResource, ProviderAwsResource } from './tenant-resource';

/** An SES email identity (a domain or an address) that tenants can send from. */
export interface IEmailIdentity extends ITenantResource {
  /** Always `identity`. */
  readonly resourceType: 'identity';
}

/** Options of an email identity that a TenantStack creates (`TenantStack#emailIdentity`). */
export interface EmailIdentityOptions {
  /**
   * Configuration set SES uses for mail from this identity when the sender names none.
   * @default - no default configuration set
   */
  readonly defaultConfigurationSet?: IConfigurationSet;
}

/** An `aws_sesv2_email_identity` resource: `Sesv2EmailIdentity` of `@cdktf/provider-aws`, as this package reads it. */
export interface EmailIdentityResource extends ProviderAwsResource<'emailIdentityInput'> {}

/** References to email identities: created by the stack, passed as a provider construct, or managed elsewhere. */
export abstract class EmailIdentity extends tenantResourceReferences<IEmailIdentity, EmailIdentityResource>('identity') {
  /** An identity managed elsewhere in the stack's own region and account, by its name (domain or address). */
  static fromEmailIdentityName(name: string): IEmailIdentity {
    return new NameReference('identity', name) as IEmailIdentity;
  }
}
