import { z } from 'zod';
import { parseSesResourceArn, sesResourceArn, type ArnLocation } from '../tenant-spec/arn';
import { canonicalTenant, type CanonicalTenant } from '../tenant-spec/canonical';
import { tenantSpecOf } from '../tenant-spec/tenant-defaults';
import { REMOVAL_POLICIES, REPUTATION_POLICIES, SENDING_STATUSES, suppressionSchema, tenantNameSchema, tenantTagsSchema, type ResourceRef, type ResourceType, type TenantSpec } from '../tenant-spec/tenant-spec';

const resourceNames = (kind: string) =>
  z
    .array(z.string().min(1, `${kind} names must not be empty`))
    .optional()
    .describe(`${kind} names (or ARNs in the onboarding's region and account) to associate with the tenant.`);

/**
 * What an application passes to `TenantOnboarding.ensure`: the tenant spec of src/tenant-spec in
 * the words of the SesTenant construct (resources by name, SES's defaults for what is left out).
 */
export const onboardingTenantSchema = z
  .object({
    tenantName: tenantNameSchema,
    emailIdentities: resourceNames('email identity'),
    configurationSets: resourceNames('configuration set'),
    templates: resourceNames('template'),
    reputationPolicy: z.enum(REPUTATION_POLICIES).optional(),
    sendingStatus: z.enum(SENDING_STATUSES).optional(),
    suppression: suppressionSchema.nullable().optional(),
    tags: tenantTagsSchema.optional(),
    removalPolicy: z.enum(REMOVAL_POLICIES).optional(),
    adopt: z.boolean().optional(),
    allowIncompleteSending: z.boolean().optional(),
  })
  .strict();

/** A tenant as application code declares it at sign-up. */
export interface OnboardingTenant {
  /** Tenant name (1-64 characters of A-Z, a-z, 0-9, `-`, `_`); the `TenantName` of every send. */
  readonly tenantName: string;
  /** Email identities (domains or addresses) to associate, by name or ARN. @default - none */
  readonly emailIdentities?: readonly string[];
  /** Configuration sets to associate, by name or ARN. @default - none */
  readonly configurationSets?: readonly string[];
  /** Templates to associate, by name or ARN. @default - none */
  readonly templates?: readonly string[];
  /** AWS-managed reputation policy. @default 'standard' (what SES sets) */
  readonly reputationPolicy?: TenantSpec['reputationPolicy'];
  /** Customer-managed sending status. @default 'enabled' */
  readonly sendingStatus?: TenantSpec['sendingStatus'];
  /** Tenant suppression settings. @default null (SES defaults) */
  readonly suppression?: TenantSpec['suppression'];
  /** User tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** What `remove` does without options: `retain` releases, `destroy` deletes. @default 'retain' */
  readonly removalPolicy?: TenantSpec['removalPolicy'];
  /** Take over a tenant of the same name that another owner manages or nobody does. @default false */
  readonly adopt?: boolean;
  /** The tenant deliberately has no identity or no configuration set yet (it cannot send). @default false */
  readonly allowIncompleteSending?: boolean;
}

/** What `ensure` accepts: the onboarding shape, or a tenant spec as `schema/tenant-spec.schema.json` describes it. */
export type TenantInput = OnboardingTenant | TenantSpec;

/** Whether an input is in the onboarding shape (it names `tenantName`) rather than a tenant spec. */
export function isOnboardingTenant(input: unknown): input is OnboardingTenant {
  return typeof input === 'object' && input !== null && 'tenantName' in input;
}

/** The tenant name of an input, for messages and coalescing (whatever its shape). */
export function inputTenantName(input: TenantInput): string {
  return isOnboardingTenant(input) ? input.tenantName : input.name;
}

function resourceRef(at: ArnLocation, type: ResourceType, nameOrArn: string): ResourceRef {
  if (!nameOrArn.startsWith('arn:')) return { type, name: nameOrArn, arn: sesResourceArn(at, type, nameOrArn) };
  // An ARN that is not an SES resource ARN is kept as given; the stack rules name it.
  try {
    return { type, name: parseSesResourceArn(nameOrArn).name, arn: nameOrArn };
  } catch {
    return { type, name: nameOrArn, arn: nameOrArn };
  }
}

/** The canonical tenant spec of a (valid) input, resource names turned into ARNs of `at`. */
export function toTenantSpec(input: TenantInput, at: ArnLocation): CanonicalTenant {
  if (!isOnboardingTenant(input)) return canonicalTenant(input);
  const resources: ResourceRef[] = [
    ...(input.emailIdentities ?? []).map((n) => resourceRef(at, 'identity', n)),
    ...(input.configurationSets ?? []).map((n) => resourceRef(at, 'configuration-set', n)),
    ...(input.templates ?? []).map((n) => resourceRef(at, 'template', n)),
  ];
  return canonicalTenant(tenantSpecOf({ ...input, name: input.tenantName, resources }));
}
