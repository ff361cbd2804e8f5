import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import {
  REPUTATION_POLICIES,
  SENDING_STATUSES,
  resourceRefSchema,
  stackTargetSchema,
  suppressionSchema,
  tenantNameSchema,
  tenantSpecSchema,
} from '../spec/tenant-spec';
import { PlanFileError } from './errors';
import { PLAN_FORMAT_VERSION, type Plan } from './model';

const liveStatus = z.enum(['ENABLED', 'DISABLED', 'REINSTATED']);
const policy = z.enum(REPUTATION_POLICIES);

const fieldChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('association'), op: z.enum(['add', 'remove']), resource: resourceRefSchema }).strict(),
  z.object({ kind: z.literal('reputation-policy'), from: policy.nullable(), to: policy }).strict(),
  z.object({ kind: z.literal('sending-status'), from: liveStatus.nullable(), to: z.enum(SENDING_STATUSES) }).strict(),
  z.object({ kind: z.literal('tag'), key: z.string(), from: z.string().nullable(), to: z.string().nullable() }).strict(),
  z.object({ kind: z.literal('suppression'), from: suppressionSchema.nullable(), to: suppressionSchema.nullable() }).strict(),
  z.object({ kind: z.literal('adopt'), managedBy: z.string().nullable() }).strict(),
]);

const tenantChangeSchema = z
  .object({
    tenant: tenantNameSchema,
    action: z.enum(['create', 'update', 'delete', 'no-op']),
    origin: z.enum(['code', 'drift']).optional(),
    tenantId: z.string().optional(),
    changes: z.array(fieldChangeSchema),
    spec: tenantSpecSchema.optional(),
    reason: z.string().optional(),
    specHash: z.object({ from: z.string().nullable(), to: z.string() }).strict().optional(),
  })
  .strict()
  .refine((c) => c.action === 'delete' || c.action === 'no-op' || c.spec !== undefined, { message: 'create and update need the spec' })
  .refine((c) => c.action === 'create' || c.tenantId !== undefined, { message: 'update and delete need the TenantId' });

/** The plan file schema: validates a plan read back from disk. */
export const planSchema = z
  .object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    tool: z.literal('cdktf-ses-tenants'),
    stacks: z.array(
      z
        .object({
          target: stackTargetSchema,
          liveFingerprint: z.string(),
          liveTenantHashes: z.record(z.string(), z.string()),
          changes: z.array(tenantChangeSchema),
          unchanged: z.number().int().nonnegative(),
          unmanaged: z.array(
            z.object({ tenant: z.string(), tenantId: z.string(), managedBy: z.string().optional() }).strict(),
          ),
          pausedBySes: z.array(z.string()).optional(),
        })
        .strict(),
    ),
    summary: z
      .object({
        create: z.number().int().nonnegative(),
        update: z.number().int().nonnegative(),
        delete: z.number().int().nonnegative(),
        unchanged: z.number().int().nonnegative(),
        drifted: z.number().int().nonnegative(),
        unmanaged: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();

/** Serializes a plan for a plan file: JSON of the plan only (it never holds credentials), one trailing newline. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan)}\n`;
}

/** Parses and validates plan file text; `source` names the file in errors. */
export function parsePlan(text: string, source = 'plan file'): Plan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PlanFileError(`${source} is not a complete plan file (truncated or corrupt JSON: ${(err as Error).message}); run plan again`);
  }
  const header = (json ?? {}) as { tool?: unknown; formatVersion?: unknown };
  if (typeof json !== 'object' || json === null || header.tool !== 'cdktf-ses-tenants') {
    throw new PlanFileError(`${source} is not a cdktf-ses-tenants plan file`);
  }
  if (header.formatVersion !== PLAN_FORMAT_VERSION) {
    throw new PlanFileError(
      `${source} has plan format version ${JSON.stringify(header.formatVersion)}, this tool reads version ${PLAN_FORMAT_VERSION}; run plan again with this version of the tool`,
    );
  }
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PlanFileError(`${source} is not a valid plan file at ${issue.path.join('.') || '(root)'}: ${issue.message}; run plan again`);
  }
  return parsed.data as Plan;
}

/** Writes a plan file atomically (a temporary file renamed into place). */
export function writePlanFile(file: string, plan: Plan): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new PlanFileError(`cannot write plan file ${file}: directory ${dir} does not exist`);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, serializePlan(plan), { mode: 0o644 });
  fs.renameSync(tmp, file);
}

/** Reads and validates a plan file; throws PlanFileError with a clear message when it cannot be used. */
export function readPlanFile(file: string): Plan {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PlanFileError(`cannot read plan file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parsePlan(text, file);
}
