import { RESOURCE_TYPES, resourceRefSchema, suppressionSchema, tenantSpecSchema, type Suppression } from '../../tenant-spec';
import { cty } from '../protocol/cty-type';
import type { TfObject, TfValue } from '../protocol/value';
import { isUnknown } from '../protocol/value';
import { Diagnostics, ProviderError } from '../framework/diagnostics';
import { ResourceType } from '../framework/resource';
import { ResourceSchema } from '../framework/schema';
import { attributeFromZod, zodDescription, zodProblems } from './zod-attribute';
import {
  applyTenant,
  deleteTenant,
  isReservedTag,
  readTenant,
  resourceOfArn,
  SES_DEFAULT_POLICY,
  sesResourceArnProblem,
  TenantApplyError,
  type LiveTenant,
  type TenantsTarget,
  type TenantSpec,
} from './engine-bridge';

const spec = tenantSpecSchema.shape;
const arnSchema = resourceRefSchema.shape.arn;

/** The `sestenants_tenant` schema: every configurable attribute comes from the tenant spec's zod definition. */
export const TENANT_SCHEMA: ResourceSchema = {
  description: zodDescription(tenantSpecSchema),
  attributes: {
    name: attributeFromZod(spec.name, { required: true, requiresReplace: true }),
    resource_associations: {
      type: cty.set(cty.string),
      optional: true,
      description: `ARNs of the resources associated with the tenant (${RESOURCE_TYPES.join(', ')}), in the provider's region and account.`,
      validate: (value) =>
        (value as readonly string[]).flatMap((arn) => {
          const problem = sesResourceArnProblem(arn) ?? zodProblems(arnSchema, arn)[0];
          return problem ? [`ARN ${JSON.stringify(arn)} ${problem}`] : [];
        }),
    },
    reputation_policy: attributeFromZod(spec.reputationPolicy, { optional: true, computed: true, default: SES_DEFAULT_POLICY }),
    sending_status: attributeFromZod(spec.sendingStatus, { optional: true, computed: true, default: 'enabled' }),
    tags: attributeFromZod(spec.tags, { optional: true }),
    tenant_id: { type: cty.string, computed: true, useStateForUnknown: true, description: 'TenantId given by SES; kept by every in-place update.' },
    arn: { type: cty.string, computed: true, useStateForUnknown: true, description: 'Tenant ARN.' },
    sending_status_aggregate: {
      type: cty.string,
      computed: true,
      description: 'Sending status SES reports (DISABLED when the customer or SES paused the tenant), read on every refresh.',
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

function specOf(value: TfObject): TenantSpec {
  const suppression = value.suppression as TfObject | null;
  return {
    name: String(value.name),
    resources: ((value.resource_associations as readonly string[] | null) ?? []).map(resourceOfArn),
    reputationPolicy: (value.reputation_policy ?? SES_DEFAULT_POLICY) as TenantSpec['reputationPolicy'],
    sendingStatus: (value.sending_status ?? 'enabled') as TenantSpec['sendingStatus'],
    tags: { ...((value.tags as Record<string, string> | null) ?? {}) },
    suppression: suppression
      ? { scope: suppression.scope as Suppression['scope'], reasons: [...(suppression.reasons as Suppression['reasons'])].sort() }
      : null,
  };
}

/**
 * The Terraform state of a live tenant. Empty collections stay null when the prior state had
 * them null, so an attribute the configuration leaves out never shows a diff between null and [] / {}.
 */
export function tenantState(live: LiveTenant, prior: TfObject | null): TfObject {
  const tags = Object.fromEntries(Object.entries(live.tags).filter(([key]) => !isReservedTag(key)));
  const arns = live.resources.map((r) => r.arn).sort();
  const keepNull = (name: string, empty: boolean, value: TfValue): TfValue => (empty && (prior === null || prior[name] === null) ? null : value);
  return {
    name: live.name,
    resource_associations: keepNull('resource_associations', arns.length === 0, arns),
    reputation_policy: live.reputationPolicy,
    sending_status: live.customerStatus === 'DISABLED' ? 'disabled' : 'enabled',
    tags: keepNull('tags', Object.keys(tags).length === 0, tags),
    suppression: live.suppression ? { scope: live.suppression.scope, reasons: [...live.suppression.reasons] } : null,
    tenant_id: live.id,
    arn: live.arn,
    sending_status_aggregate: live.sendingStatusAggregate,
  };
}

function applyError(err: unknown): never {
  if (err instanceof TenantApplyError) throw new ProviderError(`Tenant ${err.tenant}: ${err.step} failed`, err.awsError);
  throw err;
}

/** `sestenants_tenant`: one SES tenant with its associations, policy, status, suppression and tags. */
export const tenantResource: ResourceType<TenantsTarget> = {
  typeName: 'sestenants_tenant',
  schema: TENANT_SCHEMA,
  validate(config: TfObject, diagnostics: Diagnostics) {
    const arns = config.resource_associations;
    if (!Array.isArray(arns)) return;
    const seen = new Set<string>();
    (arns as TfValue[]).forEach((arn) => {
      if (typeof arn !== 'string' || isUnknown(arn)) return;
      const key = arn.toLowerCase();
      if (seen.has(key)) diagnostics.error('Duplicate association', `${arn} is listed twice.`, ['resource_associations']);
      seen.add(key);
    });
  },
  // With plan_destroy Terraform plans destroys too, so the plan can say what a removal does.
  async modifyPlan({ prior, planned, replace }, { diagnostics }) {
    if (prior === null) return planned;
    const who = `tenant ${String(prior.name)} (TenantId ${String(prior.tenant_id)})`;
    if (planned === null) {
      diagnostics.warning('Tenant will be deleted', `Destroying this resource deletes ${who} and its resource associations; the TenantId is gone for good.`);
    } else if (replace) {
      diagnostics.warning(
        'Tenant will be replaced',
        `Renaming to ${String(planned.name)} deletes ${who} and creates a new tenant with a new TenantId (SES cannot rename a tenant).`,
        ['name'],
      );
    }
    return planned;
  },
  async read(state, { meta }) {
    const live = await readTenant(meta, String(state.name));
    return live ? tenantState(live, state) : null;
  },
  async create(planned, { meta }) {
    checkPlace(meta, planned);
    const live = await applyTenant(meta, specOf(planned), await readTenant(meta, String(planned.name))).catch(applyError);
    return tenantState(live, planned);
  },
  async update(_prior, planned, { meta }) {
    checkPlace(meta, planned);
    const live = await applyTenant(meta, specOf(planned), await readTenant(meta, String(planned.name)), true).catch(applyError);
    return tenantState(live, planned);
  },
  async delete(prior, { meta }) {
    const live = await readTenant(meta, String(prior.name));
    if (live) await deleteTenant(meta, live).catch(applyError);
  },
  async import(id, { meta }) {
    const live = await readTenant(meta, id);
    if (!live) throw new ProviderError('Cannot import tenant', `No tenant named ${JSON.stringify(id)} in ${meta.target.region} of account ${meta.target.account}.`);
    return tenantState(live, null);
  },
};

// Associations must be in the provider's region and account (the rule synth applies to stacks).
function checkPlace(meta: TenantsTarget, planned: TfObject): void {
  for (const arn of (planned.resource_associations as readonly string[] | null) ?? []) {
    const [, partition, , region, account] = arn.split(':');
    const { target } = meta;
    if (partition !== target.partition || region !== target.region || account !== target.account) {
      throw new ProviderError(
        'Association outside the provider',
        `${arn} is not in ${target.region} of account ${target.account}; associate only resources of the provider's region and account.`,
        ['resource_associations'],
      );
    }
  }
}
