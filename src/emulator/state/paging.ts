import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../choices';
import { BadRequestException } from '../errors';

/** What a NextToken is bound to: the list operation, its arguments and the account and region. */
export interface PageScope {
  /** The operation that issued the token. */
  readonly list: string;
  /** The arguments that shape the list (tenant, resource, filter), serialized. */
  readonly args: string;
  /** Account and region the token was issued in. */
  readonly where: string;
}

/** Limits of one list's PageSize. */
export interface PageLimits {
  /** @default 100 */
  readonly defaultSize?: number;
  /** @default 100 */
  readonly maxSize?: number;
}

/** A validated page request: how many items, and the sort key after which the page starts. */
export interface PageRequest<K> {
  /** Items to return at most. */
  readonly pageSize: number;
  /** Exclusive start key, undefined for the first page. */
  readonly after: K | undefined;
}

/** One page of items and the token of the next page, `null` on the last page. */
export interface Page<T> {
  /** The items of this page. */
  readonly items: T[];
  /** The token for the next page, or `null` when this is the last one. */
  readonly nextToken: string | null;
}

interface TokenPayload {
  readonly l: string;
  readonly a: string;
  readonly w: string;
  readonly k: string | number;
}

/**
 * Validates NextToken and PageSize as the tenant lists do (§6 of the reference): both checks are
 * reported together ("2 validation errors detected: <token>; <size>") before the token is decoded;
 * an unreadable token, or one issued for another list, other arguments or another region, is
 * "Invalid Next Token".
 */
export function readPageRequest<K extends string | number>(
  nextToken: string | undefined,
  pageSize: number | undefined,
  scope: PageScope,
  limits: PageLimits = {},
): PageRequest<K> {
  const maxSize = limits.maxSize ?? MAX_PAGE_SIZE;
  const problems: string[] = [];
  if (nextToken === '') {
    problems.push(`Value '' at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1`);
  }
  if (pageSize !== undefined && pageSize < 1) {
    problems.push(`Value '${pageSize}' at 'pageSize' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  } else if (pageSize !== undefined && pageSize > maxSize) {
    problems.push(
      `Value '${pageSize}' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to ${maxSize}`,
    );
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 validation error' : `${problems.length} validation errors`;
    throw new BadRequestException(`${count} detected: ${problems.join('; ')}`);
  }
  return {
    pageSize: pageSize ?? limits.defaultSize ?? DEFAULT_PAGE_SIZE,
    after: nextToken === undefined ? undefined : (decodeToken(nextToken, scope) as K),
  };
}

function decodeToken(token: string, scope: PageScope): string | number {
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TokenPayload;
  } catch {
    throw new BadRequestException('Invalid Next Token');
  }
  const keyType = typeof payload?.k;
  if (
    payload === null ||
    payload.l !== scope.list ||
    payload.a !== scope.args ||
    payload.w !== scope.where ||
    (keyType !== 'string' && keyType !== 'number')
  ) {
    throw new BadRequestException('Invalid Next Token');
  }
  return payload.k;
}

function encodeToken(scope: PageScope, key: string | number): string {
  const payload: TokenPayload = { l: scope.list, a: scope.args, w: scope.where, k: key };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Takes one page from keys in list order: `view` turns a key into an item, or undefined when a filter
 * drops it. Costs the page plus the items skipped by the filter, never the whole list.
 */
export function takePage<K extends string | number, T>(
  keys: Iterable<K>,
  request: PageRequest<K>,
  scope: PageScope,
  view: (key: K) => T | undefined,
): Page<T> {
  const items: T[] = [];
  let lastKey: K | undefined;
  for (const key of keys) {
    const item = view(key);
    if (item === undefined) continue;
    if (items.length === request.pageSize) {
      return { items, nextToken: encodeToken(scope, lastKey as K) };
    }
    items.push(item);
    lastKey = key;
  }
  return { items, nextToken: null };
}
