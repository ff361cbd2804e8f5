import type { Plan } from '../engine/model';

/** Options of {@link renderJson}. */
export interface JsonRenderOptions {
  /** Indent with two spaces. @default true */
  readonly pretty?: boolean;
}

/**
 * Renders a plan as JSON for policy tools: the Plan itself, unchanged, with its keys in model
 * order. Its shape is the plan-file schema, `planSchema` in `src/engine/model/schema.ts` (the Plan
 * types are derived from it): `{ formatVersion, tool, summary, stacks: [StackPlan] }`, each stack
 * with its target, live fingerprint and tenant hashes, changes (each with its FieldChanges),
 * unchanged count and unmanaged tenants. The same plan always gives the same bytes.
 */
export function renderJson(plan: Plan, opts: JsonRenderOptions = {}): string {
  const body = { formatVersion: plan.formatVersion, tool: plan.tool, summary: plan.summary, stacks: plan.stacks };
  return `${JSON.stringify(body, null, opts.pretty === false ? undefined : 2)}\n`;
}
