import { REPUTATION_POLICY_SAME_REGION_ONLY, UNCONFIRMED_MESSAGES, reputationEntityNotFoundMessage } from '../choices';
import { BadRequestException, NotFoundException, notNullMessage } from '../errors';
import { REPUTATION_POLICY_ARN_PATTERN, splitArn } from './arn';
import type { RegionState, Tenant } from './region-state';

/** The values of a SendingStatus, customer-managed, AWS-managed or aggregate (the model's enum). */
export const SENDING_STATUSES: readonly string[] = ['ENABLED', 'REINSTATED', 'DISABLED'];

/** The Cause SES records when the customer sets the status. */
export const CUSTOMER_STATUS_CAUSE = 'Status manually updated.';

/** The tenant whose reputation entity a reference (the tenant ARN) names; only tenants have entities here. */
export function requireEntity(state: RegionState, reference: string): Tenant {
  if (reference === '') throw new BadRequestException(notNullMessage('reputationEntityReference'));
  const tenant = state.tenantsByArn.get(reference);
  if (tenant === undefined) throw new NotFoundException(reputationEntityNotFoundMessage('RESOURCE', reference));
  return tenant;
}

/** Sets an entity's policy: one of the three AWS-managed policies (of this region, see `REPUTATION_POLICY_SAME_REGION_ONLY`). */
export function setEntityPolicy(state: RegionState, reference: string, policy: string): void {
  const sameRegion = !REPUTATION_POLICY_SAME_REGION_ONLY || splitArn(policy)?.region === state.region;
  if (!REPUTATION_POLICY_ARN_PATTERN.test(policy) || !sameRegion) {
    throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidPolicy(policy, state.region));
  }
  requireEntity(state, reference).policy = policy;
}

/** Sets an entity's customer-managed status with SES's Cause and the time. */
export function setCustomerManagedStatus(state: RegionState, reference: string, status: string, now: () => number): void {
  requireEntity(state, reference).customerStatus = { Status: status, Cause: CUSTOMER_STATUS_CAUSE, LastUpdatedTimestamp: now() };
}
