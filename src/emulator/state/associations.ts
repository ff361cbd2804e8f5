import { DUPLICATE_ASSOCIATION_FAILS } from '../choices';
import { AlreadyExistsException } from '../errors';
import type { AssociableArn } from './arn';
import type { RegionState } from './region-state';
import { requireResource } from './resources';
import { requireTenant } from './tenants';

/** Associates a resource with a tenant: tenant 404 → resource 404 → duplicate (see `DUPLICATE_ASSOCIATION_FAILS`). */
export function associateResource(state: RegionState, tenantName: string, resource: AssociableArn, now: () => number): void {
  const tenant = requireTenant(state, tenantName);
  requireResource(state, resource.kind, resource.name);
  if (tenant.associations.has(resource.arn)) {
    if (!DUPLICATE_ASSOCIATION_FAILS) return;
    throw new AlreadyExistsException(`Resources ${resource.arn} has already been associated with tenant ${tenant.name}`);
  }
  state.associate(tenant, resource.arn, resource.kind, now());
}

/** Removes an association: tenant 404 → resource 404; an association that is not there is a silent success. */
export function dissociateResource(state: RegionState, tenantName: string, resource: AssociableArn): void {
  const tenant = requireTenant(state, tenantName);
  requireResource(state, resource.kind, resource.name);
  state.dissociate(tenant, resource.arn);
}
