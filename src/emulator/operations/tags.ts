import { splitArn } from '../state/arn';
import type { OperationContext } from '../state/backend';
import { UNCONFIRMED_MESSAGES } from '../choices';
import { BadRequestException, NotFoundException, SerializationException } from '../errors';
import { notNullMessage, optionalArray, optionalString } from '../http/input';
import type { ResourceKind } from '../state/arn';
import { requireResource } from '../state/resources';

/** A tag on the wire. */
export interface WireTag {
  /** Tag key. */
  Key: string;
  /** Tag value. */
  Value: string;
}

const MAX_TAGS = 50;

/** Tags as the wire lists them: sorted by key. */
export function tagList(tags: ReadonlyMap<string, string>): WireTag[] {
  return [...tags.keys()].sort().map((Key) => ({ Key, Value: tags.get(Key) as string }));
}

function lengthMessage(value: string, at: string, bound: 'greater than or equal to' | 'less than or equal to', n: number): string {
  return `1 validation error detected: Value '${value}' at '${at}' failed to satisfy constraint: Member must have length ${bound} ${n}`;
}

/**
 * Validates a Tags list (count ≤ 50, key 1–128, value 0–256, no `aws:` prefix, unique keys) and
 * returns it as a map; absent means no tags.
 */
export function readTags(raw: unknown[] | undefined): Map<string, string> {
  const tags = new Map<string, string>();
  if (raw === undefined) return tags;
  if (raw.length > MAX_TAGS) throw new BadRequestException(UNCONFIRMED_MESSAGES.tooManyTags(raw.length));
  raw.forEach((entry, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new SerializationException(`Unexpected value type for member Tags.${i + 1}: expected a structure`);
    }
    const tag = entry as Record<string, unknown>;
    const at = `tags.${i + 1}.member`;
    const key = optionalString(tag, 'Key');
    const value = optionalString(tag, 'Value');
    if (key === undefined) throw new BadRequestException(notNullMessage(`${at}.key`));
    if (value === undefined) throw new BadRequestException(notNullMessage(`${at}.value`));
    if (key.length < 1) throw new BadRequestException(lengthMessage(key, `${at}.key`, 'greater than or equal to', 1));
    if (key.length > 128) throw new BadRequestException(lengthMessage(key, `${at}.key`, 'less than or equal to', 128));
    if (value.length > 256) throw new BadRequestException(lengthMessage(value, `${at}.value`, 'less than or equal to', 256));
    if (key.toLowerCase().startsWith('aws:')) throw new BadRequestException(UNCONFIRMED_MESSAGES.reservedTagKey(key));
    if (tags.has(key)) throw new BadRequestException(UNCONFIRMED_MESSAGES.duplicateTagKey(key));
    tags.set(key, value);
  });
  return tags;
}

type TagOperation = 'tag' | 'untag' | 'list';

/**
 * Resolves a tag operation's ResourceArn to the tag map it names, or undefined when the ARN is of
 * another region and the operation answers that with an empty list. Tenant ARNs resolve by their
 * TenantId segment only (§6).
 */
function resolveTaggable(ctx: OperationContext, arn: string | undefined, op: TagOperation): Map<string, string> | undefined {
  if (arn === undefined) throw new BadRequestException(notNullMessage('resourceArn'));
  const parts = splitArn(arn);
  if (parts === undefined) throw new BadRequestException('Provided resource identifier is not an SES resource');
  if (parts.service !== 'ses') throw new BadRequestException('Provided ARN is not in SES resource ARN format');
  if (parts.account !== ctx.accountId) {
    throw new BadRequestException('Operations on a resource created in a different account is not allowed');
  }
  if (parts.region !== ctx.region) {
    if (op === 'list') return undefined;
    throw new BadRequestException(op === 'tag' ? 'Failed to tag resource' : 'Failed to untag resource');
  }
  if (parts.type === 'tenant') {
    const segments = parts.name.split('/');
    const [name, id] = segments.length >= 2 ? [segments[0], segments[1]] : [null, segments[0]];
    const tenant = ctx.state.tenantsById.get(id);
    if (tenant === undefined) throw new NotFoundException(`No Tenant present with name: ${name}with tenantId: ${id}`);
    return tenant.tags;
  }
  if (parts.type === 'identity' || parts.type === 'configuration-set' || parts.type === 'template') {
    return requireResource(ctx.state, parts.type as ResourceKind, parts.name).tags;
  }
  throw new BadRequestException(`Unsupported resource type: ${parts.type}`);
}

/** TagResource: adds or replaces tags on a tenant, identity, configuration set or template. */
export function TagResource(ctx: OperationContext): unknown {
  const arn = optionalString(ctx.body, 'ResourceArn');
  const raw = optionalArray(ctx.body, 'Tags');
  const target = resolveTaggable(ctx, arn, 'tag') as Map<string, string>;
  if (raw === undefined) throw new BadRequestException(notNullMessage('tags'));
  const added = readTags(raw);
  const merged = new Map([...target, ...added]);
  if (merged.size > MAX_TAGS) throw new BadRequestException(UNCONFIRMED_MESSAGES.tooManyTags(merged.size));
  for (const [key, value] of added) target.set(key, value);
  return {};
}

/** UntagResource: removes tag keys; keys that are not there are ignored. */
export function UntagResource(ctx: OperationContext): unknown {
  const arn = ctx.query.get('ResourceArn')?.[0];
  const keys = ctx.query.get('TagKeys');
  const target = resolveTaggable(ctx, arn, 'untag') as Map<string, string>;
  if (keys === undefined) throw new BadRequestException(notNullMessage('tagKeys'));
  for (const key of keys) target.delete(key);
  return {};
}

/** ListTagsForResource: the tags sorted by key; an ARN of another region lists none. */
export function ListTagsForResource(ctx: OperationContext): unknown {
  const target = resolveTaggable(ctx, ctx.query.get('ResourceArn')?.[0], 'list');
  return { Tags: target === undefined ? [] : tagList(target) };
}
