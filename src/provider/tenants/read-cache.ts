import { allPages, type ReputationEntity, type SesGateway } from '../../aws/ses-gateway';
import { listEntities, listTenantResources, toLiveTenant } from '../../engine';
import { isNotFound } from '../../aws/ses-gateway';
import type { ArnLocation, ResourceRef } from '../../tenant-spec';

/**
 * What one provider process has read, for bulk refresh and plan: Terraform refreshes and plans
 * every instance with its own call, so the region's tenant names and reputation entities are
 * listed by page once, and each tenant's resources once for all its association instances. Any
 * write of the process drops the entities and resources it read.
 */
export class ReadCache {
  private entities: Promise<Map<string, ReputationEntity>> | undefined;
  private readonly resources = new Map<string, Promise<ResourceRef[] | undefined>>();
  // Kept across this process's writes: Terraform plans each instance again just before applying
  // it, and a write of one tenant neither adds nor removes another's name.
  private names: Promise<ReadonlySet<string>> | undefined;
  private readonly tags = new Map<string, Promise<Readonly<Record<string, string>> | undefined>>();
  private readonly adopted = new Set<string>();

  /**
   * The names of every tenant of the region, in SES's order (ListTenants by page), listed once per
   * process: the plan of a create learns from it whether the name is taken, and the orphans' data
   * source which tenants to read, with no call of their own.
   */
  namesOf(gateway: SesGateway): Promise<ReadonlySet<string>> {
    this.names ??= allPages((token) => gateway.listTenantsPage(token)).then((items) => new Set(items.flatMap((t) => (t.TenantName ? [t.TenantName] : []))));
    this.names.catch(() => (this.names = undefined));
    return this.names;
  }

  /** A tenant's tags as this process last read them (refresh records them), read with GetTenant when not yet read. */
  tagsOf(gateway: SesGateway, tenant: string): Promise<Readonly<Record<string, string>> | undefined> {
    let read = this.tags.get(tenant);
    if (!read) {
      read = gateway.getTenant(tenant).then((t) => (t ? toLiveTenant(t, [], undefined).tags : undefined));
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
  entitiesOf(gateway: SesGateway, at: ArnLocation): Promise<Map<string, ReputationEntity>> {
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

  /** Forgets the entities and resources read (after a write of this process). */
  invalidate(): void {
    this.entities = undefined;
    this.resources.clear();
  }
}
