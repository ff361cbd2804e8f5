import { NameReference, tenantResourceReferences } from './private/references';
import type { ITenantResource, ProviderAwsResource } from './tenant-resource';

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

/** An `aws_ses_template` resource: `SesTemplate` of `@cdktf/provider-aws`, as this package reads it. */
export interface EmailTemplateResource extends ProviderAwsResource<'nameInput'> {}

/** References to email templates: created by the stack, passed as a provider construct, or managed elsewhere. */
export abstract class EmailTemplate extends tenantResourceReferences<IEmailTemplate, EmailTemplateResource>('template') {
  /** A template managed elsewhere in the stack's own region and account, by its name. */
  static fromTemplateName(name: string): IEmailTemplate {
    return new NameReference('template', name) as IEmailTemplate;
  }
}
