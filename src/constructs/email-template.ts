import type { TerraformResource } from 'cdktf';
import { ArnReference, constructReference, NameReference } from './private/references';
import type { ITenantResource } from './tenant-resource';

/** An SES email template that tenants can send with. */
export interface IEmailTemplate extends ITenantResource {
  /** Always `template`. */
  readonly resourceType: 'template';
}

/** Content of an email template that a TenantStack creates (`TenantStack#emailTemplate`). */
export interface EmailTemplateOptions {
  /** Subject line; may hold `{{replacement}}` tags. */
  readonly subject: string;
  /**
   * HTML body.
   * @default - no HTML part
   */
  readonly html?: string;
  /**
   * Plain-text body.
   * @default - no text part
   */
  readonly text?: string;
}

/**
 * An `aws_ses_template` resource: `SesTemplate` of `@cdktf/provider-aws`, described by the one member this
 * package reads, so that its types do not need that (optional, 392 MB) package installed.
 */
export interface EmailTemplateResource extends TerraformResource {
  /** The name given to the resource. */
  readonly nameInput: string | undefined;
}

/** References to email templates: created by the stack, passed as a provider construct, or managed elsewhere. */
export abstract class EmailTemplate {
  /** A template managed elsewhere, by its ARN; it must be in the stack's partition, region and account. */
  static fromArn(arn: string): IEmailTemplate {
    return new ArnReference('template', arn) as IEmailTemplate;
  }

  /** A template managed elsewhere in the stack's own region and account, by its name. */
  static fromTemplateName(name: string): IEmailTemplate {
    return new NameReference('template', name) as IEmailTemplate;
  }

  /** An `aws_ses_template` of the tenant's own stack; associations wait for it. */
  static fromResource(resource: EmailTemplateResource): IEmailTemplate {
    return constructReference('template', resource) as IEmailTemplate;
  }
}
