import pLimit from 'p-limit';
import { allPages, isNotFound, type ReputationEntity, type SesGateway, type Tenant, type TenantResource } from '../aws/ses-gateway';
import { reputationPolicyFromArn, resourceNameOfArn, resourceRefOfArn, tenantArnPrefix, type ArnLocation } from '../tenant-spec/arn';
import { compareResources } from '../tenant-spec/canonical';
import { compareStrings } from '../tenant-spec/compare';
import { RESOURCE_TYPES, SUPPRESSION_REASONS, SUPPRESSION_SCOPES, type ResourceRef, type Suppression } from '../tenant-spec/tenant-spec';
import { parseSesSendingStatus } from '../tenant-spec/sending-status';
import { TargetMismatchError } from './errors';
import type { LiveRegion, LiveTenant } from './model';

/** Options of {@link readLiveRegion}. */
export interface ReadLiveOptions {
  /** Per-tenant reads in flight at once. @default 16 */
  readonly concurrency?: number;
  /** Called after each tenant is read, with the tenants read and the tenants known so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A resource from its ARN (SES's ResourceType spelling varies; the ARN segment does not). */
function resourceOf(r: TenantResource): ResourceRef | undefined {
  if (!r.ResourceArn) return undefined;
  try {
    return resourceRefOfArn(r.ResourceArn);
  } catch {
    const type = (RESOURCE_TYPES as readonly string[]).includes(r.ResourceType ?? '') ? (r.ResourceType as ResourceRef['type']) : 'identity';
    return { type, name: resourceNameOfArn(r.ResourceArn) ?? r.ResourceArn, arn: r.ResourceArn };
  }
}

function suppressionOf(t: Tenant): Suppression | null {
  const s = t.SuppressionAttributes;
  const scope = s?.SuppressionScope;
  if (!s || !scope || !(SUPPRESSION_SCOPES as readonly string[]).includes(scope)) return null;
  const reasons = (s.SuppressedReasons ?? []).filter((r): r is Suppression['reasons'][number] => (SUPPRESSION_REASONS as readonly string[]).includes(r));
  return { scope: scope as Suppression['scope'], reasons: [...new Set(reasons)].sort() };
}

function sortedTags(t: Tenant): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of [...(t.Tags ?? [])].sort((a, b) => compareStrings(a.Key!, b.Key!))) {
    if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  }
  return tags;
}

/** Builds a LiveTenant from what GetTenant, ListTenantResources and the reputation entity said. */
export function toLiveTenant(t: Tenant, resources: readonly ResourceRef[], entity: ReputationEntity | undefined): LiveTenant {
  const customer = parseSesSendingStatus(entity?.CustomerManagedStatus?.Status) ?? 'ENABLED';
  return {
    name: t.TenantName ?? '',
    id: t.TenantId ?? '',
    arn: t.TenantArn ?? '',
    reputationPolicy: reputationPolicyFromArn(entity?.ReputationManagementPolicy) ?? null,
    customerStatus: customer,
    sendingStatusAggregate: parseSesSendingStatus(entity?.SendingStatusAggregate) ?? parseSesSendingStatus(t.SendingStatus) ?? customer,
    tags: sortedTags(t),
    suppression: suppressionOf(t),
    resources: [...resources].sort(compareResources),
  };
}

/** Every resource associated with a tenant (all pages). */
export async function listTenantResources(ses: SesGateway, tenant: string): Promise<ResourceRef[]> {
  const resources = await allPages((token) => ses.listTenantResourcesPage(tenant, token));
  return resources.map(resourceOf).filter((r): r is ResourceRef => r !== undefined);
}

/** Every tenant reputation entity of a region and account (all pages), keyed by reference (the tenant ARN). */
export async function listEntities(ses: SesGateway, at: ArnLocation): Promise<Map<string, ReputationEntity>> {
  const out = new Map<string, ReputationEntity>();
  for (const e of await allPages((token) => ses.listReputationEntitiesPage(tenantArnPrefix(at), token))) {
    if (e.ReputationEntityReference) out.set(e.ReputationEntityReference, e);
  }
  return out;
}

/** GetTenant and ListTenantResources of one tenant (either one from `sources` when given); undefined when it vanished meanwhile. */
export async function readTenantParts(
  ses: SesGateway,
  name: string,
  sources: Pick<LiveTenantSources, 'tenant' | 'resources'> = {},
): Promise<{ tenant: Tenant; resources: ResourceRef[] } | undefined> {
  const resources = sources.resources ?? ((n: string) => listTenantResources(ses, n).catch(undefinedIfNotFound));
  const [tenant, listed] = await Promise.all([sources.tenant ?? ses.getTenant(name), resources(name)]);
  return tenant && listed ? { tenant, resources: listed } : undefined;
}

function undefinedIfNotFound(err: unknown): undefined {
  if (isNotFound(err)) return undefined;
  throw err;
}

/**
 * Reads every tenant of one region and account in bulk: ListTenants (pages of 100) and
 * ListReputationEntities (policy and customer status of every tenant, matched by tenant ARN) in
 * parallel, then GetTenant and ListTenantResources per tenant with bounded concurrency, started
 * as soon as each ListTenants page arrives. A tenant missing from the reputation entities gets a
 * GetReputationEntity of its own; a tenant deleted while reading is left out.
 */
