import { describeTags, MANAGED_BY_TAG, ownerMarker, tenantSpecSchema } from '../../tenant-spec';
import type { Diagnostics } from '../framework/diagnostics';
import { cty } from '../protocol/cty-type';
import { isUnknown, type TfObject } from '../protocol/value';
import { ProviderError } from '../framework/diagnostics';
import { ResourceType } from '../framework/resource';
import { ResourceSchema } from '../framework/schema';
import { inlineClash } from './declarations';
import { applyAssociation, rethrowAsDiagnostic } from './tenant-apply';
import { tenantHasResource } from './tenant-reads';
import { isOurs, type TenantsTarget } from './tenants-target';
import { attributeFromZod } from './zod-attribute';
import { associatedArnProblems, checkPlace } from './provider-place';

/** Separator of the import id and computed `id`: `TENANT|ARN` (a tenant name never holds `|`). */
const ID_SEPARATOR = '|';

/** The `sestenants_tenant_resource_association` schema. */
export const ASSOCIATION_SCHEMA: ResourceSchema = {
  description:
    'One resource associated with a tenant that another module (or no one) owns. The tenant must leave resource_associations out (null); ' +
    'a tenant that sets it is authoritative and the plan refuses association resources on it.',
  attributes: {
    tenant_name: attributeFromZod(tenantSpecSchema.shape.name, { required: true, requiresReplace: true }),
    resource_arn: {
      type: cty.string,
      required: true,
      requiresReplace: true,
      description: "ARN of the identity, configuration set or template, in the provider's region and account.",
      validate: (value) => associatedArnProblems(String(value)),
    },
    id: { type: cty.string, computed: true, useStateForUnknown: true, description: `TENANT${ID_SEPARATOR}ARN, also the import id.` },
  },
};

const stateOf = (tenant: string, arn: string): TfObject => ({ tenant_name: tenant, resource_arn: arn, id: `${tenant}${ID_SEPARATOR}${arn}` });

async function write(meta: TenantsTarget, tenant: string, arn: string, op: 'add' | 'remove'): Promise<void> {
  await applyAssociation(meta, tenant, arn, op).catch(rethrowAsDiagnostic);
}

/**
 * An association is planned on a tenant of another owner only when this configuration adopts
 * that tenant (its sestenants_tenant, planned first when tenant_name refers to it); a tenant
 * marked by no one is open to associations (the resource exists for tenants managed elsewhere).
 * One listing of names per process, and one GetTenant per existing tenant.
 */
async function checkTenantOwner(meta: TenantsTarget, tenant: string, diagnostics: Diagnostics): Promise<void> {
  if (!(await meta.cache.namesOf(meta.gateway)).has(tenant) || meta.cache.adopts(tenant)) return;
  const tags = await meta.cache.tagsOf(meta.gateway, tenant);
  if (tags === undefined || tags[MANAGED_BY_TAG] === undefined || isOurs(meta, tags)) return;
  diagnostics.error(
    `Tenant ${tenant} is not this configuration's`,
    `Tenant ${tenant} is ${describeTags(tags)}, not ${ownerMarker(meta.target)}: associate resources with it in the configuration that manages it, ` +
      `or take it over first (a sestenants_tenant for it with adopt = true, and tenant_name = sestenants_tenant.<name>.name). Nothing was changed.`,
    ['tenant_name'],
  );
}

/** `sestenants_tenant_resource_association`: one resource of a tenant, read with one call per tenant per provider process. */
export const associationResource: ResourceType<TenantsTarget> = {
  typeName: 'sestenants_tenant_resource_association',
  schema: ASSOCIATION_SCHEMA,
  async modifyPlan({ prior, planned }, { meta, diagnostics }) {
    // An ARN or tenant known only after apply (an identity created in the same apply) is checked at the apply's plan.
    if (planned === null || isUnknown(planned.tenant_name) || isUnknown(planned.resource_arn)) return planned;
    const tenant = String(planned.tenant_name);
    if (meta.declarations.declareAssociation(tenant, String(planned.resource_arn))) {
      diagnostics.error(...inlineClash(tenant, [String(planned.resource_arn)]), ['tenant_name']);
    }
    if (prior === null && !isUnknown(planned.tenant_name)) await checkTenantOwner(meta, tenant, diagnostics);
    return planned;
  },
  async read(state, { meta }) {
    const tenant = String(state.tenant_name);
    const arn = String(state.resource_arn);
    return (await tenantHasResource(meta, tenant, arn)) ? stateOf(tenant, arn) : null;
  },
  async create(planned, { meta }) {
    const tenant = String(planned.tenant_name);
    const arn = String(planned.resource_arn);
    checkPlace(meta.target, [arn], ['resource_arn']);
    // No read first: AssociateResource is the one call, and SES's NotFound names a missing tenant.
    await write(meta, tenant, arn, 'add');
    return stateOf(tenant, arn);
  },
  async update(_prior, planned) {
    // Both attributes force replacement: an update changes nothing.
    return planned;
  },
  async delete(prior, { meta }) {
    await write(meta, String(prior.tenant_name), String(prior.resource_arn), 'remove');
  },
  async import(id, { meta }) {
    const at = id.indexOf(ID_SEPARATOR);
    if (at <= 0 || at === id.length - 1) {
      throw new ProviderError('Invalid import id', `Import a tenant resource association as TENANT${ID_SEPARATOR}ARN, got ${JSON.stringify(id)}.`);
    }
    const tenant = id.slice(0, at);
    const arn = id.slice(at + 1);
    const has = await tenantHasResource(meta, tenant, arn);
    if (!has) {
      throw new ProviderError(
        'Cannot import association',
        has === undefined ? `No tenant named ${JSON.stringify(tenant)} in ${meta.target.region} of account ${meta.target.account}.` : `Tenant ${tenant} has no resource ${arn}.`,
      );
    }
    return stateOf(tenant, arn);
  },
};
