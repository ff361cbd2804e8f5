import { UNCONFIRMED_MESSAGES } from '../choices';
import { BadRequestException, SerializationException, notNullMessage } from '../errors';
import { optionalString } from '../http/input';
import { MAX_TAGS } from '../state/tags';

/** A tag on the wire. */
export interface WireTag {
  /** Tag key. */
  Key: string;
  /** Tag value. */
  Value: string;
}

/** Tags as the wire lists them: sorted by key. */
export function tagList(tags: ReadonlyMap<string, string>): WireTag[] {
  return [...tags.keys()].sort().map((Key) => ({ Key, Value: tags.get(Key) as string }));
}

/** Length in characters (code points), as SES counts tag lengths; `.length` would count UTF-16 units. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
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
    const keyLength = characters(key);
    if (keyLength < 1) throw new BadRequestException(lengthMessage(key, `${at}.key`, 'greater than or equal to', 1));
    if (keyLength > 128) throw new BadRequestException(lengthMessage(key, `${at}.key`, 'less than or equal to', 128));
    if (characters(value) > 256) throw new BadRequestException(lengthMessage(value, `${at}.value`, 'less than or equal to', 256));
    if (key.toLowerCase().startsWith('aws:')) throw new BadRequestException(UNCONFIRMED_MESSAGES.reservedTagKey(key));
    if (tags.has(key)) throw new BadRequestException(UNCONFIRMED_MESSAGES.duplicateTagKey(key));
    tags.set(key, value);
  });
  return tags;
}
