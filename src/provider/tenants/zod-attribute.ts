import type { z } from 'zod';
import { CtyType } from '../protocol/cty-type';
import { isUnknown, type TfValue } from '../protocol/value';
import { AttributeSchema } from '../framework/schema';

// Turns a field of the tenant spec's zod definition into a Terraform attribute: the spec stays
// the one definition of types, allowed values, descriptions and rules (the rules run as the
// attribute's validator, with zod's own messages, the ones synth reports).

type AnyZod = z.ZodType;
interface ZodCheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: RegExp;
}
interface ZodDef {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: ZodCheckDef } }[];
  readonly keyType?: AnyZod;
  readonly innerType?: AnyZod;
  readonly element?: AnyZod;
  readonly valueType?: AnyZod;
  readonly entries?: Record<string, string>;
  readonly shape?: Record<string, AnyZod>;
  readonly in?: AnyZod;
}

const defOf = (schema: AnyZod): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The innermost schema under nullable/optional/default wrappers, and whether null is allowed. */
export function unwrapZod(schema: AnyZod): { schema: AnyZod; nullable: boolean } {
  let current = schema;
  let nullable = false;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) {
      nullable = true;
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else return { schema: current, nullable };
  }
}

/** The Terraform type of a zod schema (arrays become sets: the spec sorts them, order means nothing). */
export function ctyTypeOfZod(schema: AnyZod): CtyType {
  const inner = unwrapZod(schema).schema;
  const def = defOf(inner);
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'literal':
      return 'string';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'array':
      return ['set', ctyTypeOfZod(def.element!)];
    case 'record':
      return ['map', ctyTypeOfZod(def.valueType!)];
    case 'object':
      return ['object', Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, ctyTypeOfZod(v)]))];
    default:
      throw new Error(`no Terraform type for zod type ${def.type}`);
  }
}

/** The allowed values of an enum (or an array of enums), if any. */
export function zodEnumValues(schema: AnyZod): readonly string[] | undefined {
  const def = defOf(unwrapZod(schema).schema);
  if (def.type === 'enum') return Object.values(def.entries!);
  if (def.type === 'array') return zodEnumValues(def.element!);
  return undefined;
}

/** The length limits and pattern of a string schema, in words ("1-128 characters"), if it has any. */
export function zodStringLimits(schema: AnyZod): string | undefined {
  const checks = (defOf(unwrapZod(schema).schema).checks ?? []).map((c) => c._zod.def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum;
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  const pattern = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  const parts: string[] = [];
  if (min !== undefined && max !== undefined) parts.push(`${min}-${max} characters`);
  else if (max !== undefined) parts.push(`at most ${max} characters`);
  else if (min !== undefined) parts.push(`at least ${min} character${min === 1 ? '' : 's'}`);
  if (pattern) parts.push(`matching ${pattern.source}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** The description of a schema (under its wrappers too), with an enum's values and a map's key and value limits. */
export function zodDescription(schema: AnyZod): string | undefined {
  const inner = unwrapZod(schema).schema;
  const text = schema.description ?? inner.description;
  const values = zodEnumValues(schema);
  const allowed = values ? `One of ${values.map((v) => JSON.stringify(v)).join(', ')}.` : undefined;
  const def = defOf(inner);
  let limits: string | undefined;
  if (def.type === 'record') {
    // A key's or value's own description states limits its refinements enforce (which zod cannot list).
    const keys = def.keyType!.description ?? zodStringLimits(def.keyType!);
    const vals = def.valueType!.description ?? zodStringLimits(def.valueType!);
    limits = [keys && `Keys: ${keys}.`, vals && `Values: ${vals}.`].filter(Boolean).join(' ') || undefined;
  } else if (def.type === 'string') {
    const own = zodStringLimits(inner);
    limits = own && !(text ?? '').includes('characters') ? `${own}.` : undefined;
  }
  return [text, allowed, limits].filter(Boolean).join(' ') || undefined;
}

/**
 * The known part of a value: unknown elements of sets and lists and unknown values of maps and
 * objects left out. Terraform validates before it expands `for_each` (`each.key` is unknown) and
 * before other resources have their computed attributes, so the spec's rules check what is known
 * now and the rest when Terraform validates again at plan, and at apply, with the values known.
 */
export function knownPart(value: TfValue): TfValue | undefined {
  if (isUnknown(value)) return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(knownPart).filter((v) => v !== undefined) as TfValue[];
  const out: Record<string, TfValue> = {};
  for (const [key, v] of Object.entries(value as { readonly [key: string]: TfValue })) {
    const known = knownPart(v);
    if (known !== undefined) out[key] = known;
  }
  return out;
}

/** The messages of the spec's rules for the known part of a value (sets arrive as arrays, maps as records). */
export function zodProblems(schema: AnyZod, value: TfValue): string[] {
  const known = knownPart(value);
  if (known === undefined) return [];
  const result = unwrapZod(schema).schema.safeParse(known);
  if (result.success) return [];
  // Worded as synth words them (validateTenantSpec): enum values listed, a bad map key by its own rule.
  return result.error.issues.map((issue) => {
    const where = issue.path.length ? `${issue.path.map((p) => JSON.stringify(String(p))).join('.')}: ` : '';
    if (issue.code === 'invalid_value') return `${where}must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    if (issue.code === 'invalid_key' && issue.issues.length > 0) return `${where}${issue.issues[0].message}`;
    return `${where}${issue.message}`;
  });
}

/** An attribute from a spec field: type, description and validator from zod; the rest from `extra`. */
export function attributeFromZod(schema: AnyZod, extra: Omit<AttributeSchema, 'type'>): AttributeSchema {
  const defaultText = extra.default !== undefined ? `Default: ${JSON.stringify(extra.default)}.` : undefined;
  return {
    type: ctyTypeOfZod(schema),
    description: [zodDescription(schema), defaultText].filter(Boolean).join(' ') || undefined,
    validate: (value) => zodProblems(schema, value),
    ...extra,
  };
}
