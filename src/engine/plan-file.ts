import * as fs from 'fs';
import * as path from 'path';
import { PlanFileError } from './errors';
import { PLAN_FORMAT_VERSION, planSchema, type Plan } from './model';

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
  return parsed.data;
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
