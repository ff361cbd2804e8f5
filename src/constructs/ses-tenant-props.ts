import type { ReputationPolicy, SendingStatus, Suppression } from '../tenant-spec';
import type { ConfigurationSetResource, IConfigurationSet } from './configuration-set';
import type { EmailIdentityResource, IEmailIdentity } from './email-identity';
import type { EmailTemplateResource, IEmailTemplate } from './email-template';

/** Properties of an SES tenant. */
export interface SesTenantProps {
  /** Tenant name: 1-64 characters of A-Z, a-z, 0-9, `-` and `_`, unique in the stack's region and account. */
  readonly tenantName: string;
  /**
   * Email identities the tenant sends from: created by the stack (`stack.emailIdentity`), a
   * `Sesv2EmailIdentity` of the same stack, or a reference (`EmailIdentity.fromArn`).
   * @default - none (then `allowIncompleteSending` must be true)
   */
  readonly emailIdentities?: ReadonlyArray<IEmailIdentity | EmailIdentityResource>;
  /**
   * Configuration sets the tenant sends through, shared with other tenants or its own.
   * @default - none (then `allowIncompleteSending` must be true)
   */
  readonly configurationSets?: ReadonlyArray<IConfigurationSet | ConfigurationSetResource>;
  /**
   * Email templates the tenant sends with.
   * @default - none
   */
  readonly templates?: ReadonlyArray<IEmailTemplate | EmailTemplateResource>;
  /**
   * AWS-managed reputation policy: `standard` pauses the tenant on high-severity findings, `strict` on any, `none` never.
   * @default 'standard'
   */
  readonly reputationPolicy?: ReputationPolicy;
  /**
   * Customer-managed sending status; `disabled` pauses the tenant's sending.
   * @default 'enabled'
   */
  readonly sendingStatus?: SendingStatus;
  /**
   * User tags, at most 48 (SES allows 50; two are reserved for `ses-tenants:` tags).
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Suppression settings of the tenant.
   * @default - no tenant-level setting (SES account defaults apply)
   */
  readonly suppression?: Suppression;
  /**
   * Accept a tenant without an email identity or without a configuration set (SES cannot send for it yet).
   * @default false
   */
  readonly allowIncompleteSending?: boolean;
}
