import { reputationPolicyArn, tenantArn } from '../state/arn';
import type { OperationContext } from '../state/backend';
import {
  DEFAULT_REPUTATION_POLICY,
  LIST_TENANTS_INCLUDES_SENDING_STATUS,
  UNCONFIRMED_MESSAGES,
  aggregateSendingStatus,
  tenantQuotaMessage,
} from '../choices';
import { AlreadyExistsException, BadRequestException, LimitExceededException, NotFoundException } from '../errors';
import { notNullMessage, optionalArray, optionalInteger, optionalObject, optionalString, optionalStringMap } from '../http/input';
import { readPageRequest, takePage, type PageScope } from '../state/paging';
import type { RegionState, SuppressionAttributes, Tenant } from '../state/region-state';
import { SortedIndex } from '../state/sorted-index';
import { readTags, tagList } from './tags';

const TENANT_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const SENDING_STATUSES = ['ENABLED', 'REINSTATED', 'DISABLED'];
const SUPPRESSION_SCOPES = ['TENANT', 'ACCOUNT'];
const SUPPRESSION_REASONS = ['BOUNCE', 'COMPLAINT'];

/** A tenant's SendingStatus: the aggregate of its reputation entity's two statuses. */
export function tenantSendingStatus(tenant: Tenant): string {
  return aggregateSendingStatus(tenant.customerStatus.Status, tenant.awsStatus.Status);
}

/** The "TenantName cannot be empty" check of every tenant operation except CreateTenant. */
export function readTenantName(body: Record<string, unknown>): string {
  const name = optionalString(body, 'TenantName');
  if (name === undefined || name.trim() === '') throw new BadRequestException('TenantName cannot be empty');
  return name;
}

/** Looks a tenant up by name, answering the management operations' 404. */
export function requireTenant(state: RegionState, name: string): Tenant {
  const tenant = state.tenants.get(name);
  if (tenant === undefined) throw new NotFoundException(`The requested tenant ${name} does not exist.`);
  return tenant;
}

