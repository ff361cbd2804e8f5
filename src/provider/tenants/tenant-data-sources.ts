import { cty } from '../protocol/cty-type';
import type { TfObject } from '../protocol/value';
import { ProviderError } from '../framework/diagnostics';
import { DataSourceType } from '../framework/resource';
import { readAllTenants, readTenant } from './tenant-reads';
import { TENANT_SCHEMA } from './tenant-schema';
import { tenantState } from './tenant-state';
import type { TenantsTarget } from './tenants-target';

// Data sources: one tenant by name (every attribute of the resource, computed), and a summary of
// every tenant of the region.

const computedCopy = Object.fromEntries(
  Object.entries(TENANT_SCHEMA.attributes).map(([name, a]) => [
    name,
    name === 'name' ? { type: a.type, description: a.description, required: true, validate: a.validate } : { type: a.type, description: a.description, computed: true },
  ]),
);
const suppressionType = cty.object({ scope: cty.string, reasons: cty.set(cty.string) });

/** `data "sestenants_tenant"`: one tenant by name, as the resource would hold it. */
export const tenantDataSource: DataSourceType<TenantsTarget> = {
  typeName: 'sestenants_tenant',
  schema: {
    description: 'One SES tenant, read by name.',
    attributes: { ...computedCopy, suppression: { type: suppressionType, computed: true, description: 'Suppression settings, null when none.' } },
  },
  async read(config, { meta }) {
    const live = await readTenant(meta, String(config.name), 'bulk');
    if (!live) throw new ProviderError('Tenant not found', `No tenant named ${JSON.stringify(config.name)} in ${meta.target.region} of account ${meta.target.account}.`, ['name']);
    return tenantState(live, null);
  },
};

const summaryType = cty.object({
  name: cty.string,
  tenant_id: cty.string,
  arn: cty.string,
  reputation_policy: cty.string,
  sending_status: cty.string,
  sending_status_aggregate: cty.string,
  reputation_impact: cty.string,
});

/** `data "sestenants_tenants"`: every tenant of the provider's region with its status and policy. */
export const tenantsDataSource: DataSourceType<TenantsTarget> = {
  typeName: 'sestenants_tenants',
  schema: {
    description: 'Every SES tenant of the provider\'s region and account.',
    attributes: { tenants: { type: cty.list(summaryType), computed: true, description: 'The tenants, sorted by name.' } },
  },
  async read(_config, { meta }) {
    const tenants = (await readAllTenants(meta)).map((live): TfObject => {
      const state = tenantState(live, null);
      return {
        name: state.name,
        tenant_id: state.tenant_id,
        arn: state.arn,
        reputation_policy: state.reputation_policy,
        sending_status: state.sending_status,
        sending_status_aggregate: state.sending_status_aggregate,
        reputation_impact: state.reputation_impact,
      };
    });
    return { tenants };
  },
};
