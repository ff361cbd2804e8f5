import type { ITerraformDependable } from 'cdktf';
import type { ResourceRef, ResourceType } from '../tenant-spec';
import type { TenantStack } from './tenant-stack';

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

/** A resource that tenants can be associated with: an email identity, a configuration set or a template. */
export interface ITenantResource {
  /** Kind of resource, as SES spells it in ARNs. */
  readonly resourceType: ResourceType;
  /**
   * Resolves the resource in the stack that declares the tenant; throws `TenantResourceError`
   * when the resource cannot be used there.
   */
  bind(stack: TenantStack): BoundTenantResource;
}

/** A resource reference cannot be used by a tenant of the given stack. */
export class TenantResourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantResourceError';
  }
}
