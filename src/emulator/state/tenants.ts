import { DEFAULT_REPUTATION_POLICY, aggregateSendingStatus, tenantQuotaMessage } from '../choices';
import { AlreadyExistsException, LimitExceededException, NotFoundException } from '../errors';
import { reputationPolicyArn, tenantArn } from './arn';
import type { Draws } from './draws';
import type { RegionState, SuppressionAttributes, Tenant } from './region-state';
import { SortedIndex } from './sorted-index';

/** What CreateTenant asks for, after its input was checked. */
export interface NewTenant {
  /** A valid TenantName. */
  readonly name: string;
  /** Validated tags. */
  readonly tags: Map<string, string>;
  /** Suppression settings, null when none. */
  readonly suppression: SuppressionAttributes | null;
}

/** A tenant's SendingStatus: the aggregate of its reputation entity's two statuses. */
export function tenantSendingStatus(tenant: Tenant): string {
  return aggregateSendingStatus(tenant.customerStatus.Status, tenant.awsStatus.Status);
}

/** Looks a tenant up by name, answering the management operations' 404. */
export function requireTenant(state: RegionState, name: string): Tenant {
  const tenant = state.tenants.get(name);
  if (tenant === undefined) throw new NotFoundException(`The requested tenant ${name} does not exist.`);
  return tenant;
}

/**
 * Creates a tenant with a fresh reputation entity (the default policy, both statuses ENABLED):
 * refused when the name is taken in this account and region, then when the quota is reached.
 */
export function createTenant(state: RegionState, request: NewTenant, quota: number, draws: Draws): Tenant {
  if (state.tenants.has(request.name)) {
    throw new AlreadyExistsException(`Tenant with name ${request.name} already exists in account ${state.accountId}`);
  }
  if (state.tenants.size >= quota) throw new LimitExceededException(tenantQuotaMessage(quota, state.accountId, state.region));
  const id = draws.tenantId();
  const tenant: Tenant = {
    name: request.name,
    id,
    arn: tenantArn(state.region, state.accountId, request.name, id),
    createdAt: draws.now(),
    tags: request.tags,
    suppression: request.suppression,
    policy: reputationPolicyArn(state.region, DEFAULT_REPUTATION_POLICY),
    customerStatus: { Status: 'ENABLED' },
    awsStatus: { Status: 'ENABLED' },
    associations: new Map(),
    associationIndex: new SortedIndex<string>(),
  };
  state.addTenant(tenant);
  return tenant;
}

/** Deletes a tenant and, with it, its associations, reputation entity and tags; the resources stay. */
export function deleteTenant(state: RegionState, name: string): void {
  state.removeTenant(requireTenant(state, name));
}

/** Sets a tenant's suppression settings, or clears them with null. */
export function setTenantSuppression(state: RegionState, name: string, suppression: SuppressionAttributes | null): void {
  requireTenant(state, name).suppression = suppression;
}
