import type { ResourceKind } from './arn';
import { SortedIndex } from './sorted-index';

/** A sending status with why and when it was last set. */
export interface StatusRecord {
  /** ENABLED, REINSTATED or DISABLED. */
  Status: string;
  /** Why it was set. */
  Cause?: string;
  /** When it was set, epoch seconds. */
  LastUpdatedTimestamp?: number;
}

/** A tenant's suppression settings. */
export interface SuppressionAttributes {
  /** BOUNCE and/or COMPLAINT. */
  SuppressedReasons: string[];
  /** TENANT or ACCOUNT. */
  SuppressionScope: string;
}

/** A tenant and everything that hangs off it: tags, suppression, reputation entity, associations. */
export interface Tenant {
  /** TenantName, unique per account and region. */
  readonly name: string;
  /** TenantId, `tn-` + hex. */
  readonly id: string;
  /** TenantArn, also the reference of its reputation entity. */
  readonly arn: string;
  /** CreatedTimestamp, epoch seconds. */
  readonly createdAt: number;
  /** Tags by key. */
  tags: Map<string, string>;
  /** Suppression settings, null when unset. */
  suppression: SuppressionAttributes | null;
  /** The reputation entity's policy ARN. */
  policy: string;
  /** The reputation entity's customer-managed status. */
  customerStatus: StatusRecord;
  /** The reputation entity's SES-managed status. */
  awsStatus: StatusRecord;
  /** Associations by resource ARN. */
  readonly associations: Map<string, Association>;
  /** Associated resource ARNs in order, for ListTenantResources. */
  readonly associationIndex: SortedIndex<string>;
}

/** One tenant–resource association. */
export interface Association {
  /** The tenant. */
  readonly tenant: Tenant;
  /** The resource's ARN. */
  readonly resourceArn: string;
  /** The resource's kind. */
  readonly kind: ResourceKind;
  /** AssociatedTimestamp, epoch seconds. */
  readonly associatedAt: number;
  /** Creation order within the region, for ListResourceTenants. */
  readonly seq: number;
}

/** An email identity: a domain or an address. */
export interface Identity {
  /** The identity, e.g. `example.com` or `a@example.com`. */
  readonly name: string;
  /** DOMAIN or EMAIL_ADDRESS. */
  readonly type: 'DOMAIN' | 'EMAIL_ADDRESS';
  /** Creation time, epoch seconds. */
  readonly createdAt: number;
  /** Whether verification succeeded. */
  verified: boolean;
  /** The identity's default configuration set. */
  configurationSetName?: string;
  /** Tags by key. */
  tags: Map<string, string>;
}

/** A configuration set; its option blocks are kept as sent. */
export interface ConfigurationSet {
  /** ConfigurationSetName. */
  readonly name: string;
  /** Creation time, epoch seconds. */
  readonly createdAt: number;
  /** TrackingOptions, DeliveryOptions, ... as sent. */
  options: Record<string, unknown>;
  /** Tags by key. */
  tags: Map<string, string>;
}

/** A stored email template. */
export interface EmailTemplate {
  /** TemplateName. */
  readonly name: string;
  /** Creation time, epoch seconds. */
  readonly createdAt: number;
  /** TemplateContent as sent: Subject, Text, Html. */
  content: Record<string, unknown>;
  /** Tags by key. */
  tags: Map<string, string>;
}

/** Named items with O(1) lookup and an ordered index of names for paging. */
export class NamedCollection<T extends { readonly name: string }> {
  private readonly byName = new Map<string, T>();
  private readonly names = new SortedIndex<string>();

  /** Number of items. */
  get size(): number {
    return this.byName.size;
  }

  /** The item with this name. */
  get(name: string): T | undefined {
    return this.byName.get(name);
  }

  /** Adds or replaces an item. */
  set(item: T): void {
    this.byName.set(item.name, item);
    this.names.add(item.name);
  }

  /** Removes an item by name. */
  delete(name: string): void {
    this.byName.delete(name);
    this.names.delete(name);
  }

  /** Names after `after`, in order. */
  namesFrom(after?: string): IterableIterator<string> {
    return this.names.from(after);
  }

  /** Every item, in insertion order. */
  values(): IterableIterator<T> {
    return this.byName.values();
  }
}

