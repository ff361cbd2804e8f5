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

/** One line per violation: where, which tenant, which field, which rule, which value. */
export function formatViolation(v: SpecViolation): string {
  const where = v.path ? `${v.path}: ` : '';
  const value = v.value === undefined ? '' : ` (got ${truncate(JSON.stringify(v.value))})`;
  return `${where}tenant "${v.tenant}": ${v.field}: ${v.rule}${value}`;
}

function truncate(s: string | undefined): string {
  if (s === undefined) return 'undefined';
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Thrown when tenant declarations break rules; lists every violation at once. */
export class SpecValidationError extends Error {
  /** Every violation found. */
  readonly violations: readonly SpecViolation[];

  constructor(violations: readonly SpecViolation[], context = 'Invalid SES tenant declaration') {
    const lines = violations.map((v) => `  - ${formatViolation(v)}`);
    super(`${context}: ${violations.length} problem${violations.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
    this.name = 'SpecValidationError';
    this.violations = violations;
  }
}
