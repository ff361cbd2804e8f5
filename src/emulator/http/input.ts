import { BadRequestException, SerializationException, notNullMessage } from '../errors';

/** A decoded request: JSON body members, path labels (decoded) and query parameters (repeatable). */
export interface OperationInput {
  /** The JSON body, `{}` when the request had none. */
  readonly body: Record<string, unknown>;
  /** Path labels by name, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters by name, every value of a repeated key in order. */
  readonly query: ReadonlyMap<string, string[]>;
}

/**
 * Reads an optional member of the type `accepts` checks; `null` counts as absent, a value of another type is a
 * SerializationException naming the `expected` type.
 */
function optionalMember<T>(body: Record<string, unknown>, member: string, accepts: (value: unknown) => value is T, expected: string): T | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  if (!accepts(value)) {
    throw new SerializationException(`Unexpected value type for member ${member}: expected ${expected}`);
  }
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads an optional string member; `null` counts as absent, a non-string is a SerializationException. */
export function optionalString(body: Record<string, unknown>, member: string): string | undefined {
  return optionalMember(body, member, isString, 'a string');
}

/** Reads an optional integer member; a non-number is a SerializationException. */
export function optionalInteger(body: Record<string, unknown>, member: string): number | undefined {
  return optionalMember(body, member, isInteger, 'an integer');
}

/** Reads an optional boolean member; a non-boolean is a SerializationException. */
export function optionalBoolean(body: Record<string, unknown>, member: string): boolean | undefined {
  return optionalMember(body, member, isBoolean, 'a boolean');
}

/** Reads an optional JSON object member. */
export function optionalObject(body: Record<string, unknown>, member: string): Record<string, unknown> | undefined {
  return optionalMember(body, member, isObject, 'an object');
}

/** Reads an optional JSON array member. */
export function optionalArray(body: Record<string, unknown>, member: string): unknown[] | undefined {
  return optionalMember(body, member, Array.isArray, 'a list');
}

/** Reads an optional string-to-string map member (the list filters). */
export function optionalStringMap(body: Record<string, unknown>, member: string): Map<string, string> | undefined {
  const value = optionalObject(body, member);
  if (value === undefined) return undefined;
  const map = new Map<string, string>();
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') {
      throw new SerializationException(`Unexpected value type for member ${member}.${key}: expected a string`);
    }
    map.set(key, entry);
  }
  return map;
}

/** Reads a required string member, answering the Smithy "must not be null" BadRequest when absent. */
export function requiredString(body: Record<string, unknown>, member: string): string {
  const value = optionalString(body, member);
  if (value === undefined) throw new BadRequestException(notNullMessage(lowerFirst(member)));
  return value;
}

/** `TenantName` → `tenantName`, as AWS names members in validation messages. */
export function lowerFirst(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}
