import { REPUTATION_POLICY_ARN_PATTERN, splitArn } from '../state/arn';
import type { OperationContext } from '../state/backend';
import {
  FRESH_REPUTATION_IMPACT,
  REPUTATION_POLICY_SAME_REGION_ONLY,
  UNCONFIRMED_MESSAGES,
  aggregateSendingStatus,
  reputationEntityNotFoundMessage,
} from '../choices';
import { BadRequestException, NotFoundException } from '../errors';
import { notNullMessage, optionalInteger, optionalString } from '../http/input';
import { readPageRequest, takePage, type PageScope } from '../state/paging';
import type { Tenant } from '../state/region-state';
import { filterArgs, readFilter, validateFilter, where } from './tenants';

const SENDING_STATUSES = ['ENABLED', 'REINSTATED', 'DISABLED'];

/** The Cause SES records when the customer sets the status. */
export const CUSTOMER_STATUS_CAUSE = 'Status manually updated.';

function entityView(tenant: Tenant): Record<string, unknown> {
  return {
    ReputationEntityReference: tenant.arn,
    ReputationEntityType: 'RESOURCE',
    ReputationManagementPolicy: tenant.policy,
    CustomerManagedStatus: tenant.customerStatus,
    AwsSesManagedStatus: tenant.awsStatus,
    SendingStatusAggregate: aggregateSendingStatus(tenant.customerStatus.Status, tenant.awsStatus.Status),
    ReputationImpact: FRESH_REPUTATION_IMPACT,
  };
}

function readEntityType(ctx: OperationContext): void {
  const type = ctx.params.ReputationEntityType;
  if (type !== 'RESOURCE') throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidEntityType(type));
}

function requireEntity(ctx: OperationContext): Tenant {
  const reference = ctx.params.ReputationEntityReference ?? '';
  if (reference === '') throw new BadRequestException(notNullMessage('reputationEntityReference'));
  const tenant = ctx.state.tenantsByArn.get(reference);
  if (tenant === undefined) throw new NotFoundException(reputationEntityNotFoundMessage('RESOURCE', reference));
  return tenant;
}

/** GetReputationEntity: the tenant's entity (reference = tenant ARN, type RESOURCE). */
export function GetReputationEntity(ctx: OperationContext): unknown {
  readEntityType(ctx);
  return { ReputationEntity: entityView(requireEntity(ctx)) };
}

function* withPrefix(keys: Iterable<string>, prefix: string): IterableIterator<string> {
  for (const key of keys) {
    if (!key.startsWith(prefix)) return;
    yield key;
  }
}

/** ListReputationEntities: tenants' entities ordered by reference, with the four filters. */
export function ListReputationEntities(ctx: OperationContext): unknown {
  const filter = readFilter(ctx.body);
  const scope: PageScope = { list: 'ListReputationEntities', args: filterArgs(filter), where: where(ctx) };
  const request = readPageRequest<string>(optionalString(ctx.body, 'NextToken'), optionalInteger(ctx.body, 'PageSize'), scope);
  validateFilter(filter, ['ENTITY_TYPE', 'REPUTATION_IMPACT', 'SENDING_STATUS', 'ENTITY_REFERENCE_PREFIX']);
  const type = filter.get('ENTITY_TYPE');
  const impact = filter.get('REPUTATION_IMPACT');
  const status = filter.get('SENDING_STATUS');
  const prefix = filter.get('ENTITY_REFERENCE_PREFIX');
  if (type !== undefined && type !== 'RESOURCE') throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidEntityType(type));
  if (status !== undefined && !SENDING_STATUSES.includes(status)) {
    throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidSendingStatus(status));
  }
  const arns = ctx.state.tenantArns;
  const keys =
    prefix === undefined
      ? arns.from(request.after)
      : withPrefix(request.after !== undefined && request.after >= prefix ? arns.from(request.after) : arns.startingAt(prefix), prefix);
  const page = takePage(keys, request, scope, (arn) => {
    const view = entityView(ctx.state.tenantsByArn.get(arn) as Tenant);
    if (impact !== undefined && view.ReputationImpact !== impact) return undefined;
    if (status !== undefined && view.SendingStatusAggregate !== status) return undefined;
    return view;
  });
  return { ReputationEntities: page.items, NextToken: page.nextToken };
}

/** UpdateReputationEntityPolicy: one of the three AWS-managed policies of this region. */
export function UpdateReputationEntityPolicy(ctx: OperationContext): unknown {
  readEntityType(ctx);
  const policy = optionalString(ctx.body, 'ReputationEntityPolicy');
  if (policy === undefined) throw new BadRequestException(notNullMessage('reputationEntityPolicy'));
  const sameRegion = !REPUTATION_POLICY_SAME_REGION_ONLY || splitArn(policy)?.region === ctx.region;
  if (!REPUTATION_POLICY_ARN_PATTERN.test(policy) || !sameRegion) {
    throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidPolicy(policy, ctx.region));
  }
  requireEntity(ctx).policy = policy;
  return {};
}

/** UpdateReputationEntityCustomerManagedStatus: ENABLED, REINSTATED or DISABLED, with SES's Cause and a timestamp. */
export function UpdateReputationEntityCustomerManagedStatus(ctx: OperationContext): unknown {
  readEntityType(ctx);
  const status = optionalString(ctx.body, 'SendingStatus');
  if (status === undefined) throw new BadRequestException(notNullMessage('sendingStatus'));
  if (!SENDING_STATUSES.includes(status)) {
    throw new BadRequestException(
      `1 validation error detected: Value '${status}' at 'sendingStatus' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, REINSTATED, DISABLED]`,
    );
  }
  requireEntity(ctx).customerStatus = { Status: status, Cause: CUSTOMER_STATUS_CAUSE, LastUpdatedTimestamp: ctx.draws.now() };
  return {};
}
