import pLimit from 'p-limit';
import { ownershipOf, readLiveRegion, readLiveTenantRecord, toLiveTenant, type Ownership } from '../../engine';
import { compareStrings } from '../../tenant-spec';
import { providerTenant, type ProviderTenant } from './tenant-state';
import { isOurs, type TenantsTarget } from './tenants-target';

// What the provider reads of SES, all through the engine's live reader, with the process's
// listings (names, reputation entities, resources) from its ReadCache.

/**
 * The live tenant through the engine's reader, or undefined when it does not exist: GetTenant +
 * ListTenantResources, and its reputation entity from the process's bulk listing (`bulk`, what
 * refresh uses; resources from the process's cache, shared with the association instances) or
 * from a ListReputationEntities filtered to this tenant (`fresh`, what a write path uses).
 */
export async function readTenant(at: TenantsTarget, name: string, source: 'bulk' | 'fresh' = 'fresh'): Promise<ProviderTenant | undefined> {
  const { gateway, target, cache } = at;
  const sources =
    source === 'bulk' ? { resources: (tenant: string) => cache.resourcesOf(gateway, tenant), entities: () => cache.entitiesOf(gateway, target) } : {};
  const record = await readLiveTenantRecord(gateway, target, name, 'all', sources);
  return record && providerTenant(record.live, record.tenant, record.entity);
}

/** Every tenant of the provider's region and account, sorted by name (reputation impact from the bulk listing). */
export async function readAllTenants(at: TenantsTarget): Promise<ProviderTenant[]> {
  const [region, entities] = await Promise.all([readLiveRegion(at.gateway, at.target), at.cache.entitiesOf(at.gateway, at.target)]);
  return Object.values(region.tenants).map((live) => providerTenant(live, undefined, entities.get(live.arn)));
}

/** Whether the tenant has the resource (one ListTenantResources per tenant per process); undefined when the tenant does not exist. */
export async function tenantHasResource(at: TenantsTarget, tenant: string, arn: string): Promise<boolean | undefined> {
  const resources = await at.cache.resourcesOf(at.gateway, tenant);
  return resources === undefined ? undefined : resources.some((r) => r.arn === arn);
}

/** A tenant that a create would meet under its name: the live tenant and whose it is for the provider's owner and stack. */
export interface ExistingTenant extends ProviderTenant {
  /** Ours (left unfinished), ours to take back (released by us), adoptable (adopt set) or refused. */
  readonly ownership: Ownership;
}

/**
 * What a create of `name` would meet in SES, as the plan sees it: undefined when the process's
 * one listing of names has none (no call of its own), else one GetTenant (no associations: the
 * apply makes them match the configuration).
 */
export async function findExisting(at: TenantsTarget, name: string, adopt: boolean): Promise<ExistingTenant | undefined> {
  if (!(await at.cache.namesOf(at.gateway)).has(name)) return undefined;
  const tenant = await at.gateway.getTenant(name);
  if (!tenant) return undefined;
  const found = providerTenant(toLiveTenant(tenant, [], undefined), tenant, undefined);
  return { ...found, ownership: ownershipOf(at.target, found.live, adopt) };
}

/** A live tenant that carries this provider's managed-by marker. */
export interface MarkedTenant {
  /** Tenant name. */
  readonly name: string;
  /** TenantId. */
  readonly id: string;
  /** Tenant ARN. */
  readonly arn: string;
}

/**
 * The tenants of the region that carry this provider's `<owner>/<stack>` marker, among those not
 * in `skip`: the process's one listing of names (which the creates' plans share), then GetTenant
 * only for a listed tenant not skipped (SES lists no tags, so its marker is read there; the
 * configuration's own tenants are skipped and cost nothing).
 */
export async function markedTenants(at: TenantsTarget, skip: ReadonlySet<string>, concurrency = 16): Promise<MarkedTenant[]> {
  const limit = pLimit(concurrency);
  const names = [...(await at.cache.namesOf(at.gateway))].filter((name) => !skip.has(name));
  const reads = names.map((name) =>
    limit(async (): Promise<MarkedTenant | undefined> => {
      const tenant = await at.gateway.getTenant(name);
      const live = tenant && toLiveTenant(tenant, [], undefined);
      return live && isOurs(at, live.tags) ? { name, id: live.id, arn: live.arn } : undefined;
    }),
  );
  return (await Promise.all(reads)).filter((t): t is MarkedTenant => t !== undefined).sort((a, b) => compareStrings(a.name, b.name));
}
