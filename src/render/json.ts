import type { Plan } from '../engine/model';

/** Options of {@link renderJson}. */
export interface JsonRenderOptions {
  /** Indent with two spaces. @default true */
  readonly pretty?: boolean;
}

/**
 * Renders a plan as JSON for policy tools: the Plan itself (`src/engine/model.ts`), unchanged, with
 * its keys in model order. Shape (format version 1):
 *
 * ```
 * { formatVersion: 1, tool: "cdktf-ses-tenants",
 *   summary: { create, update, delete, unchanged, drifted, unmanaged },
 *   stacks: [ { target: { formatVersion, stack, region, account, partition, tenantQuota, profile?, assumeRoleArn? },
 *               liveFingerprint, liveTenantHashes: { [tenant]: hash },
 *               changes: [ { tenant, action: "create"|"update"|"delete", origin?: "code"|"drift", tenantId?,
 *                            changes: [ FieldChange ], spec?: TenantSpec, reason?, specHash?: { from, to } } ],
 *               unchanged, unmanaged: [ { tenant, tenantId, managedBy? } ] } ] }
 * ```
 * FieldChange is one of `{kind:"association", op:"add"|"remove", resource:{type,name,arn}}`,
 * `{kind:"reputation-policy", from, to}`, `{kind:"sending-status", from, to}`, `{kind:"tag", key, from, to}`
 * (null = absent), `{kind:"suppression", from, to}` and `{kind:"adopt", managedBy}`.
 * The same plan always gives the same bytes.
 */
export function renderJson(plan: Plan, opts: JsonRenderOptions = {}): string {
  const body = { formatVersion: plan.formatVersion, tool: plan.tool, summary: plan.summary, stacks: plan.stacks };
  return `${JSON.stringify(body, null, opts.pretty === false ? undefined : 2)}\n`;
}
