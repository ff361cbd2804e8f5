/**
 * What the configuration planned in this provider process declares about associations, to catch
 * a tenant that lists its associations inline (authoritative) while
 * `sestenants_tenant_resource_association` instances name the same tenant: Terraform plans every
 * instance of one provider configuration in one process, in whichever order, so each side
 * records itself and checks the other.
 */
export class Declarations {
  private readonly inline = new Set<string>();
  private readonly associations = new Map<string, Set<string>>();

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
