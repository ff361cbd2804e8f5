import { parseAssociableArn } from '../state/arn';
import type { OperationContext } from '../state/backend';
import { DUPLICATE_ASSOCIATION_FAILS, RESOURCE_TYPE_WIRE_VALUES } from '../choices';
import { AlreadyExistsException, BadRequestException } from '../errors';
import { optionalInteger, optionalString } from '../http/input';
import { readPageRequest, takePage, type PageScope } from '../state/paging';
import type { Association } from '../state/region-state';
import { requireResource } from '../state/resources';
import { filterArgs, readFilter, readTenantName, requireTenant, validateFilter, where } from './tenants';

/** CreateTenantResourceAssociation: ARN checks → TenantName → tenant 404 → resource 404 → duplicate. */
export function CreateTenantResourceAssociation(ctx: OperationContext): unknown {
  const resource = parseAssociableArn(optionalString(ctx.body, 'ResourceArn'), ctx.region, ctx.accountId);
  const tenant = requireTenant(ctx.state, readTenantName(ctx.body));
  requireResource(ctx.state, resource.kind, resource.name);
  if (tenant.associations.has(resource.arn)) {
    if (!DUPLICATE_ASSOCIATION_FAILS) return {};
    throw new AlreadyExistsException(`Resources ${resource.arn} has already been associated with tenant ${tenant.name}`);
  }
  ctx.state.associate(tenant, resource.arn, resource.kind, ctx.draws.now());
  return {};
}

/** DeleteTenantResourceAssociation: ARN checks → tenant → resource 404; an absent association is a silent success. */
export function DeleteTenantResourceAssociation(ctx: OperationContext): unknown {
  const resource = parseAssociableArn(optionalString(ctx.body, 'ResourceArn'), ctx.region, ctx.accountId);
  const tenant = requireTenant(ctx.state, readTenantName(ctx.body));
  requireResource(ctx.state, resource.kind, resource.name);
  ctx.state.dissociate(tenant, resource.arn);
  return {};
}

/** ListTenantResources: paging → RESOURCE_TYPE filter → tenant; items ordered by ARN. */
export function ListTenantResources(ctx: OperationContext): unknown {
  const name = optionalString(ctx.body, 'TenantName');
  const filter = readFilter(ctx.body);
  const scope: PageScope = { list: 'ListTenantResources', args: `${name}|${filterArgs(filter)}`, where: where(ctx) };
  const request = readPageRequest<string>(optionalString(ctx.body, 'NextToken'), optionalInteger(ctx.body, 'PageSize'), scope);
  validateFilter(filter, ['RESOURCE_TYPE']);
  const type = filter.get('RESOURCE_TYPE');
  if (type !== undefined && !(RESOURCE_TYPE_WIRE_VALUES as readonly string[]).includes(type)) {
    throw new BadRequestException(`Invalid resource type ${type} specified.`);
  }
  const tenant = requireTenant(ctx.state, readTenantName(ctx.body));
  const page = takePage(tenant.associationIndex.from(request.after), request, scope, (arn) => {
    const association = tenant.associations.get(arn) as Association;
    if (type !== undefined && association.kind !== type) return undefined;
    return { ResourceType: association.kind, ResourceArn: arn };
  });
  return { TenantResources: page.items, NextToken: page.nextToken };
}

/** ListResourceTenants: paging → ARN checks → resource 404; items in association order. */
export function ListResourceTenants(ctx: OperationContext): unknown {
  const arn = optionalString(ctx.body, 'ResourceArn');
  const scope: PageScope = { list: 'ListResourceTenants', args: String(arn), where: where(ctx) };
  const request = readPageRequest<number>(optionalString(ctx.body, 'NextToken'), optionalInteger(ctx.body, 'PageSize'), scope);
  const resource = parseAssociableArn(arn, ctx.region, ctx.accountId);
  requireResource(ctx.state, resource.kind, resource.name);
  const page = takePage(ctx.state.resourceAssociationsFrom(resource.arn, request.after), request, scope, (seq) => {
    const association = ctx.state.resourceAssociation(resource.arn, seq) as Association;
    return {
      TenantName: association.tenant.name,
      TenantId: association.tenant.id,
      ResourceArn: resource.arn,
      AssociatedTimestamp: association.associatedAt,
    };
  });
  return { ResourceTenants: page.items, NextToken: page.nextToken };
}
