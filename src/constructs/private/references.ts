import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { resourceNameOfArn, sesResourceArn } from '../../tenant-spec/arn';
import type { ResourceType } from '../../tenant-spec';
import { TenantResourceError } from '../tenant-resource';
import type { BoundTenantResource, ITenantResource, TenantResourceScope } from '../tenant-resource';

const TERRAFORM_TYPES: Record<ResourceType, string> = {
  identity: 'aws_sesv2_email_identity',
  'configuration-set': 'aws_sesv2_configuration_set',
  template: 'aws_ses_template',
};

function requireLiteral(value: string, what: string): string {
  if (Token.isUnresolved(value)) {
    throw new TenantResourceError(`${what} must be a literal string known at synth, not a token (${value})`);
  }
  return value;
}

/** A resource managed elsewhere, referenced by its full ARN (checked against the stack at synth). */
export class ArnReference implements ITenantResource {
  readonly arn: string;

  constructor(readonly resourceType: ResourceType, arn: string) {
    this.arn = requireLiteral(arn, 'the ARN');
  }

  bind(): BoundTenantResource {
    const name = resourceNameOfArn(this.arn) ?? this.arn;
    return { ref: { type: this.resourceType, name, arn: this.arn } };
  }
}

/** A resource managed elsewhere in the stack's own region and account, referenced by name. */
export class NameReference implements ITenantResource {
  readonly name: string;

  constructor(readonly resourceType: ResourceType, name: string) {
    this.name = requireLiteral(name, `the ${resourceType} name`);
    if (!name) throw new TenantResourceError(`the ${resourceType} name must not be empty`);
  }

  bind(stack: TenantResourceScope): BoundTenantResource {
    return { ref: { type: this.resourceType, name: this.name, arn: sesResourceArn(stack.arnLocation, this.resourceType, this.name) } };
  }
}

/** The provider attribute holding each resource type's literal name. */
const NAME_INPUTS: Record<ResourceType, string> = {
  identity: 'emailIdentityInput',
  'configuration-set': 'configurationSetNameInput',
  template: 'nameInput',
};

/** A reference to a provider construct of the resource's type (its name read from the construct at bind). */
export function constructReference(resourceType: ResourceType, resource: TerraformResource): ConstructReference {
  return new ConstructReference(resourceType, resource, () => (resource as unknown as Record<string, string | undefined>)[NAME_INPUTS[resourceType]]);
}

/** The factories that `EmailIdentity`, `ConfigurationSet` and `EmailTemplate` share (each adds its own by-name one). */
export interface TenantResourceFactories<I extends ITenantResource, R extends TerraformResource> {
  /** A resource of this type managed elsewhere, by its ARN; it must be in the stack's partition, region and account. */
  fromArn(arn: string): I;
  /**
   * A provider construct of this type (`aws_sesv2_email_identity`, `aws_sesv2_configuration_set` or `aws_ses_template`)
   * of the tenant's own stack; associations wait for it.
   */
  fromResource(resource: R): I;
}

/** The base class of the references to one resource type: its static `fromArn` and `fromResource`. */
export function tenantResourceReferences<I extends ITenantResource, R extends TerraformResource>(
  resourceType: I['resourceType'],
): TenantResourceFactories<I, R> & (abstract new () => object) {
  abstract class References {
    static fromArn(arn: string): I {
      return new ArnReference(resourceType, arn) as ITenantResource as I;
    }

    static fromResource(resource: R): I {
      return constructReference(resourceType, resource) as ITenantResource as I;
    }
  }
  return References;
}

/** A provider construct (`Sesv2EmailIdentity`, `Sesv2ConfigurationSet`, `SesTemplate`) of the tenant's own stack. */
export class ConstructReference implements ITenantResource {
  constructor(
    readonly resourceType: ResourceType,
    private readonly resource: TerraformResource,
    private readonly literalName: () => string | undefined,
  ) {
    const expected = TERRAFORM_TYPES[resourceType];
    if (!TerraformResource.isTerraformResource(resource) || resource.terraformResourceType !== expected) {
      throw new TenantResourceError(`expected a ${expected} resource, got ${describe(resource)}`);
    }
  }

  bind(stack: TenantResourceScope): BoundTenantResource {
    const path = this.resource.node.path;
    if ((TerraformStack.of(this.resource) as unknown) !== stack) {
      throw new TenantResourceError(
        `${path} belongs to stack ${TerraformStack.of(this.resource).node.id}, not ${stack.node.id}; ` +
          'reference a resource of another stack with fromArn',
      );
    }
    const name = this.literalName();
    if (name === undefined || name === '') throw new TenantResourceError(`${path} has no ${this.resourceType} name`);
    requireLiteral(name, `the name of ${path}`);
    const region = (this.resource as unknown as { regionInput?: string }).regionInput;
    if (region !== undefined && region !== stack.region) {
      throw new TenantResourceError(`${path} is in region ${region}, the stack is in ${stack.region}; a tenant can only use resources of its own region`);
    }
    return {
      ref: { type: this.resourceType, name, arn: sesResourceArn(stack.arnLocation, this.resourceType, name) },
      dependency: this.resource,
    };
  }
}

function describe(x: unknown): string {
  if (TerraformResource.isTerraformResource(x)) return `a ${(x as TerraformResource).terraformResourceType} resource`;
  return typeof x === 'object' && x !== null ? (x.constructor?.name ?? 'an object') : typeof x;
}

/** A resource that a TenantStack creates in its own for_each block. */
export class StackResource implements ITenantResource {
  constructor(
    readonly resourceType: ResourceType,
    readonly name: string,
    private readonly owner: TenantResourceScope,
  ) {}

  bind(stack: TenantResourceScope): BoundTenantResource {
    if (stack !== this.owner) {
      throw new TenantResourceError(
        `${this.resourceType} "${this.name}" is created by stack ${this.owner.node.id}, not ${stack.node.id}; ` +
          'declare it in this stack too, or reference it with fromArn',
      );
    }
    return { ref: { type: this.resourceType, name: this.name, arn: sesResourceArn(stack.arnLocation, this.resourceType, this.name) } };
  }
}
