import { decode, encode, ExtensionCodec } from '@msgpack/msgpack';
import { CtyType } from './cty-type';
import { isUnknown, TfValue, UNKNOWN } from './value';

// cty writes an unknown as extension 0 (`d4 00 00`); Terraform 1.8+ may send extension 12, an
// unknown with refinements (for example "not null", a string prefix), which we treat as plainly unknown.
const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;

const extensionCodec = new ExtensionCodec();
extensionCodec.register({
  type: UNKNOWN_EXT,
  encode: (input: unknown) => (isUnknown(input) ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
extensionCodec.register({ type: REFINED_UNKNOWN_EXT, encode: () => null, decode: () => UNKNOWN });

/** The wire form of a value: msgpack bytes (what Terraform sends and expects) or JSON bytes. */
export interface DynamicValueWire {
  readonly msgpack?: Uint8Array | null;
  readonly json?: Uint8Array | null;
}

/** A value on the wire does not fit its schema type. */
export class ValueTypeError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(`${path.length ? path.join('.') + ': ' : ''}${message}`);
    this.name = 'ValueTypeError';
  }
}

/** Decodes a DynamicValue against its type; an empty DynamicValue is null. */
export function decodeDynamicValue(wire: DynamicValueWire | null | undefined, type: CtyType): TfValue {
  if (wire?.msgpack && wire.msgpack.length > 0) return conform(decode(wire.msgpack, { extensionCodec }), type, [], 'msgpack');
  if (wire?.json && wire.json.length > 0) return decodeJsonValue(Buffer.from(wire.json).toString('utf8'), type);
  return null;
}

/** Decodes Terraform's JSON encoding of a value (stored state) against its type. */
export function decodeJsonValue(json: string, type: CtyType): TfValue {
  return conform(JSON.parse(json), type, [], 'json');
}

/** Encodes a value of the given type as the msgpack DynamicValue Terraform expects. */
export function encodeDynamicValue(value: TfValue, type: CtyType): { msgpack: Uint8Array } {
  return { msgpack: encode(toWire(value, type, []), { extensionCodec, ignoreUndefined: false }) };
}

function conform(raw: unknown, type: CtyType, path: (string | number)[], format: 'msgpack' | 'json'): TfValue {
  if (raw === null || raw === undefined) return null;
  if (isUnknown(raw)) return UNKNOWN;
  if (type === 'dynamic') return conformDynamic(raw, path, format);
  if (type === 'string') {
    if (typeof raw === 'string') return raw;
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    throw new ValueTypeError(path, 'a string is required');
  }
  if (type === 'number') {
    if (typeof raw === 'number') return raw;
    if (typeof raw === 'bigint') return Number(raw);
    if (typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
    throw new ValueTypeError(path, 'a number is required');
  }
  if (type === 'bool') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new ValueTypeError(path, 'a bool is required');
  }
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(raw)) throw new ValueTypeError(path, `a ${kind} is required`);
    return raw.map((item, i) => conform(item, inner, [...path, i], format));
  }
  if (kind === 'tuple') {
    if (!Array.isArray(raw) || raw.length !== inner.length) throw new ValueTypeError(path, `a tuple of ${inner.length} is required`);
    return raw.map((item, i) => conform(item, inner[i], [...path, i], format));
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ValueTypeError(path, `a ${kind} is required`);
  const record = raw as Record<string, unknown>;
  const out: Record<string, TfValue> = {};
  if (kind === 'map') {
    for (const key of Object.keys(record)) out[key] = conform(record[key], inner, [...path, key], format);
    return out;
  }
  const attributes = inner as { readonly [name: string]: CtyType };
  for (const key of Object.keys(attributes)) out[key] = conform(record[key], attributes[key], [...path, key], format);
  return out;
}

// A dynamic value travels with its type: msgpack `[type JSON bytes, value]`, JSON `{"value", "type"}`.
function conformDynamic(raw: unknown, path: (string | number)[], format: 'msgpack' | 'json'): TfValue {
  if (format === 'msgpack' && Array.isArray(raw) && raw.length === 2 && raw[0] instanceof Uint8Array) {
    return conform(raw[1], JSON.parse(Buffer.from(raw[0]).toString('utf8')) as CtyType, path, format);
  }
  if (format === 'json' && raw && typeof raw === 'object' && 'type' in raw && 'value' in raw) {
    const typed = raw as { type: CtyType; value: unknown };
    return conform(typed.value, typed.type, path, format);
  }
  throw new ValueTypeError(path, 'a dynamic value must carry its type');
}

function toWire(value: TfValue, type: CtyType, path: (string | number)[]): unknown {
  if (value === null || isUnknown(value)) return value;
  if (type === 'dynamic') {
    const actual = inferType(value);
    return [Buffer.from(JSON.stringify(actual)), toWire(value, actual, path)];
  }
  if (type === 'string' || type === 'number' || type === 'bool') {
    const expected = type === 'bool' ? 'boolean' : type;
    if (typeof value !== expected) throw new ValueTypeError(path, `expected a ${type}, got ${JSON.stringify(value)}`);
    return value;
  }
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set' || kind === 'tuple') {
    if (!Array.isArray(value)) throw new ValueTypeError(path, `expected a ${kind}`);
    return value.map((item, i) => toWire(item, kind === 'tuple' ? inner[i] : inner, [...path, i]));
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new ValueTypeError(path, `expected a ${kind}`);
  const record = value as Record<string, TfValue>;
  // A prototype-less record, so that a key such as `__proto__` stays a plain key.
  const out = Object.create(null) as Record<string, unknown>;
  if (kind === 'map') {
    for (const key of Object.keys(record).sort()) out[key] = toWire(record[key], inner, [...path, key]);
    return out;
  }
  const attributes = inner as { readonly [name: string]: CtyType };
  for (const key of Object.keys(record)) {
    if (!(key in attributes)) throw new ValueTypeError([...path, key], 'is not an attribute of the schema');
  }
  // cty requires every attribute of the object type, so absent ones are sent as null.
  for (const key of Object.keys(attributes)) out[key] = toWire(record[key] ?? null, attributes[key], [...path, key]);
  return out;
}

function inferType(value: TfValue): CtyType {
  if (typeof value === 'string' || typeof value === 'number') return typeof value as CtyType;
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(inferType)];
  const record = (value ?? {}) as Record<string, TfValue>;
  return ['object', Object.fromEntries(Object.keys(record).map((key) => [key, inferType(record[key])]))];
}
