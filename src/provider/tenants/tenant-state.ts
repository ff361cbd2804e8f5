import type { ReputationEntity, Tenant } from '../../aws/ses-gateway';
import { isReservedTag, type LiveTenant } from '../../engine';
import { declaredSendingStatus, removalPolicyOfTags, resourceRefOfArn, tenantSpecOf, type Suppression, type TenantSpec } from '../../tenant-spec';
import type { TfObject, TfValue } from '../protocol/value';

// The two conversions between a tenant and `sestenants_tenant` values: the planned values to the
// spec the engine applies, and a live tenant to the state Terraform keeps.

/** A tenant as the provider shows it: the engine's live tenant plus what only Terraform's state shows. */
export interface ProviderTenant {
  /** The tenant as the engine plans against it. */
  readonly live: LiveTenant;
  /** CreatedTimestamp, ISO 8601 (empty when not read). */
  readonly createdAt: string;
  /** ReputationImpact SES reports (LOW, HIGH, or NONE with no findings), null when none. */
  readonly reputationImpact: string | null;
  /** AWS-managed status (DISABLED when SES paused the tenant), null when none. */
  readonly awsManagedStatus: string | null;
}

/** A provider tenant from the engine's live tenant, what GetTenant answered (for the creation time) and its reputation entity. */
export function providerTenant(live: LiveTenant, tenant: Pick<Tenant, 'CreatedTimestamp'> | undefined, entity: ReputationEntity | undefined): ProviderTenant {
  return {
    live,
    createdAt: tenant?.CreatedTimestamp ? new Date(tenant.CreatedTimestamp).toISOString() : '',
    reputationImpact: entity?.ReputationImpact ?? null,
    awsManagedStatus: entity?.AwsSesManagedStatus?.Status ?? null,
  };
}

/** The tenant spec of planned `sestenants_tenant` values (null attributes at the spec's defaults). */
export function specOfPlanned(value: TfObject): TenantSpec {
  const suppression = value.suppression as TfObject | null;
  return tenantSpecOf({
    name: String(value.name),
    resources: ((value.resource_associations as readonly string[] | null) ?? []).map(resourceRefOfArn),
    reputationPolicy: value.reputation_policy as TenantSpec['reputationPolicy'] | null,
    sendingStatus: value.sending_status as TenantSpec['sendingStatus'] | null,
    tags: value.tags as Record<string, string> | null,
    removalPolicy: value.removal_policy as TenantSpec['removalPolicy'] | null,
    adopt: value.adopt === true,
    suppression: suppression
      ? { scope: suppression.scope as Suppression['scope'], reasons: [...(suppression.reasons as Suppression['reasons'])].sort() }
      : null,
  });
}

/**
 * The Terraform state of a live tenant. Empty collections stay null when the prior state had
 * them null, so an attribute the configuration leaves out never shows a diff between null and [] / {}.
 */
export function tenantState(tenant: ProviderTenant, prior: TfObject | null): TfObject {
  const { live } = tenant;
  const tags = Object.fromEntries(Object.entries(live.tags).filter(([key]) => !isReservedTag(key)));
  const arns = live.resources.map((r) => r.arn).sort();
  const keepNull = (name: string, empty: boolean, value: TfValue): TfValue => (empty && (prior === null || prior[name] === null) ? null : value);
  // Null associations in the state mean "not managed by this tenant": they stay null whatever is attached.
  const associations = prior !== null && prior.resource_associations === null ? null : keepNull('resource_associations', arns.length === 0, arns);
  return {
    name: live.name,
    resource_associations: associations,
    reputation_policy: live.reputationPolicy,
    sending_status: declaredSendingStatus(live.customerStatus),
    tags: keepNull('tags', Object.keys(tags).length === 0, tags),
    removal_policy: removalPolicyOfTags(live.tags),
    // Not a property of the tenant in SES: what the configuration said (false after an import).
    adopt: prior !== null && prior.adopt === true,
    suppression: live.suppression ? { scope: live.suppression.scope, reasons: [...live.suppression.reasons] } : null,
    tenant_id: live.id,
    arn: live.arn,
    created_at: tenant.createdAt,
    sending_status_aggregate: live.sendingStatusAggregate,
    reputation_impact: tenant.reputationImpact,
  };
}