/** The tenants associated with one resource, in association order. */
class ResourceTenants {
  readonly bySeq = new Map<number, Association>();
  readonly order = new SortedIndex<number>();
}

/** Everything one account holds in one region. */
export class RegionState {
  /** Tenants by name. */
  readonly tenants = new Map<string, Tenant>();
  /** Tenants by TenantId. */
  readonly tenantsById = new Map<string, Tenant>();
  /** Tenants by ARN (the reputation entity reference). */
  readonly tenantsByArn = new Map<string, Tenant>();
  /** Tenant names in order, for ListTenants. */
  readonly tenantNames = new SortedIndex<string>();
  /** Tenant ARNs in order, for ListReputationEntities. */
  readonly tenantArns = new SortedIndex<string>();
  /** Email identities. */
  readonly identities = new NamedCollection<Identity>();
  /** Configuration sets. */
  readonly configurationSets = new NamedCollection<ConfigurationSet>();
  /** Email templates. */
  readonly templates = new NamedCollection<EmailTemplate>();
  private readonly resourceTenants = new Map<string, ResourceTenants>();
  private nextSeq = 1;

  /** @param accountId the account @param region the region */
  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  /** Whether nothing is held. */
  get isEmpty(): boolean {
    return (
      this.tenants.size === 0 &&
      this.identities.size === 0 &&
      this.configurationSets.size === 0 &&
      this.templates.size === 0
    );
  }

  /** Adds a tenant to every index. */
  addTenant(tenant: Tenant): void {
    this.tenants.set(tenant.name, tenant);
    this.tenantsById.set(tenant.id, tenant);
    this.tenantsByArn.set(tenant.arn, tenant);
    this.tenantNames.add(tenant.name);
    this.tenantArns.add(tenant.arn);
  }

  /** Removes a tenant, its associations, reputation entity and tags. */
  removeTenant(tenant: Tenant): void {
    for (const association of tenant.associations.values()) this.unlinkFromResource(association);
    tenant.associations.clear();
    tenant.associationIndex.clear();
    this.tenants.delete(tenant.name);
    this.tenantsById.delete(tenant.id);
    this.tenantsByArn.delete(tenant.arn);
    this.tenantNames.delete(tenant.name);
    this.tenantArns.delete(tenant.arn);
  }

  /** Records an association; `seq` is given when loading a saved state. */
  associate(tenant: Tenant, resourceArn: string, kind: ResourceKind, associatedAt: number, seq?: number): Association {
    const association: Association = { tenant, resourceArn, kind, associatedAt, seq: seq ?? this.nextSeq };
    this.nextSeq = Math.max(this.nextSeq, association.seq) + 1;
    tenant.associations.set(resourceArn, association);
    tenant.associationIndex.add(resourceArn);
    let list = this.resourceTenants.get(resourceArn);
    if (list === undefined) {
      list = new ResourceTenants();
      this.resourceTenants.set(resourceArn, list);
    }
    list.bySeq.set(association.seq, association);
    list.order.add(association.seq);
    return association;
  }

  /** Removes an association if it exists; answers whether it did. */
  dissociate(tenant: Tenant, resourceArn: string): boolean {
    const association = tenant.associations.get(resourceArn);
    if (association === undefined) return false;
    tenant.associations.delete(resourceArn);
    tenant.associationIndex.delete(resourceArn);
    this.unlinkFromResource(association);
    return true;
  }

  /** Whether any tenant is associated with the resource. */
  hasAssociations(resourceArn: string): boolean {
    return this.resourceTenants.has(resourceArn);
  }

  /** Association sequence numbers of a resource after `after`, in association order. */
  resourceAssociationsFrom(resourceArn: string, after?: number): IterableIterator<number> {
    return (this.resourceTenants.get(resourceArn)?.order ?? new SortedIndex<number>()).from(after);
  }

  /** The association of a resource with this sequence number. */
  resourceAssociation(resourceArn: string, seq: number): Association | undefined {
    return this.resourceTenants.get(resourceArn)?.bySeq.get(seq);
  }

  private unlinkFromResource(association: Association): void {
    const list = this.resourceTenants.get(association.resourceArn);
    if (list === undefined) return;
    list.bySeq.delete(association.seq);
    list.order.delete(association.seq);
    if (list.bySeq.size === 0) this.resourceTenants.delete(association.resourceArn);
  }
}
