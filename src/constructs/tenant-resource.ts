import type { ITerraformDependable, TerraformResource } from 'cdktf';
import type { ArnLocation, ResourceRef, ResourceType } from '../tenant-spec';

/** A resource resolved in the stack of the tenant that uses it. */
export interface BoundTenantResource {
  /** Type, name and ARN, as the tenant spec records them. */
  readonly ref: ResourceRef;
  /**
   * A construct of the stack that manages the resource; associations wait for it.
   * @default - the resource is managed elsewhere or by the stack's own for_each blocks
   */
  readonly dependency?: ITerraformDependable;
}

/** What a reference needs of the stack that declares the tenant (a TenantStack). */
export interface TenantResourceScope {
  /** The stack's construct node (its id names the stack in errors). */
  readonly node: { readonly id: string };
  /** Region of the stack. */
  readonly region: string;
  /** Partition, region and account, for ARNs of the stack's resources. */
  readonly arnLocation: ArnLocation;
}

/** A resource that tenants can be associated with: an email identity, a configuration set or a template. */
export interface ITenantResource {
  /** Kind of resource, as SES spells it in ARNs. */
  readonly resourceType: ResourceType;
  /**
   * Resolves the resource in the stack that declares the tenant; throws `TenantResourceError`
   * when the resource cannot be used there.
   */
  bind(stack: TenantResourceScope): BoundTenantResource;
}

/**
 * A resource of `@cdktf/provider-aws` described by the one member this package reads, the name given to the resource
 * (`NameInput`: `string | undefined`), so that its types do not need that (optional, 392 MB) package installed.
 */
export type ProviderAwsResource<NameInput extends string> = TerraformResource & { readonly [K in NameInput]: string | undefined };

/** A resource reference cannot be used by a tenant of the given stack. */
export class TenantResourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantResourceError';
  }
}
