/**
 * What the configuration planned in this provider process declares: the tenants it removes (not
 * orphans, see `sestenants_orphaned_tenants`), and its associations, to catch
 * a tenant that lists its associations inline (authoritative) while
 * `sestenants_tenant_resource_association` instances name the same tenant: Terraform plans every
 * instance of one provider configuration in one process, in whichever order, so each side
 * records itself and checks the other.
 */
export class Declarations {
  private readonly inline = new Set<string>();
  private readonly associations = new Map<string, Set<string>>();
  private readonly removed = new Set<string>();

  /** Records a tenant this plan removes from Terraform's state (released, deleted or renamed away). */
  removeTenant(tenant: string): void {
    this.removed.add(tenant);
  }

  /** The tenants this plan removes: still in SES with our marker, but not orphans (the apply releases them). */
  get removedTenants(): ReadonlySet<string> {
    return this.removed;
  }

  /** Records a tenant with inline associations; returns the ARNs association resources declared on it. */
  declareInline(tenant: string): string[] {
    this.inline.add(tenant);
    return [...(this.associations.get(tenant) ?? [])].sort();
  }

  /** Records an association resource; returns whether its tenant declares associations inline. */
  declareAssociation(tenant: string, arn: string): boolean {
    const arns = this.associations.get(tenant) ?? new Set<string>();
    arns.add(arn);
    this.associations.set(tenant, arns);
    return this.inline.has(tenant);
  }
}

/** Summary and detail of a tenant declaring associations inline while association resources name it too. */
export function inlineClash(tenant: string, arns: readonly string[]): [string, string] {
  return [
    'Associations declared twice',
    `Tenant ${tenant} sets resource_associations (authoritative), and sestenants_tenant_resource_association declares ${arns.join(', ')} on it too; ` +
      'the tenant would remove what the association resources add. Either leave resource_associations out of the tenant (null: not managed there) ' +
      'or list the ARNs inline and drop the association resources.',
  ];
}
