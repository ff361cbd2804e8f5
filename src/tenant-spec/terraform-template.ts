/**
 * Terraform reads every string of a `.tf.json` file as a template: `${...}` and `%{...}` are
 * evaluated. User strings (tag values, template bodies, names) are data, so before they are
 * written into the configuration their `${` and `%{` are escaped as `$${` and `%%{`, which
 * Terraform turns back into the literal text.
 */
export function escapeTemplateString(s: string): string {
  return s.includes('{') ? s.replace(/([$%])\{/g, '$1$1{') : s;
}

/** The literal value Terraform reads from an escaped string: the inverse of escapeTemplateString. */
export function unescapeTemplateString(s: string): string {
  return s.includes('{') ? s.replace(/([$%])\1\{/g, '$1{') : s;
}

/** A deep copy of a JSON value with `f` applied to every string, keys included. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[f(k)] = mapStrings(v, f);
  return out as T;
}

/** A deep copy of a JSON value with every string (keys included) escaped for Terraform's JSON syntax. */
export function escapeTemplateStrings<T>(value: T): T {
  return mapStrings(value, escapeTemplateString);
}

/** A deep copy of a JSON value read from a `.tf.json` file, with every string (keys included) unescaped. */
export function unescapeTemplateStrings<T>(value: T): T {
  return mapStrings(value, unescapeTemplateString);
}
