import { UNCONFIRMED_MESSAGES } from '../choices';
import { BadRequestException, SerializationException } from '../errors';
import { optionalInteger, optionalString, optionalStringMap } from '../http/input';
import { readPageRequest, takePage, type Page, type PageLimits, type PageRequest, type PageScope } from '../state/paging';
import type { NamedCollection } from '../state/region-state';
import type { OperationContext } from './context';

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

/** The scope a NextToken of this list is bound to: the list, its arguments, and the caller's account and region. */
export function tokenScope(ctx: OperationContext, list: string, args: string): PageScope {
  return { list, args, where: `${ctx.accountId}/${ctx.region}` };
}

/** Reads NextToken and PageSize of a POST list body and validates them (before anything else of the request). */
export function readBodyPage<K extends string | number>(ctx: OperationContext, scope: PageScope): PageRequest<K> {
  return readPageRequest<K>(optionalString(ctx.body, 'NextToken'), optionalInteger(ctx.body, 'PageSize'), scope);
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
  const scope = tokenScope(ctx, list, '');
  const request = readPageRequest<string>(nextToken, pageSize, scope, limits);
  return takePage(collection.namesFrom(request.after), request, scope, (name) => view(collection.get(name) as T));
}
