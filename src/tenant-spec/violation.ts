/** One broken rule of a tenant declaration. */
export interface SpecViolation {
  /** Construct path or stack name where the tenant is declared, when known. */
  readonly path?: string;
  /** Tenant name (as declared, even when invalid). */
  readonly tenant: string;
  /** Field of the tenant spec, such as `tags["team"]` or `resources[0].arn`. */
  readonly field: string;
  /** The rule, stated so the user knows how to fix it. */
  readonly rule: string;
  /** The offending value, when there is one to echo. */
  readonly value?: unknown;
}

/** One line per violation: where, which tenant (quoted, control characters escaped), which field, which rule, which value. */
export function formatViolation(v: SpecViolation): string {
  const where = v.path ? `${v.path}: ` : '';
  const value = v.value === undefined ? '' : ` (got ${truncate(JSON.stringify(v.value))})`;
  return oneLine(`${where}tenant ${JSON.stringify(v.tenant)}: ${v.field}: ${v.rule}${value}`);
}

/** Escapes line breaks (a construct id or a rule can hold one) so a violation stays one line. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function truncate(s: string | undefined): string {
  if (s === undefined) return 'undefined';
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/**
 * Thrown when tenant declarations break rules; lists every violation at once. A user error: its
 * message names every construct path, so it carries no stack trace (cdktf prints a failed app's
 * stderr twice, and Node prints an uncaught error's enumerable fields, so both would repeat).
 */
export class SpecValidationError extends Error {
  /** Every violation found (not enumerable, so an uncaught error prints only its message). */
  declare readonly violations: readonly SpecViolation[];

  constructor(violations: readonly SpecViolation[], context = 'Invalid SES tenant declaration') {
    const lines = violations.map((v) => `  - ${formatViolation(v)}`);
    super(`${context}: ${violations.length} problem${violations.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
    this.name = 'SpecValidationError';
    Object.defineProperty(this, 'violations', { value: violations, enumerable: false });
    this.stack = `${this.name}: ${this.message}`;
  }
}
