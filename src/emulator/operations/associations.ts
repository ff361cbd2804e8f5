import { RESOURCE_TYPE_WIRE_VALUES } from '../choices';
import { BadRequestException } from '../errors';
import { optionalString } from '../http/input';
import { parseAssociableArn } from '../state/arn';
import { associateResource, dissociateResource } from '../state/associations';
import { takePage } from '../state/paging';
import type { Association } from '../state/region-state';
import { requireResource } from '../state/resources';
import { requireTenant } from '../state/tenants';
import type { OperationContext } from './context';
import { filterArgs, readBodyPage, readFilter, tokenScope, validateFilter } from './list-input';
import { readTenantName } from './tenant-input';

/** CreateTenantResourceAssociation: ARN checks → TenantName → (state) tenant 404 → resource 404 → duplicate. */
export function CreateTenantResourceAssociation(ctx: OperationContext): unknown {
  const resource = parseAssociableArn(optionalString(ctx.body, 'ResourceArn'), ctx.region, ctx.accountId);
  associateResource(ctx.state, readTenantName(ctx.body), resource, () => ctx.draws.now());
  return {};
}

/** DeleteTenantResourceAssociation: ARN checks → TenantName → (state) tenant → resource 404; an absent association is a silent success. */
export function DeleteTenantResourceAssociation(ctx: OperationContext): unknown {
  const resource = parseAssociableArn(optionalString(ctx.body, 'ResourceArn'), ctx.region, ctx.accountId);
  dissociateResource(ctx.state, readTenantName(ctx.body), resource);
  return {};
}

/** ListTenantResources: paging → RESOURCE_TYPE filter → tenant; items ordered by ARN. */
export function ListTenantResources(ctx: OperationContext): unknown {
  const name = optionalString(ctx.body, 'TenantName');
  const filter = readFilter(ctx.body);
  const scope = tokenScope(ctx, 'ListTenantResources', `${name}|${filterArgs(filter)}`);
  const request = readBodyPage<string>(ctx, scope);
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
  const scope = tokenScope(ctx, 'ListResourceTenants', String(arn));
  const request = readBodyPage<number>(ctx, scope);
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
