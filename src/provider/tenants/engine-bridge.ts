import { Declarations } from './declarations';
import { whoAmI } from '../../aws/account-guard';
import { createSesClient } from '../../aws/client';
import { sesGateway, type ReputationEntity, type SesGateway, type Tenant } from '../../aws/ses-gateway';
import {
  applyPlan,
  isReservedTag,
  liveAfterApply,
  listEntities,
  listTenantResources,
  ownershipOf,
  type Ownership,
  planAssociation,
  planTenant,
  readLiveRegion,
  readTenantParts,
  SES_DEFAULT_POLICY,
  toLiveTenant,
  type ApplyOptions,
  type ApplyResult,
  type LiveTenant,
  type Plan,
  type TenantAspect,
} from '../../engine';
import { isAlreadyExists, isNotFound } from '../../aws/ses-gateway';
import type { FrontDoor } from '../../tenant-spec';
import pLimit from 'p-limit';
import { canonicalTenant, MANAGED_BY_TAG, ownerMarker, parseSesResourceArn, sesResourceArnProblem, tenantArnPrefix, type ResourceRef, type StackTarget, type TenantSpec } from '../../tenant-spec';

// The one file of the provider that calls the engine and AWS (the hooks' rule: one writer).
// The resource is a thin front door: it turns Terraform values into a TenantSpec, and this file
// plans that one tenant with the engine's single-tenant API (planTenant) and applies it with
// applyPlan, exactly as the hooks do.

export { Declarations };
export type { LiveTenant, Ownership, ResourceRef, StackTarget, TenantSpec };
export { ownershipOf };
export { isReservedTag, SES_DEFAULT_POLICY, sesResourceArnProblem };

/** Where the provider's tenants live and how it reaches SES. */
export interface TenantsTarget {
  /** Stack-like target the engine plans against (the managed-by tag names `stack`). */
  readonly target: StackTarget;
  /** SES v2 gateway of the target's region. */
  readonly gateway: SesGateway;
  /** What this provider process has read (see {@link ReadCache}). */
  readonly cache: ReadCache;
  /** What the configuration planned in this process declares about associations. */
  readonly declarations: Declarations;
  /** Where the configuration is written: ownership fixes are named in its language. */
  readonly door: FrontDoor;
}

/**
 * What one provider process has read, for bulk refresh: Terraform refreshes every instance with
 * its own ReadResource, so the region's reputation entities are listed by page once (on the
 * first read) and each read adds only GetTenant + ListTenantResources; each tenant's resources
 * are listed once for all its association instances. Any write of the process drops it all.
 */
export class ReadCache {
  private entities: Promise<Map<string, ReputationEntity>> | undefined;
  private readonly resources = new Map<string, Promise<ResourceRef[] | undefined>>();
  // Kept across this process's writes: Terraform plans each instance again just before applying
  // it, and a write of one tenant neither adds nor removes another's name.
  private names: Promise<Set<string>> | undefined;
  private readonly tags = new Map<string, Promise<Readonly<Record<string, string>> | undefined>>();
  private readonly adopted = new Set<string>();

  /**
   * The names of every tenant of the region (ListTenants by page), listed once per process: the
   * plan of a create learns from it whether the name is taken with no call per tenant.
   */
  namesOf(gateway: SesGateway): Promise<Set<string>> {
    this.names ??= listTenantNames(gateway);
    this.names.catch(() => (this.names = undefined));
    return this.names;
  }

  /** A tenant's tags as this process last read them (refresh records them), read with GetTenant when not yet read. */
  tagsOf(gateway: SesGateway, tenant: string): Promise<Readonly<Record<string, string>> | undefined> {
    let read = this.tags.get(tenant);
    if (!read) {
      read = gateway.getTenant(tenant).then((t) => (t ? tagMap(t) : undefined));
      read.catch(() => this.tags.delete(tenant));
      this.tags.set(tenant, read);
    }
    return read;
  }

  /** A tenant's tags if this process has read them (refresh, import), with no call. */
  knownTags(tenant: string): Promise<Readonly<Record<string, string>> | undefined> {
    return this.tags.get(tenant) ?? Promise.resolve(undefined);
  }

  /** Records a tenant's tags as read by a refresh. */
  recordTags(tenant: string, tags: Readonly<Record<string, string>>): void {
    this.tags.set(tenant, Promise.resolve(tags));
  }

