import type { RemovalPolicy, ReputationPolicy, SendingStatus, Suppression } from '../tenant-spec';
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
   * User tags, at most 47 (SES allows 50; three are reserved for `ses-tenants:` tags).
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Suppression settings of the tenant.
   * @default - no tenant-level setting (SES account defaults apply)
   */
  readonly suppression?: Suppression;
  /**
   * Accept a tenant without an email identity or without a configuration set (SES refuses its sends until it has both).
   * @default false
   */
  readonly allowIncompleteSending?: boolean;
  /**
   * What removing the tenant from the code does: `retain` releases it (the tenant, its
   * associations, TenantId and reputation history stay in SES, unmanaged), `destroy` deletes it.
   * The policy last applied decides. A tenant is stateful, so the default keeps it.
   * @default - the stack's `removalPolicy`, else 'retain'
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Take over a live tenant of this name that another app or stack manages, or that was created
   * outside cdktf-ses-tenants: the next apply marks it as this stack's and converges it to this
   * code (associations the code does not declare are removed). Without it such a tenant is refused.
   * @default false
   */
  readonly adopt?: boolean;
}
