import type { TerraformResource } from 'cdktf';
import type { IConfigurationSet } from './configuration-set';
import { ArnReference, constructReference, NameReference } from './private/references';
import type { ITenantResource } from './tenant-resource';

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

/**
 * An `aws_sesv2_email_identity` resource: `Sesv2EmailIdentity` of `@cdktf/provider-aws`, described by the one member this
 * package reads, so that its types do not need that (optional, 392 MB) package installed.
 */
export interface EmailIdentityResource extends TerraformResource {
  /** The name given to the resource. */
  readonly emailIdentityInput: string | undefined;
}

/** References to email identities: created by the stack, passed as a provider construct, or managed elsewhere. */
export abstract class EmailIdentity {
  /** An identity managed elsewhere, by its ARN; it must be in the stack's partition, region and account. */
  static fromArn(arn: string): IEmailIdentity {
    return new ArnReference('identity', arn) as IEmailIdentity;
  }

  /** An identity managed elsewhere in the stack's own region and account, by its name (domain or address). */
  static fromEmailIdentityName(name: string): IEmailIdentity {
    return new NameReference('identity', name) as IEmailIdentity;
  }

  /** An `aws_sesv2_email_identity` of the tenant's own stack; associations wait for it. */
  static fromResource(resource: EmailIdentityResource): IEmailIdentity {
    return constructReference('identity', resource) as IEmailIdentity;
  }
}
