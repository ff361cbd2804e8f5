import { TerraformResource, Token } from 'cdktf';
import type { ITerraformDependable } from 'cdktf';
import { canonicalTenantSpec, TENANT_DEFAULTS, tenantSpecOf, validateTenantSpec } from '../../tenant-spec';
import type { DeclaredTenant, RemovalPolicy, ResourceRef, ResourceType, SpecViolation, TenantSpec } from '../../tenant-spec';
import type { SesTenantProps } from '../ses-tenant-props';
import { TenantResourceError } from '../tenant-resource';
import type { ITenantResource, TenantResourceScope } from '../tenant-resource';
import { constructReference } from './references';

/** A tenant declaration, ready for the stack: its spec, what is wrong with it, and the constructs its associations wait for. */
export interface TenantDeclaration extends DeclaredTenant {
  /** Everything wrong with the tenant itself; the stack reports the violations of all its tenants at once. */
  readonly violations: readonly SpecViolation[];
  /** The spec as declared (resources in declaration order), for the stack rules. */
  readonly spec: TenantSpec;
  /** The spec in canonical form, as emitted in `locals.ses_tenants`. */
  readonly canonical: TenantSpec;
  /** Provider constructs of the stack that the tenant's associations use. */
  readonly dependencies: readonly ITerraformDependable[];
}

const RESOURCE_PROPS = [
  ['emailIdentities', 'identity'],
  ['configurationSets', 'configuration-set'],
  ['templates', 'template'],
] as const;

/**
 * Turns typed tenant props into a declaration with every problem of the tenant itself listed; the
 * stack reports them, with the rules across tenants, for all its tenants at once.
 */
export function declareTenant(stack: TenantResourceScope, path: string, props: SesTenantProps, defaultRemovalPolicy: RemovalPolicy = TENANT_DEFAULTS.removalPolicy): TenantDeclaration {
  const name = props.tenantName;
  const violations: SpecViolation[] = [];
  const resources: ResourceRef[] = [];
  const dependencies: ITerraformDependable[] = [];

  for (const [prop, type] of RESOURCE_PROPS) {
    (props[prop] ?? []).forEach((item: unknown, i: number) => {
      try {
        const ref = TerraformResource.isTerraformResource(item) ? constructReference(type, item as TerraformResource) : (item as ITenantResource);
        if (!ref || typeof ref.bind !== 'function' || ref.resourceType !== type) {
          throw new TenantResourceError(`expected a reference of type "${type}", got ${describe(ref)}`);
        }
        const bound = ref.bind(stack);
        resources.push(bound.ref);
        if (bound.dependency) dependencies.push(bound.dependency);
      } catch (err) {
        if (!(err instanceof TenantResourceError)) throw err;
        violations.push({ path, tenant: String(name), field: `${prop}[${i}]`, rule: err.message });
      }
    });
  }

  const spec: TenantSpec = tenantSpecOf({ ...props, name, resources, removalPolicy: props.removalPolicy ?? defaultRemovalPolicy });
  violations.push(...unresolvedTokens(spec, path));
  violations.push(...validateTenantSpec(spec, path));
  return {
    violations,
    spec,
    canonical: canonicalTenantSpec(spec),
    path,
    allowIncompleteSending: props.allowIncompleteSending ?? false,
    dependencies,
  };
}

function unresolvedTokens(spec: TenantSpec, path: string): SpecViolation[] {
  const out: SpecViolation[] = [];
  const rule = 'must be a literal value known at synth, not a token';
  const tenant = String(spec.name);
  if (typeof spec.name === 'string' && Token.isUnresolved(spec.name)) out.push({ path, tenant, field: 'name', rule });
  for (const [k, v] of Object.entries(spec.tags)) {
    if (Token.isUnresolved(k) || (typeof v === 'string' && Token.isUnresolved(v))) {
      out.push({ path, tenant, field: `tags[${JSON.stringify(k)}]`, rule });
    }
  }
  return out;
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  const type = (x as { resourceType?: ResourceType }).resourceType;
  return type ? `a reference of type "${type}"` : typeof x;
}