function validateNewTenantName(name: string | undefined): string {
  if (name === undefined) throw new BadRequestException(notNullMessage('tenantName'));
  if (name === '') {
    throw new BadRequestException(
      "1 validation error detected: Value at 'tenantName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (name.trim() === '') throw new BadRequestException('TenantName cannot be empty');
  if (name.length > 64) throw new BadRequestException('TenantName cannot exceed 64 characters.');
  if (!TENANT_NAME_PATTERN.test(name)) {
    throw new BadRequestException(
      `Invalid tenant name ${name}: only alphanumeric ASCII characters, '_', and '-' are allowed.`,
    );
  }
  return name;
}

/**
 * Validates a SuppressedReasons/SuppressionScope pair in the reference's order: enums, duplicate
 * reasons, pair rules. Neither member set means "no suppression settings" (null).
 */
export function readSuppression(reasonsRaw: unknown[] | undefined, scope: string | undefined): SuppressionAttributes | null {
  if (scope !== undefined && !SUPPRESSION_SCOPES.includes(scope)) {
    throw new BadRequestException(
      "1 validation error detected: Value at 'suppressionScope' failed to satisfy constraint: Member must satisfy enum value set: [TENANT, ACCOUNT]",
    );
  }
  const reasons = reasonsRaw?.map(String);
  if (reasons !== undefined && reasons.some((reason) => !SUPPRESSION_REASONS.includes(reason))) {
    throw new BadRequestException(
      "1 validation error detected: Value at 'suppressedReasons' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [BOUNCE, COMPLAINT]]",
    );
  }
  if (reasons !== undefined && new Set(reasons).size !== reasons.length) {
    throw new BadRequestException('Each suppressed reason can only be specified at most once');
  }
  if (reasons === undefined && scope === undefined) return null;
  if (reasons === undefined) throw new BadRequestException('SuppressionScope cannot be specified without SuppressedReasons.');
  if (scope === undefined && reasons.length > 0) {
    throw new BadRequestException('SuppressedReasons cannot be specified without SuppressionScope.');
  }
  if (scope === undefined) {
    throw new BadRequestException('SuppressionScope is required when SuppressedReasons are provided. Valid values are: TENANT, ACCOUNT');
  }
  return { SuppressedReasons: reasons, SuppressionScope: scope };
}

/** Builds a tenant record with a fresh reputation entity. */
function newTenant(ctx: OperationContext, name: string, tags: Map<string, string>, suppression: SuppressionAttributes | null): Tenant {
  const id = ctx.draws.tenantId();
  return {
    name,
    id,
    arn: tenantArn(ctx.region, ctx.accountId, name, id),
    createdAt: ctx.draws.now(),
    tags,
    suppression,
    policy: reputationPolicyArn(ctx.region, DEFAULT_REPUTATION_POLICY),
    customerStatus: { Status: 'ENABLED' },
    awsStatus: { Status: 'ENABLED' },
    associations: new Map(),
    associationIndex: new SortedIndex<string>(),
  };
}

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

/** CreateTenant: name checks → tags → suppression pair → duplicate → quota. */
export function CreateTenant(ctx: OperationContext): unknown {
  const name = validateNewTenantName(optionalString(ctx.body, 'TenantName'));
  const tags = readTags(optionalArray(ctx.body, 'Tags'));
  const attributes = optionalObject(ctx.body, 'SuppressionAttributes');
  const suppression =
    attributes === undefined
      ? null
      : readSuppression(optionalArray(attributes, 'SuppressedReasons'), optionalString(attributes, 'SuppressionScope'));
  if (ctx.state.tenants.has(name)) {
    throw new AlreadyExistsException(`Tenant with name ${name} already exists in account ${ctx.accountId}`);
  }
  const quota = ctx.settings.tenantQuota;
  if (ctx.state.tenants.size >= quota) {
    throw new LimitExceededException(tenantQuotaMessage(quota, ctx.accountId, ctx.region));
  }
  const tenant = newTenant(ctx, name, tags, suppression);
  ctx.state.addTenant(tenant);
  return tenantView(tenant);
}

/** GetTenant: the tenant with its tags, sending status and suppression settings. */
export function GetTenant(ctx: OperationContext): unknown {
  return { Tenant: tenantView(requireTenant(ctx.state, readTenantName(ctx.body))) };
}

/** DeleteTenant: removes the tenant and, with it, its associations, reputation entity and tags. */
export function DeleteTenant(ctx: OperationContext): unknown {
  ctx.state.removeTenant(requireTenant(ctx.state, readTenantName(ctx.body)));
  return {};
}

/** PutTenantSuppressionAttributes: sets the tenant's suppression pair, or clears it when neither member is set. */
export function PutTenantSuppressionAttributes(ctx: OperationContext): unknown {
  const name = readTenantName(ctx.body);
  const suppression = readSuppression(optionalArray(ctx.body, 'SuppressedReasons'), optionalString(ctx.body, 'SuppressionScope'));
  requireTenant(ctx.state, name).suppression = suppression;
  return {};
}

/** Reads a list's Filter map, unchecked (paging is validated before the filter). */
export function readFilter(body: Record<string, unknown>): Map<string, string> {
  return optionalStringMap(body, 'Filter') ?? new Map<string, string>();
}

/** Checks a list Filter map against its allowed keys; values must be non-empty. */
export function validateFilter(filter: ReadonlyMap<string, string>, allowed: readonly string[]): void {
  for (const [key, value] of filter) {
    if (!allowed.includes(key)) throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidFilterKey(key, allowed));
    if (value.length < 1) {
      throw new BadRequestException(
        `1 validation error detected: Value '' at 'filter.${key}' failed to satisfy constraint: Member must have length greater than or equal to 1`,
      );
    }
  }
}

/** Serializes a filter for binding a NextToken to it. */
export function filterArgs(filter: ReadonlyMap<string, string>): string {
  return JSON.stringify([...filter].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The scope of NextTokens issued in this account and region. */
export function where(ctx: OperationContext): string {
  return `${ctx.accountId}/${ctx.region}`;
}

/** ListTenants: tenants ordered by name, filtered by TENANT_NAME_CONTAINS and SENDING_STATUS. */
export function ListTenants(ctx: OperationContext): unknown {
  const nextToken = optionalString(ctx.body, 'NextToken');
  const pageSize = optionalInteger(ctx.body, 'PageSize');
  const filter = readFilter(ctx.body);
  const scope: PageScope = { list: 'ListTenants', args: filterArgs(filter), where: where(ctx) };
  const request = readPageRequest<string>(nextToken, pageSize, scope);
  validateFilter(filter, ['TENANT_NAME_CONTAINS', 'SENDING_STATUS']);
  const contains = filter.get('TENANT_NAME_CONTAINS');
  const status = filter.get('SENDING_STATUS');
  if (status !== undefined && !SENDING_STATUSES.includes(status)) {
    throw new BadRequestException(UNCONFIRMED_MESSAGES.invalidSendingStatus(status));
  }
  const page = takePage(ctx.state.tenantNames.from(request.after), request, scope, (name) => {
    const tenant = ctx.state.tenants.get(name) as Tenant;
    if (contains !== undefined && !name.includes(contains)) return undefined;
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
