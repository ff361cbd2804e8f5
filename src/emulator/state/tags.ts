import { UNCONFIRMED_MESSAGES } from '../choices';
import { BadRequestException, NotFoundException, notNullMessage } from '../errors';
import { splitArn, type ResourceKind } from './arn';
import type { RegionState } from './region-state';
import { requireResource } from './resources';

/** Tags a resource can carry (§4). */
export const MAX_TAGS = 50;

/** What a tag operation does, which decides how an ARN of another region is answered. */
export type TagOperation = 'tag' | 'untag' | 'list';

/**
 * Resolves a tag operation's ResourceArn to the tag map it names, or undefined when the ARN is of
 * another region and the operation answers that with an empty list. Tenant ARNs resolve by their
 * TenantId segment only (§6).
 */
export function resolveTaggable(state: RegionState, arn: string | undefined, op: TagOperation): Map<string, string> | undefined {
  if (arn === undefined) throw new BadRequestException(notNullMessage('resourceArn'));
  const parts = splitArn(arn);
  if (parts === undefined) throw new BadRequestException('Provided resource identifier is not an SES resource');
  if (parts.service !== 'ses') throw new BadRequestException('Provided ARN is not in SES resource ARN format');
  if (parts.account !== state.accountId) {
    throw new BadRequestException('Operations on a resource created in a different account is not allowed');
  }
  if (parts.region !== state.region) {
    if (op === 'list') return undefined;
    throw new BadRequestException(op === 'tag' ? 'Failed to tag resource' : 'Failed to untag resource');
  }
  if (parts.type === 'tenant') {
    const segments = parts.name.split('/');
    const [name, id] = segments.length >= 2 ? [segments[0], segments[1]] : [null, segments[0]];
    const tenant = state.tenantsById.get(id);
    if (tenant === undefined) throw new NotFoundException(`No Tenant present with name: ${name}with tenantId: ${id}`);
    return tenant.tags;
  }
  if (parts.type === 'identity' || parts.type === 'configuration-set' || parts.type === 'template') {
    return requireResource(state, parts.type as ResourceKind, parts.name).tags;
  }
  throw new BadRequestException(`Unsupported resource type: ${parts.type}`);
}

/** Adds or replaces tags, refused when the result would carry more than {@link MAX_TAGS}. */
export function addTags(target: Map<string, string>, added: ReadonlyMap<string, string>): void {
  const merged = new Map([...target, ...added]);
  if (merged.size > MAX_TAGS) throw new BadRequestException(UNCONFIRMED_MESSAGES.tooManyTags(merged.size));
  for (const [key, value] of added) target.set(key, value);
}
