import type { z } from 'zod';
import { tenantSpecSchema } from './tenant-spec';
import type { SpecViolation } from './violation';

/** Checks one tenant spec against the schema; returns every violation (empty when valid). */
export function validateTenantSpec(input: unknown, path?: string): SpecViolation[] {
  return schemaViolations(tenantSpecSchema, input, path);
}

/** Checks a tenant declaration against any schema of it (such as the runtime's onboarding input); returns every violation. */
export function schemaViolations(schema: z.ZodType, input: unknown, path?: string): SpecViolation[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  const tenant = tenantNameOf(input);
  return result.error.issues.map((issue) => toViolation(issue, input, tenant, path));
}

function tenantNameOf(input: unknown): string {
  const declared = input as { name?: unknown; tenantName?: unknown } | null;
  const name = declared?.name ?? declared?.tenantName;
  return typeof name === 'string' ? name : String(name);
}

function toViolation(issue: z.core.$ZodIssue, input: unknown, tenant: string, path?: string): SpecViolation {
  return {
    path,
    tenant,
    field: fieldName(issue.path) || '(spec)',
    rule: ruleOf(issue),
    value: issue.code === 'invalid_key' ? issue.path[issue.path.length - 1] : valueAt(input, issue.path),
  };
}

function ruleOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected}`;
  if (issue.code === 'invalid_key' && issue.issues.length > 0) return issue.issues[0].message;
  return issue.message;
}

/** `tags["a b"]`, `resources[0].arn`: a field path a user recognises. */
function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (out === 'tags') out += `[${JSON.stringify(String(p))}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return typeof cur === 'object' ? undefined : cur;
}
