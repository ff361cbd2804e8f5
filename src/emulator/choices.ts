/**
 * Every behaviour the reference (`sesv2-tenant-api.md`) marks UNCONFIRMED or conflicting, and the
 * choice this emulator makes. The code that implements each one reads it from here (every export is
 * read where it applies), so a later probe of real AWS changes one line.
 */

/** Open item 1: associating an already associated resource again answers AlreadyExistsException (floci, PostHog) rather than 200 (OBS-HS). */
export const DUPLICATE_ASSOCIATION_FAILS = true;

/** Open item 2: ResourceType wire values and RESOURCE_TYPE filter values are the ARN-segment spellings (floci's probe); the model enum spelling is rejected. */
export const RESOURCE_TYPE_WIRE_VALUES = ['identity', 'configuration-set', 'template'] as const;

/** Open item 5: PageSize when the request has none, on the tenant lists and ListReputationEntities (floci: 100). */
export const DEFAULT_PAGE_SIZE = 100;

/** Open item 5: the PageSize range of ListReputationEntities is taken to be the tenant lists' 1..100. */
export const MAX_PAGE_SIZE = 100;

/** Open item 5: TenantId is `tn-` followed by this many lowercase hex digits (floci: 30). */
export const TENANT_ID_HEX_DIGITS = 30;

/** Open item 6: the reputation policy of a new tenant (DG, PostHog: standard; OBS-HS saw none on an entity of unclear kind). */
export const DEFAULT_REPUTATION_POLICY = 'standard' as const;

/** ReputationImpact of an entity with no findings: OBS-HS saw `NONE` from real AWS (the model enum only has LOW and HIGH). */
export const FRESH_REPUTATION_IMPACT = 'NONE';

/** Open item 7: ListTenants items carry SendingStatus (the SDK model has it; floci omits it). */
export const LIST_TENANTS_INCLUDES_SENDING_STATUS = true;

/**
 * Open item 4: a send through a tenant whose SendingStatusAggregate is DISABLED fails with
 * SendingPausedException (400), modeled on SendEmail, with this message.
 */
export function pausedTenantMessage(tenantName: string): string {
  return `Sending is paused for tenant ${tenantName}.`;
}

/**
 * Open item 3: a tenant send with no configuration set at all (none in the request, no default on the
 * identity). §7 quotes the DG: a tenant send must name a configuration set associated with the tenant,
 * or use an identity whose default configuration set is associated with it; floci accepts the send,
 * AWS's answer is UNCONFIRMED. The emulator follows the DG and refuses it (AccessDeniedException 403,
 * the gate's error, after the association check).
 */
export const TENANT_SEND_WITHOUT_CONFIGURATION_SET_ALLOWED = false;

/** Open item 3: the message of that refusal (AWS's wording is unknown). */
export function tenantSendNeedsConfigurationSetMessage(tenantName: string): string {
  return `Tenant ${tenantName} cannot send without a configuration set: specify ConfigurationSetName, or use an identity whose default configuration set is associated with the tenant.`;
}

/** §9: tenants per account and region before CreateTenant answers LimitExceededException. */
export const DEFAULT_TENANT_QUOTA = 10_000;

/** §9: the over-quota message (AWS's wording is unknown). */
export function tenantQuotaMessage(quota: number, accountId: string, region: string): string {
  return `Tenant quota of ${quota} reached for account ${accountId} in region ${region}.`;
}

/**
 * Reputation policy ARNs: only the three AWS-managed policies of the request's own region are
 * accepted; a syntactically valid ARN of another region is rejected with BadRequestException.
 */
export const REPUTATION_POLICY_SAME_REGION_ONLY = true;

/**
 * Reputation entities that do not exist (GetReputationEntity and both Update operations) answer
 * NotFoundException 404 with this message, although the Update operations do not model NotFound.
 */
export function reputationEntityNotFoundMessage(type: string, reference: string): string {
  return `Reputation entity of type ${type} with reference ${reference} does not exist.`;
}

/**
 * SendingStatusAggregate: DISABLED when either the customer-managed or the SES-managed status is
 * DISABLED; otherwise REINSTATED when the customer reinstated it; otherwise ENABLED. A tenant's
 * SendingStatus (GetTenant, ListTenants, CreateTenant) is this aggregate.
 */
export function aggregateSendingStatus(customer: string, awsManaged: string): string {
  if (customer === 'DISABLED' || awsManaged === 'DISABLED') return 'DISABLED';
  return customer === 'REINSTATED' ? 'REINSTATED' : 'ENABLED';
}

/** TENANT_NAME_CONTAINS matches case-sensitively. */
export const TENANT_NAME_FILTER_CASE_SENSITIVE = true;

/**
 * Send check order after the request shape and the tenant 404 (the send gate runs its checks in this
 * order): paused tenant (SendingPausedException) → association gate (AccessDenied 403, then the
 * configuration set requirement) → configuration set / template existence (404) → sender identity
 * verified (MessageRejected). Without TenantName the first two pass.
 */
export const SEND_CHECK_ORDER = ['paused', 'associations', 'resources-exist', 'identity-verified'] as const;

/** One check of {@link SEND_CHECK_ORDER}. */
export type SendCheck = (typeof SEND_CHECK_ORDER)[number];

/**
 * PutConfigurationSetReputationOptions without ReputationMetricsEnabled (the member is optional in
 * the model) turns the metrics off, as a Boolean left unset reads.
 */
export const REPUTATION_METRICS_ENABLED_WHEN_ABSENT = false;

/** Accepted sends kept for `/_emulator/messages`, newest kept; they are not persisted. */
export const MAX_KEPT_MESSAGES = 10_000;

/** Messages of the validation errors whose AWS wording is unknown (tag limits, filters). */
export const UNCONFIRMED_MESSAGES = {
  tooManyTags: (count: number) => `Too many tags: ${count}. A resource can have at most 50 tags.`,
  duplicateTagKey: (key: string) => `Duplicate tag key ${key}.`,
  reservedTagKey: (key: string) => `Tag key ${key} uses the reserved prefix aws:.`,
  invalidFilterKey: (key: string, allowed: readonly string[]) =>
    `Invalid filter key ${key}. Valid keys are: ${allowed.join(', ')}`,
  invalidSendingStatus: (value: string) => `Invalid sending status ${value}. Valid values are: ENABLED, REINSTATED, DISABLED`,
  invalidPolicy: (arn: string, region: string) =>
    `Invalid reputation policy ${arn}. Valid policies are arn:aws:ses:${region}:aws:reputation-policy/none, /standard and /strict.`,
  invalidEntityType: (type: string) => `Invalid reputation entity type ${type}. Valid values are: RESOURCE`,
} as const;