  /** Records that this configuration adopts (or takes back) the tenant: its association resources may then plan on it. */
  recordAdopted(tenant: string): void {
    this.adopted.add(tenant);
  }

  /** Whether this configuration's plan adopts the tenant. */
  adopts(tenant: string): boolean {
    return this.adopted.has(tenant);
  }

  /** The region's tenant reputation entities by tenant ARN, listed on first use. */
  entitiesOf(gateway: SesGateway, at: StackTarget): Promise<Map<string, ReputationEntity>> {
    this.entities ??= listEntities(gateway, at);
    this.entities.catch(() => (this.entities = undefined));
    return this.entities;
  }

  /** A tenant's resources (undefined when the tenant does not exist), listed once per process. */
  resourcesOf(gateway: SesGateway, tenant: string): Promise<ResourceRef[] | undefined> {
    let read = this.resources.get(tenant);
    if (!read) {
      read = listTenantResources(gateway, tenant).catch((err: unknown) => {
        if (isNotFound(err)) return undefined;
        this.resources.delete(tenant);
        throw err;
      });
      this.resources.set(tenant, read);
    }
    return read;
  }

  /** Forgets everything read (after a write of this process). */
  invalidate(): void {
    this.entities = undefined;
    this.resources.clear();
  }
}

async function listTenantNames(gateway: SesGateway): Promise<Set<string>> {
  const names = new Set<string>();
  let token: string | undefined;
  do {
    const page = await gateway.listTenantsPage(token);
    for (const info of page.items) if (info.TenantName) names.add(info.TenantName);
    token = page.nextToken;
  } while (token);
  return names;
}

function tagMap(tenant: Tenant): Record<string, string> {
  return Object.fromEntries((tenant.Tags ?? []).flatMap((t) => (t.Key !== undefined && t.Value !== undefined ? [[t.Key, t.Value]] : [])));
}

/** A tenant that a create would meet under its name: the live tenant and whose it is for the provider's owner and stack. */
export interface ExistingTenant {
  /** The tenant as GetTenant returns it (no associations: the apply makes them match the configuration). */
  readonly live: LiveTenant;
  /** CreatedTimestamp, ISO 8601. */
  readonly createdAt: string;
  /** Ours (left unfinished), ours to take back (released by us), adoptable (adopt set) or refused. */
  readonly ownership: Ownership;
}

/**
 * What a create of `name` would meet in SES, as the plan sees it: undefined when the process's
 * one listing of names has none (no call of its own), else one GetTenant.
 */
export async function findExisting(at: TenantsTarget, name: string, adopt: boolean): Promise<ExistingTenant | undefined> {
  if (!(await at.cache.namesOf(at.gateway)).has(name)) return undefined;
  const tenant = await at.gateway.getTenant(name);
  if (!tenant) return undefined;
  const live = toLiveTenant(tenant, [], undefined);
  return { live, createdAt: tenant.CreatedTimestamp ? new Date(tenant.CreatedTimestamp).toISOString() : '', ownership: ownershipOf(at.target, live, adopt) };
}

/** Whether a live tenant's marker is this provider's owner and stack. */
export function isOurs(at: TenantsTarget, tags: Readonly<Record<string, string>>): boolean {
  return tags[MANAGED_BY_TAG] === ownerMarker(at.target);
}

/** A tenant as the provider shows it: the engine's live tenant plus what only Terraform's state shows. */
export interface ProviderTenant {
  /** The tenant as the engine plans against it. */
  readonly live: LiveTenant;
  /** CreatedTimestamp, ISO 8601. */
  readonly createdAt: string;
  /** ReputationImpact SES reports (LOW, HIGH, or NONE with no findings), null when none. */
  readonly reputationImpact: string | null;
  /** AWS-managed status (DISABLED when SES paused the tenant), null when none. */
  readonly awsManagedStatus: string | null;
}

function providerTenant(tenant: Tenant, resources: readonly ResourceRef[], entity: ReputationEntity | undefined): ProviderTenant {
  return {
    live: toLiveTenant(tenant, resources, entity),
    createdAt: tenant.CreatedTimestamp ? new Date(tenant.CreatedTimestamp).toISOString() : '',
    reputationImpact: entity?.ReputationImpact ?? null,
    awsManagedStatus: entity?.AwsSesManagedStatus?.Status ?? null,
  };
}

/** Options of the SES client the provider builds. */
export interface ProviderClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly assumeRoleArn?: string;
  readonly maxRequestsPerSecond?: number;
}

