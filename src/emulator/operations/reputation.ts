import { FRESH_REPUTATION_IMPACT, UNCONFIRMED_MESSAGES } from '../choices';
import { BadRequestException } from '../errors';
import { requiredString } from '../http/input';
import { takePage } from '../state/paging';
import type { Tenant } from '../state/region-state';
import { SENDING_STATUSES, requireEntity, setCustomerManagedStatus, setEntityPolicy } from '../state/reputation';
import { tenantSendingStatus } from '../state/tenants';
import type { OperationContext } from './context';
import { filterArgs, readBodyPage, readFilter, tokenScope, validateFilter } from './list-input';

function entityView(tenant: Tenant): Record<string, unknown> {
  return {
    ReputationEntityReference: tenant.arn,
    ReputationEntityType: 'RESOURCE',
    ReputationManagementPolicy: tenant.policy,
    CustomerManagedStatus: tenant.customerStatus,
    AwsSesManagedStatus: tenant.awsStatus,
    SendingStatusAggregate: tenantSendingStatus(tenant),
    ReputationImpact: FRESH_REPUTATION_IMPACT,
  };
}

function readEntityType(ctx: OperationContext): void {
  const type = ctx.params.ReputationEntityType;
  if (type !== 'RESOURCE') throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidEntityType(type));
}

/** GetReputationEntity: the tenant's entity (reference = tenant ARN, type RESOURCE). */
export function GetReputationEntity(ctx: OperationContext): unknown {
  readEntityType(ctx);
  return { ReputationEntity: entityView(requireEntity(ctx.state, ctx.params.ReputationEntityReference ?? '')) };
}

function* withPrefix(keys: Iterable<string>, prefix: string): IterableIterator<string> {
  for (const key of keys) {
    if (!key.startsWith(prefix)) return;
    yield key;
  }
}

/** ListReputationEntities: tenants' entities (only tenants have one here) ordered by reference, with the four filters. */
export function ListReputationEntities(ctx: OperationContext): unknown {
  const filter = readFilter(ctx.body);
  const scope = tokenScope(ctx, 'ListReputationEntities', filterArgs(filter));
  const request = readBodyPage<string>(ctx, scope);
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
  const policy = requiredString(ctx.body, 'ReputationEntityPolicy');
  setEntityPolicy(ctx.state, ctx.params.ReputationEntityReference ?? '', policy);
  return {};
}

/** UpdateReputationEntityCustomerManagedStatus: ENABLED, REINSTATED or DISABLED, with SES's Cause and a timestamp. */
export function UpdateReputationEntityCustomerManagedStatus(ctx: OperationContext): unknown {
  readEntityType(ctx);
  const status = requiredString(ctx.body, 'SendingStatus');
  if (!SENDING_STATUSES.includes(status)) {
    throw new BadRequestException(
      `1 validation error detected: Value '${status}' at 'sendingStatus' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, REINSTATED, DISABLED]`,
    );
  }
  setCustomerManagedStatus(ctx.state, ctx.params.ReputationEntityReference ?? '', status, () => ctx.draws.now());
  return {};
}
