import type { ResourceKind } from './arn';
import type { OperationContext } from './backend';
import { BadRequestException, NotFoundException, SerializationException } from '../errors';
import { optionalInteger, optionalString } from '../http/input';
import { readPageRequest, takePage, type Page, type PageLimits, type PageScope } from './paging';
import type { ConfigurationSet, EmailTemplate, Identity, NamedCollection, RegionState } from './region-state';

/** A resource that can be associated with tenants. */
export type AssociableResource = Identity | ConfigurationSet | EmailTemplate;

/** The §6 "does not exist" error for an associable resource (the configuration set wording ends in a colon, as AWS's does). */
export function resourceNotFound(kind: ResourceKind, name: string): NotFoundException {
  switch (kind) {
    case 'identity':
      return new NotFoundException(`Identity ${name} does not exist`);
    case 'configuration-set':
      return new NotFoundException(`Configuration set ${name} does not exist:`);
    case 'template':
      return new NotFoundException(`Email template ${name} does not exist`);
  }
}

/** Finds an identity, configuration set or template by kind and name. */
export function findResource(state: RegionState, kind: ResourceKind, name: string): AssociableResource | undefined {
  switch (kind) {
    case 'identity':
      return state.identities.get(name);
    case 'configuration-set':
      return state.configurationSets.get(name);
    case 'template':
      return state.templates.get(name);
  }
}

/** Finds a resource or throws its §6 NotFoundException. */
export function requireResource(state: RegionState, kind: ResourceKind, name: string): AssociableResource {
  const resource = findResource(state, kind, name);
  if (resource === undefined) throw resourceNotFound(kind, name);
  return resource;
}

/** Refuses to delete a resource that still has tenant associations (§6). */
export function refuseIfAssociated(state: RegionState, arn: string): void {
  if (state.hasAssociations(arn)) {
    throw new BadRequestException(
      `Cannot delete ${arn} because it has tenant associations. Remove all tenant associations and try again.`,
    );
  }
}

/** Reads NextToken and PageSize from the JSON body (POST lists) or the query string (GET lists). */
function listArguments(ctx: OperationContext): { nextToken?: string; pageSize?: number } {
  const nextToken = optionalString(ctx.body, 'NextToken') ?? ctx.query.get('NextToken')?.[0];
  const rawSize = ctx.query.get('PageSize')?.[0];
  let pageSize = optionalInteger(ctx.body, 'PageSize');
  if (pageSize === undefined && rawSize !== undefined) {
    pageSize = Number(rawSize);
    if (!Number.isInteger(pageSize)) throw new SerializationException(`PageSize must be an integer, got ${rawSize}`);
  }
  return { nextToken, pageSize };
}

/** One page of a named collection in name order, for the identity, configuration set and template lists. */
export function listByName<T extends { readonly name: string }, V>(
  ctx: OperationContext,
  list: string,
  collection: NamedCollection<T>,
  limits: PageLimits,
  view: (item: T) => V,
): Page<V> {
  const { nextToken, pageSize } = listArguments(ctx);
  const scope: PageScope = { list, args: '', where: `${ctx.accountId}/${ctx.region}` };
  const request = readPageRequest<string>(nextToken, pageSize, scope, limits);
  return takePage(collection.namesFrom(request.after), request, scope, (name) => view(collection.get(name) as T));
}