export async function readLiveRegion(ses: SesGateway, at: ArnLocation, opts: ReadLiveOptions = {}): Promise<LiveRegion> {
  const limit = pLimit(opts.concurrency ?? 16);
  const entitiesRead = listEntities(ses, at);
  const parts = new Map<string, Promise<{ tenant: Tenant; resources: ResourceRef[] } | undefined>>();
  let done = 0;
  let token: string | undefined;
  // Credentials of another account list that account's tenants: never plan or apply against them.
  const arnPrefix = tenantArnPrefix(at);
  try {
    do {
      const page = await ses.listTenantsPage(token);
      for (const info of page.items) {
        if (info.TenantArn && !info.TenantArn.startsWith(arnPrefix)) throw new TargetMismatchError(at, info.TenantArn);
        const name = info.TenantName;
        if (!name || parts.has(name)) continue;
        parts.set(
          name,
          limit(async () => {
            const read = await readTenantParts(ses, name);
            opts.onProgress?.(++done, parts.size);
            return read;
          }),
        );
      }
      token = page.nextToken;
    } while (token);
  } catch (err) {
    limit.clearQueue();
    await Promise.allSettled([entitiesRead, ...parts.values()]);
    throw err;
  }
  const [entities, reads] = await Promise.all([entitiesRead, Promise.all(parts.values())]);
  const tenants: Record<string, LiveTenant> = {};
  const found = reads.filter((r): r is { tenant: Tenant; resources: ResourceRef[] } => r !== undefined);
  const missing = found.filter((r) => !entities.has(r.tenant.TenantArn ?? ''));
  await Promise.all(missing.map((r) => limit(async () => entities.set(r.tenant.TenantArn ?? '', (await ses.getReputationEntity(r.tenant.TenantArn ?? '')) ?? {}))));
  for (const r of found.sort((a, b) => compareStrings(a.tenant.TenantName ?? '', b.tenant.TenantName ?? ''))) {
    const live = toLiveTenant(r.tenant, r.resources, entities.get(r.tenant.TenantArn ?? ''));
    tenants[live.name] = live;
  }
  return { partition: at.partition, region: at.region, account: at.account, tenants };
}

/** What a hook reads of a tenant: everything, its settings only, or the tenant record only. */
export type LiveTenantParts = 'all' | 'settings' | 'tenant';

/** Where {@link readLiveTenantRecord} may take what a process has already listed instead of calling SES. */
export interface LiveTenantSources {
  /** What GetTenant answered, when the caller has just read it. @default - GetTenant */
  readonly tenant?: Tenant;
  /** The tenant's resources (undefined when the tenant does not exist). @default - ListTenantResources */
  readonly resources?: (name: string) => Promise<ResourceRef[] | undefined>;
  /** The region's tenant reputation entities by tenant ARN. @default - ListReputationEntities filtered to the tenant's ARN prefix */
  readonly entities?: () => Promise<ReadonlyMap<string, ReputationEntity>>;
}

/** One tenant as read: the LiveTenant and the SES records it was built from. */
export interface LiveTenantRecord {
  /** The tenant as the engine plans against it. */
  readonly live: LiveTenant;
  /** What GetTenant answered. */
  readonly tenant: Tenant;
  /** The tenant's reputation entity; undefined when only the tenant record was read. */
  readonly entity: ReputationEntity | undefined;
}

/**
 * Reads one tenant in one round trip: GetTenant, plus ListTenantResources (`all`) and
 * ListReputationEntities filtered to this tenant's ARN prefix (`…:tenant/NAME/`; `all` and
 * `settings`) together. A GetReputationEntity follows only when the listed entities miss it.
 * Parts not read are left neutral: no resources; with `tenant`, no policy and the status GetTenant
 * reports. Undefined when the tenant does not exist.
 */
export async function readLiveTenantRecord(
  ses: SesGateway,
  at: ArnLocation,
  name: string,
  parts: LiveTenantParts = 'all',
  sources: LiveTenantSources = {},
): Promise<LiveTenantRecord | undefined> {
  const [read, entities] = await Promise.all([
    parts === 'all' ? readTenantParts(ses, name, sources) : Promise.resolve(sources.tenant ?? ses.getTenant(name)).then((tenant) => tenant && { tenant, resources: [] }),
    parts === 'tenant' ? undefined : (sources.entities?.() ?? ses.listReputationEntitiesPage(tenantArnPrefix(at, name)).then((page) => page.items)),
  ]);
  if (!read) return undefined;
  const arn = read.tenant.TenantArn ?? '';
  if (entities === undefined) {
    const status = parseSesSendingStatus(read.tenant.SendingStatus);
    return { live: toLiveTenant(read.tenant, read.resources, { CustomerManagedStatus: { Status: status }, SendingStatusAggregate: status }), tenant: read.tenant, entity: undefined };
  }
  const listed = Array.isArray(entities) ? entities.find((e) => e.ReputationEntityReference === arn) : (entities as ReadonlyMap<string, ReputationEntity>).get(arn);
  // A tenant created after the listing (or missing from it) gets its own GetReputationEntity.
  const entity = listed ?? (await ses.getReputationEntity(arn));
  return { live: toLiveTenant(read.tenant, read.resources, entity), tenant: read.tenant, entity };
}

/** Reads one tenant for a hook (see {@link readLiveTenantRecord}); undefined when it does not exist. */
export async function readLiveTenant(ses: SesGateway, at: ArnLocation, name: string, parts: LiveTenantParts = 'all'): Promise<LiveTenant | undefined> {
  return (await readLiveTenantRecord(ses, at, name, parts))?.live;
}

/** The live state of one region holding at most the given tenants (what a hook reads). */
export function liveRegionOf(at: ArnLocation, tenants: readonly LiveTenant[]): LiveRegion {
  return { partition: at.partition, region: at.region, account: at.account, tenants: Object.fromEntries(tenants.map((t) => [t.name, t])) };
}
