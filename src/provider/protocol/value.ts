/** The value Terraform does not know yet (known after apply). */
export class UnknownValue {
  private constructor() {}
  /** The one instance. */
  static readonly instance = new UnknownValue();
  toJSON(): string {
    return '(known after apply)';
  }
}

/** The unknown value. */
export const UNKNOWN = UnknownValue.instance;

/**
 * A Terraform value in JS: null, unknown, a string, number or bool, an array (list, set, tuple)
 * or a plain object (map, object).
 */
export type TfValue = null | UnknownValue | string | number | boolean | readonly TfValue[] | { readonly [key: string]: TfValue };

/** An object value (a resource's state, config or plan). */
export type TfObject = { readonly [key: string]: TfValue };

/** True for the unknown value. */
export function isUnknown(value: unknown): value is UnknownValue {
  return value === UNKNOWN;
}

/** True when the value holds no unknown anywhere inside. */
export function isWhollyKnown(value: TfValue): boolean {
  if (isUnknown(value)) return false;
  if (value === null || typeof value !== 'object') return true;
  return (Array.isArray(value) ? value : Object.values(value)).every(isWhollyKnown);
}

/** Structural equality of two values; arrays compare in order unless `unordered` (sets). */
export function valuesEqual(a: TfValue, b: TfValue, unordered = false): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (isUnknown(a) || isUnknown(b)) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    if (!unordered) return a.every((item, i) => valuesEqual(item, b[i]));
    return a.every((item) => b.some((other) => valuesEqual(item, other, true)));
  }
  const ao = a as TfObject;
  const bo = b as TfObject;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(bo, key) && valuesEqual(ao[key], bo[key], unordered));
}