/** The SES v2 gateway of the provider (standard credential chain; Node-version warning silenced). */
export function providerGateway(options: ProviderClientOptions): SesGateway {
  return sesGateway(createSesClient(options));
}

/** The account the gateway's credentials act in (one STS GetCallerIdentity, at the SES endpoint when one is given). */
export async function callerAccount(gateway: SesGateway, region: string, sesEndpoint?: string): Promise<string> {
  return (await whoAmI(gateway.client, region, { sesEndpoint })).account;
}

/** A resource reference from an associated ARN. */
export function resourceOfArn(arn: string): ResourceRef {
  const parsed = parseSesResourceArn(arn);
  return { type: parsed.type, name: parsed.name, arn };
}

/**
 * The live tenant, or undefined when it does not exist: GetTenant + ListTenantResources, and its
 * reputation entity from the process's bulk listing (`bulk`, what refresh uses) or from a
 * ListReputationEntities filtered to this tenant (what a write path uses: fresh, one call).
 */
export async function readTenant(at: TenantsTarget, name: string, source: 'bulk' | 'fresh' = 'fresh'): Promise<ProviderTenant | undefined> {
  const { gateway, target } = at;
  const [parts, entities] = await Promise.all([
    // In bulk the resources come from the process's cache, which the tenant's association instances share.
    source === 'bulk' ? cachedParts(at, name) : readTenantParts(gateway, name),
    source === 'bulk' ? at.cache.entitiesOf(gateway, target) : gateway.listReputationEntitiesPage(tenantArnPrefix(target, name)).then((page) => page.items),
  ]);
  if (!parts) return undefined;
  const arn = parts.tenant.TenantArn ?? '';
  const listed = entities instanceof Map ? entities.get(arn) : entities.find((e) => e.ReputationEntityReference === arn);
  // A tenant created after the listing (or missing from it) gets its own GetReputationEntity.
  return providerTenant(parts.tenant, parts.resources, listed ?? (await gateway.getReputationEntity(arn)));
}

async function cachedParts(at: TenantsTarget, name: string): Promise<{ tenant: Tenant; resources: ResourceRef[] } | undefined> {
  const [tenant, resources] = await Promise.all([at.gateway.getTenant(name), at.cache.resourcesOf(at.gateway, name)]);
  return tenant && resources ? { tenant, resources } : undefined;
}

/** Every tenant of the provider's region and account, sorted by name (reputation impact from the bulk listing). */
export async function readAllTenants(at: TenantsTarget): Promise<ProviderTenant[]> {
  const [region, entities] = await Promise.all([readLiveRegion(at.gateway, at.target), at.cache.entitiesOf(at.gateway, at.target)]);
  return Object.values(region.tenants).map((live) => {
    const entity = entities.get(live.arn);
    return {
      live,
      createdAt: '',
      reputationImpact: entity?.ReputationImpact ?? null,
      awsManagedStatus: entity?.AwsSesManagedStatus?.Status ?? null,
    };
  });
}

/** Whether the tenant has the resource (one ListTenantResources per tenant per process); undefined when the tenant does not exist. */
export async function tenantHasResource(at: TenantsTarget, tenant: string, arn: string): Promise<boolean | undefined> {
  const resources = await at.cache.resourcesOf(at.gateway, tenant);
  return resources === undefined ? undefined : resources.some((r) => r.arn === arn);
}

/** An apply step failed: which one, and what AWS said. */
export class TenantApplyError extends Error {
  constructor(
    readonly tenant: string,
    readonly step: string,
    readonly awsError: string,
  ) {
    super(`tenant ${tenant}: ${step} failed: ${awsError}`);
    this.name = 'TenantApplyError';
  }
}

/**
 * ReputationImpact of a tenant this process just created: it has no findings yet, which SES
 * reports as NONE (seen from real AWS; the model's enum has only LOW and HIGH; the emulator's
 * choice too). A finding made later shows at the next refresh.
 */
const FRESH_REPUTATION_IMPACT = 'NONE';

async function run(at: TenantsTarget, plan: Plan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  at.cache.invalidate();
  return applyPlan(plan, () => at.gateway, opts);
}

function throwFailure(result: ApplyResult): void {
  const failure = result.failures[0];
  if (failure) throw new TenantApplyError(failure.tenant, failure.action, `${failure.error.name}: ${failure.error.message}`);
}

