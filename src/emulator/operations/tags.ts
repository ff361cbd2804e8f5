import { BadRequestException, notNullMessage } from '../errors';
import { optionalArray, optionalString } from '../http/input';
import { addTags, resolveTaggable } from '../state/tags';
import type { OperationContext } from './context';
import { readTags, tagList } from './tag-input';

/** TagResource: adds or replaces tags on a tenant, identity, configuration set or template. */
export function TagResource(ctx: OperationContext): unknown {
  const arn = optionalString(ctx.body, 'ResourceArn');
  const raw = optionalArray(ctx.body, 'Tags');
  const target = resolveTaggable(ctx.state, arn, 'tag') as Map<string, string>;
  if (raw === undefined) throw new BadRequestException(notNullMessage('tags'));
  addTags(target, readTags(raw));
  return {};
}

/** UntagResource: removes tag keys; keys that are not there are ignored. */
export function UntagResource(ctx: OperationContext): unknown {
  const target = resolveTaggable(ctx.state, ctx.query.get('ResourceArn')?.[0], 'untag') as Map<string, string>;
  const keys = ctx.query.get('TagKeys');
  if (keys === undefined) throw new BadRequestException(notNullMessage('tagKeys'));
  for (const key of keys) target.delete(key);
  return {};
}

/** ListTagsForResource: the tags sorted by key; an ARN of another region lists none. */
export function ListTagsForResource(ctx: OperationContext): unknown {
  const target = resolveTaggable(ctx.state, ctx.query.get('ResourceArn')?.[0], 'list');
  return { Tags: target === undefined ? [] : tagList(target) };
}
