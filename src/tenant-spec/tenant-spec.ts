import { z } from 'zod';
import {
  AWS_RESERVED_TAG_PREFIX,
  MAX_USER_TAGS_PER_TENANT,
  RESERVED_TAG_PREFIX,
  TAG_KEY_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  TENANT_NAME_PATTERN,
} from './limits';

/**
 * The tenant spec, defined once: the zod schemas below give the static types, the runtime
 * validation and the JSON Schema (schema/tenant-spec.schema.json is generated from them).
 *
 * A `TenantSpec` is the canonical, fully resolved declaration of one tenant as it travels
 * from a stack to Terraform (`locals.ses_tenants`), to the hooks and to the diff engine.
 */

/** Kinds of resource a tenant can be associated with; the values are SES's wire spelling (the ARN segment). */
export const RESOURCE_TYPES = ['identity', 'configuration-set', 'template'] as const;
/** Kind of an associated resource. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** AWS-managed reputation policies. */
export const REPUTATION_POLICIES = ['standard', 'strict', 'none'] as const;
/** Reputation policy of a tenant: `standard` pauses on high-severity findings, `strict` on any, `none` never. */
export type ReputationPolicy = (typeof REPUTATION_POLICIES)[number];

/** Customer-managed sending status. */
export const SENDING_STATUSES = ['enabled', 'disabled'] as const;
/** Customer-managed sending status of a tenant: `disabled` is a pause the customer asked for. */
export type SendingStatus = (typeof SENDING_STATUSES)[number];

/** Scopes of tenant suppression. */
export const SUPPRESSION_SCOPES = ['ACCOUNT', 'TENANT'] as const;
/** Reasons an address can be suppressed for. */
export const SUPPRESSION_REASONS = ['BOUNCE', 'COMPLAINT'] as const;

/** Tenant name: 1-64 characters of `[A-Za-z0-9_-]`. */
export const tenantNameSchema = z
  .string()
  .regex(TENANT_NAME_PATTERN, 'must be 1-64 characters of A-Z, a-z, 0-9, "-" and "_"')
  .describe('Tenant name: 1-64 characters of A-Z, a-z, 0-9, "-" and "_".');

/** One associated resource, identified by its ARN. */
export const resourceRefSchema = z
  .object({
    type: z.enum(RESOURCE_TYPES).describe('Kind of resource, as SES spells it in the ARN.'),
    name: z.string().min(1).describe('Resource name: the identity, configuration set or template name.'),
    arn: z.string().min(1).describe('ARN of the resource, in the stack region and account.'),
  })
  .strict()
  .describe('A resource (email identity, configuration set or template) associated with the tenant.');
/** One associated resource, identified by its ARN. */
export type ResourceRef = z.infer<typeof resourceRefSchema>;

/** Length in characters (Unicode code points, as SES counts them), not UTF-16 units: an emoji is one. */
export function characterCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Tag key rules: 1-128 characters, not `aws:`, not this project's reserved prefix. */
export const tagKeySchema = z
  .string()
  .min(1, 'tag keys must have at least 1 character')
  .refine((k) => characterCount(k) <= TAG_KEY_MAX_LENGTH, { message: `tag keys must have at most ${TAG_KEY_MAX_LENGTH} characters` })
  .refine((k) => !k.toLowerCase().startsWith(AWS_RESERVED_TAG_PREFIX), {
    message: `tag keys must not start with "${AWS_RESERVED_TAG_PREFIX}" (reserved by AWS)`,
  })
  .refine((k) => !k.startsWith(RESERVED_TAG_PREFIX), {
    message: `tag keys must not start with "${RESERVED_TAG_PREFIX}" (reserved by cdktf-ses-tenants)`,
  })
  // The maximum is a refinement (characters, not UTF-16 units), which no schema generator can read: say it.
  .describe(`1-${TAG_KEY_MAX_LENGTH} characters, not starting with "${AWS_RESERVED_TAG_PREFIX}" or "${RESERVED_TAG_PREFIX}"`);

