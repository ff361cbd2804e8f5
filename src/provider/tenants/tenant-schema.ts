import { RESOURCE_TYPES, suppressionSchema, TENANT_DEFAULTS, tenantSpecSchema } from '../../tenant-spec';
import { cty } from '../protocol/cty-type';
import type { TfValue } from '../protocol/value';
import type { ResourceSchema } from '../framework/schema';
import { attributeFromZod, zodDescription } from './zod-attribute';
import { associatedArnProblems } from './provider-place';

const spec = tenantSpecSchema.shape;

/** The `sestenants_tenant` schema: every configurable attribute comes from the tenant spec's zod definition. */
export const TENANT_SCHEMA: ResourceSchema = {
  description: zodDescription(tenantSpecSchema),
  attributes: {
    name: attributeFromZod(spec.name, { required: true, requiresReplace: true }),
    resource_associations: {
      type: cty.set(cty.string),
      optional: true,
      description:
        `ARNs of the resources associated with the tenant (${RESOURCE_TYPES.join(', ')}), in the provider's region and account. ` +
        'Set (even to []): authoritative, the tenant has exactly these and any other association is removed. ' +
        'Null (left out): not managed here, the tenant leaves its associations alone; declare them with sestenants_tenant_resource_association instead. ' +
        'A tenant that sets it cannot also have sestenants_tenant_resource_association instances (an error at plan).',
      // Elements are unknown while for_each keys are (ValidateResourceConfig runs before expansion).
      validate: (value) =>
        (value as readonly TfValue[]).filter((arn): arn is string => typeof arn === 'string').flatMap(associatedArnProblems),
    },
    reputation_policy: attributeFromZod(spec.reputationPolicy, { optional: true, computed: true, default: TENANT_DEFAULTS.reputationPolicy }),
    sending_status: attributeFromZod(spec.sendingStatus, { optional: true, computed: true, default: TENANT_DEFAULTS.sendingStatus }),
    tags: attributeFromZod(spec.tags, { optional: true }),
    removal_policy: attributeFromZod(spec.removalPolicy, { optional: true, computed: true, default: TENANT_DEFAULTS.removalPolicy }),
    adopt: attributeFromZod(spec.adopt, { optional: true, computed: true, default: TENANT_DEFAULTS.adopt }),
    tenant_id: { type: cty.string, computed: true, useStateForUnknown: true, description: 'TenantId given by SES; kept by every in-place update.' },
    arn: { type: cty.string, computed: true, useStateForUnknown: true, description: 'Tenant ARN.' },
    created_at: { type: cty.string, computed: true, useStateForUnknown: true, description: 'When SES created the tenant (CreatedTimestamp, ISO 8601).' },
    sending_status_aggregate: {
      type: cty.string,
      computed: true,
      description: 'Sending status SES reports (DISABLED when the customer or SES paused the tenant), read on every refresh.',
    },
    reputation_impact: {
      type: cty.string,
      computed: true,
      description: 'Reputation impact SES reports for the tenant (LOW, HIGH, or NONE without findings), read on every refresh; null when SES reports none.',
    },
  },
  blocks: {
    suppression: {
      nesting: 'single',
      block: {
        description: zodDescription(suppressionSchema),
        attributes: {
          scope: attributeFromZod(suppressionSchema.shape.scope, { required: true }),
          reasons: attributeFromZod(suppressionSchema.shape.reasons, { required: true }),
        },
      },
    },
  },
};