/**
 * Makes the live tenant match the spec: a create (`before` undefined) or an update in place of
 * `before`, the tenant as read just now. Returns the tenant as the writes left it, computed from
 * the plan, what CreateTenant answered and `before`, with no read after. A create makes no read
 * before either: it goes straight to CreateTenant, and only when SES says the name is taken (a
 * re-run after an interrupted apply, an out-of-band create) reads the tenant and plans against it,
 * taking it over only when it is ours by its marker or `adopt` is set. An update checks the marker
 * too (Terraform's state is no proof: an import puts another owner's tenant there). With `manageAssociations`
 * false the tenant's associations are left as they are (they belong to
 * `sestenants_tenant_resource_association` instances or to no one).
 */
export async function applyTenant(
  at: TenantsTarget,
  desired: TenantSpec,
  before: ProviderTenant | undefined,
  manageAssociations: boolean,
): Promise<ProviderTenant> {
  const aspects: readonly TenantAspect[] = manageAssociations ? ['tenant', 'associations', 'settings'] : ['tenant', 'settings'];
  const plan = planTenant({ target: at.target, desired: canonicalTenant(desired), live: before?.live, aspects, door: at.door });
  const change = plan.stacks[0].changes[0];
  if (!change) {
    if (!before) throw new TenantApplyError(desired.name, 'plan', 'no change planned for a tenant that does not exist');
    return before;
  }
  const result = await run(at, plan, { onNameTaken: 'fail' });
  const failure = result.failures[0];
  if (!before && failure?.action === 'create' && isAlreadyExists(failure.error)) {
    const existing = await readTenant(at, desired.name);
    if (!existing) throwFailure(result);
    return applyTenant(at, desired, existing, manageAssociations);
  }
  throwFailure(result);
  return {
    live: liveAfterApply(at.target, change, before?.live, result.created[0], before?.awsManagedStatus === 'DISABLED'),
    createdAt: before?.createdAt ?? result.created[0]?.createdAt ?? '',
    reputationImpact: before ? before.reputationImpact : FRESH_REPUTATION_IMPACT,
    awsManagedStatus: before ? before.awsManagedStatus : null,
  };
}

/**
 * Removes the tenant from Terraform's management: by the removal policy last applied (the
 * tenant's reserved tag), a release (`retain`, the default: tenant, TenantId and associations
 * kept, markers removed) or a delete (`destroy`), only when its live marker is this provider's
 * owner and stack: a tenant imported without adopt, or taken over since, is left as it is.
 */
export async function deleteTenant(at: TenantsTarget, live: LiveTenant): Promise<void> {
  throwFailure(await run(at, planTenant({ target: at.target, desired: undefined, live }), { allowDelete: true }));
}

/** Associates (`add`) or disassociates (`remove`) one resource of a tenant. */
export async function applyAssociation(at: TenantsTarget, tenant: string, arn: string, op: 'add' | 'remove'): Promise<void> {
  throwFailure(await run(at, planAssociation({ target: at.target, tenant, resource: resourceOfArn(arn), op })));
}

/** A live tenant that carries this provider's managed-by marker. */
export interface MarkedTenant {
  readonly name: string;
  readonly id: string;
  readonly arn: string;
}

/**
 * The tenants of the region that carry this provider's `<owner>/<stack>` marker, among those not
 * in `skip`: the ListTenants pages, then GetTenant only for a listed tenant not skipped (SES lists
 * no tags, so its marker is read there; the configuration's own tenants are skipped and cost nothing).
 */
export async function markedTenants(at: TenantsTarget, skip: ReadonlySet<string>, concurrency = 16): Promise<MarkedTenant[]> {
  const limit = pLimit(concurrency);
  const marker = ownerMarker(at.target);
  const reads: Promise<MarkedTenant | undefined>[] = [];
  let token: string | undefined;
  do {
    const page = await at.gateway.listTenantsPage(token);
    for (const info of page.items) {
      const name = info.TenantName;
      if (!name || skip.has(name)) continue;
      reads.push(
        limit(async () => {
          const tenant = await at.gateway.getTenant(name);
          const marked = tenant?.Tags?.some((t) => t.Key === MANAGED_BY_TAG && t.Value === marker);
          return marked ? { name, id: tenant?.TenantId ?? '', arn: tenant?.TenantArn ?? '' } : undefined;
        }),
      );
    }
    token = page.nextToken;
  } while (token);
  return (await Promise.all(reads)).filter((t): t is MarkedTenant => t !== undefined).sort((a, b) => (a.name < b.name ? -1 : 1));
}