/** Tag value rules: 0-256 characters. */
export const tagValueSchema = z
  .string()
  .refine((v) => characterCount(v) <= TAG_VALUE_MAX_LENGTH, { message: `tag values must have at most ${TAG_VALUE_MAX_LENGTH} characters` })
  .describe(`0-${TAG_VALUE_MAX_LENGTH} characters`);

/** A tenant's user tags: at most MAX_USER_TAGS_PER_TENANT (SES's 50 less the 3 reserved ones). */
export const tenantTagsSchema = z
  .record(tagKeySchema, tagValueSchema)
  .refine((t) => Object.keys(t).length <= MAX_USER_TAGS_PER_TENANT, {
    message: `at most ${MAX_USER_TAGS_PER_TENANT} tags (SES allows 50 per tenant; cdktf-ses-tenants reserves 3)`,
  })
  .describe('User tags, sorted by key.');

/** What removing a tenant from the code does (aws-cdk's RemovalPolicy): `retain` releases it, `destroy` deletes it. */
export const REMOVAL_POLICIES = ['retain', 'destroy'] as const;
/** What removing a tenant from the code does: `retain` (release: keep the tenant, its associations and TenantId) or `destroy` (delete it). */
export type RemovalPolicy = (typeof REMOVAL_POLICIES)[number];

/** Reasons that add an address to the tenant's suppression list, each at most once. */
export const suppressedReasonsSchema = z
  .array(z.enum(SUPPRESSION_REASONS))
  .refine((r) => new Set(r).size === r.length, { message: 'each suppressed reason may appear only once' })
  .describe('Reasons that add an address to the suppression list; may be empty.');

/** Tenant suppression settings. */
export const suppressionSchema = z
  .object({
    scope: z.enum(SUPPRESSION_SCOPES).describe('Suppression list used for the tenant: the account one or its own.'),
    reasons: suppressedReasonsSchema,
  })
  .strict()
  .describe('Suppression settings; null leaves SES defaults (no tenant-level setting).');
/** Tenant suppression settings. */
export type Suppression = z.infer<typeof suppressionSchema>;

/** The canonical tenant spec. */
export const tenantSpecSchema = z
  .object({
    name: tenantNameSchema,
    resources: z.array(resourceRefSchema).describe('Associated resources, sorted by type, then name.'),
    reputationPolicy: z.enum(REPUTATION_POLICIES).describe('AWS-managed reputation policy.'),
    sendingStatus: z.enum(SENDING_STATUSES).describe('Customer-managed sending status.'),
    tags: tenantTagsSchema,
    suppression: suppressionSchema.nullable(),
    removalPolicy: z
      .enum(REMOVAL_POLICIES)
      .optional()
      .describe('What removing the tenant from the code does: retain (release it, the default) or destroy (delete it).'),
    adopt: z
      .boolean()
      .optional()
      .describe('Take over a live tenant of the same name that another app or stack manages, or that was created outside cdktf-ses-tenants (default false).'),
  })
  .strict()
  .describe('One SES v2 tenant as declared by a stack.');
/** The canonical tenant spec. */
export type TenantSpec = z.infer<typeof tenantSpecSchema>;

/** Where a stack's tenants live and how its hooks reach AWS. */
export const stackTargetSchema = z
  .object({
    formatVersion: z.literal(2).describe('Version of this synthesized format.'),
    owner: z
      .string()
      .min(1)
      .regex(/^[^/]+$/, 'must not contain "/" (the marker is OWNER/STACK)')
      .describe("The app's identity (such as its repository name); the managed-by marker is OWNER/STACK."),
    stack: z.string().min(1).describe('Name of the cdktf stack.'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as eu-central-1'),
    account: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account ID'),
    partition: z.string().min(1).describe('AWS partition, such as aws.'),
    tenantQuota: z.number().int().positive().describe('Tenants allowed in this region and account.'),
    profile: z.string().min(1).optional().describe('AWS profile the hooks use, as the AwsProvider does.'),
    assumeRoleArn: z.string().min(1).optional().describe('Role the hooks assume, as the AwsProvider does.'),
  })
  .strict()
  .describe('The region, account and credentials of one TenantStack.');
/** Where a stack's tenants live and how its hooks reach AWS. */
export type StackTarget = z.infer<typeof stackTargetSchema>;
