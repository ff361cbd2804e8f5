import { LIST_TENANTS_INCLUDES_SENDING_STATUS, TENANT_NAME_FILTER_CASE_SENSITIVE, UNCONFIRMED_MESSAGES } from '../choices';
import { BadRequestException } from '../errors';
import { optionalArray, optionalObject, optionalString } from '../http/input';
import { takePage } from '../state/paging';
import type { Tenant } from '../state/region-state';
import { SENDING_STATUSES } from '../state/reputation';
import { createTenant, deleteTenant, requireTenant, setTenantSuppression, tenantSendingStatus } from '../state/tenants';
import type { OperationContext } from './context';
import { filterArgs, readBodyPage, readFilter, tokenScope, validateFilter } from './list-input';
import { readTags, tagList } from './tag-input';
import { readNewTenantName, readSuppression, readTenantName } from './tenant-input';

function tenantView(tenant: Tenant): Record<string, unknown> {
  return {
    TenantName: tenant.name,
    TenantId: tenant.id,
    TenantArn: tenant.arn,
    CreatedTimestamp: tenant.createdAt,
    Tags: tagList(tenant.tags),
    SendingStatus: tenantSendingStatus(tenant),
    SuppressionAttributes: tenant.suppression,
  };
}

function nameContains(name: string, part: string): boolean {
  return TENANT_NAME_FILTER_CASE_SENSITIVE ? name.includes(part) : name.toLowerCase().includes(part.toLowerCase());
}

/** CreateTenant: name checks → tags → suppression pair → (state) duplicate → quota. */
export function CreateTenant(ctx: OperationContext): unknown {
  const name = readNewTenantName(ctx.body);
  const tags = readTags(optionalArray(ctx.body, 'Tags'));
  const attributes = optionalObject(ctx.body, 'SuppressionAttributes');
  const suppression =
    attributes === undefined
      ? null
      : readSuppression(optionalArray(attributes, 'SuppressedReasons'), optionalString(attributes, 'SuppressionScope'));
  return tenantView(createTenant(ctx.state, { name, tags, suppression }, ctx.settings.tenantQuota, ctx.draws));
}

/** GetTenant: the tenant with its tags, sending status and suppression settings. */
export function GetTenant(ctx: OperationContext): unknown {
  return { Tenant: tenantView(requireTenant(ctx.state, readTenantName(ctx.body))) };
}

/** DeleteTenant: removes the tenant and, with it, its associations, reputation entity and tags. */
export function DeleteTenant(ctx: OperationContext): unknown {
  deleteTenant(ctx.state, readTenantName(ctx.body));
  return {};
}

/** PutTenantSuppressionAttributes: sets the tenant's suppression pair, or clears it when neither member is set. */
export function PutTenantSuppressionAttributes(ctx: OperationContext): unknown {
  const name = readTenantName(ctx.body);
  const suppression = readSuppression(optionalArray(ctx.body, 'SuppressedReasons'), optionalString(ctx.body, 'SuppressionScope'));
  setTenantSuppression(ctx.state, name, suppression);
  return {};
}

/** ListTenants: tenants ordered by name, filtered by TENANT_NAME_CONTAINS and SENDING_STATUS. */
export function ListTenants(ctx: OperationContext): unknown {
  const filter = readFilter(ctx.body);
  const scope = tokenScope(ctx, 'ListTenants', filterArgs(filter));
  const request = readBodyPage<string>(ctx, scope);
  validateFilter(filter, ['TENANT_NAME_CONTAINS', 'SENDING_STATUS']);
  const contains = filter.get('TENANT_NAME_CONTAINS');
  const status = filter.get('SENDING_STATUS');
  if (status !== undefined && !SENDING_STATUSES.includes(status)) {
    throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidSendingStatus(status));
  }
  const page = takePage(ctx.state.tenantNames.from(request.after), request, scope, (name) => {
    const tenant = ctx.state.tenants.get(name) as Tenant;
    if (contains !== undefined && !nameContains(name, contains)) return undefined;
    const sendingStatus = tenantSendingStatus(tenant);
    if (status !== undefined && sendingStatus !== status) return undefined;
    return {
      TenantName: tenant.name,
      TenantId: tenant.id,
      TenantArn: tenant.arn,
      CreatedTimestamp: tenant.createdAt,
      ...(LIST_TENANTS_INCLUDES_SENDING_STATUS ? { SendingStatus: sendingStatus } : {}),
    };
  });
  return { Tenants: page.items, NextToken: page.nextToken };
}
