import { ProviderDefinition } from '../framework/resource';
import type { TenantsTarget } from './tenants-target';
import { configureTenantsProvider, PROVIDER_SCHEMA, validateProviderConfig } from './provider-config';
import { tenantDataSource, tenantsDataSource } from './tenant-data-sources';
import { tenantResource } from './tenant-resource';
import { associationResource } from './association-resource';
import { orphanedTenantsDataSource } from './orphans-data-source';

/** The `sestenants` provider. */
export const sesTenantsProvider: ProviderDefinition<TenantsTarget> = {
  schema: PROVIDER_SCHEMA,
  validate: validateProviderConfig,
  configure: (config) => configureTenantsProvider(config),
  resources: [tenantResource, associationResource],
  dataSources: [tenantDataSource, tenantsDataSource, orphanedTenantsDataSource],
};
