import * as fs from 'fs';
import { unescapeTemplateStrings } from '../tenant-spec/terraform-template';
import * as path from 'path';
import { sesResourceArn } from '../tenant-spec/arn';
import { SYNTH_NAMES } from '../tenant-spec/synth-names';
import { canonicalTenantSpec } from '../tenant-spec/canonical';
import { stackTargetSchema, type StackTarget, type TenantSpec } from '../tenant-spec/tenant-spec';
import { validateStackRules } from '../tenant-spec/validate-stack';
import { validateTenantSpec } from '../tenant-spec/validate-tenant';
import { SpecValidationError, type SpecViolation } from '../tenant-spec/violation';
import { DesiredStateError } from './errors';
import { regionKey } from './model';
import type { DesiredStack } from './model';

/** The desired-state format version this engine reads (`locals.ses_tenants_stack.formatVersion`). */
export const DESIRED_FORMAT_VERSION = 1;

/** Options of {@link readDesiredState}. */
export interface ReadDesiredOptions {
  /** Stacks to read, by name. @default - every stack of the manifest */
  readonly stacks?: readonly string[];
}

interface Manifest {
  readonly stacks?: Record<string, { readonly synthesizedStackPath?: string }>;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DesiredStateError(`cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; run "npx cdktf synth" first`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DesiredStateError(`${what} ${file} is not valid JSON (${(err as Error).message}); synth again`);
  }
}

/** Every stack name listed in a synth output's manifest.json, sorted. */
export function listSynthStacks(outDir: string): string[] {
  const manifest = readJson(path.join(outDir, 'manifest.json'), 'manifest') as Manifest;
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.stacks !== 'object' || manifest.stacks === null) {
    throw new DesiredStateError(`${path.join(outDir, 'manifest.json')} lists no stacks; is this a cdktf synth output?`);
  }
  return Object.keys(manifest.stacks).sort();
}

/** A token ARN (`${aws_sesv2_email_identity.x.arn}`) is Terraform's to resolve; SES ARNs are known from the target. */
function resolveArn(target: StackTarget, spec: TenantSpec): TenantSpec {
  if (!spec.resources.some((r) => r.arn.includes('${'))) return spec;
  return {
    ...spec,
    resources: spec.resources.map((r) => (r.arn.includes('${') && !r.name.includes('${') ? { ...r, arn: sesResourceArn(target, r.type, r.name) } : r)),
  };
}

/**
 * The desired state of one synthesized stack from its `cdk.tf.json` document; validated with the
 * spec schemas and the stack rules, so bad input fails here, before any API call.
 * @param source names the stack or file in errors
 */
export function desiredFromStackJson(json: unknown, source = 'stack'): DesiredStack {
  // Terraform reads `$${` as a literal `${`: strings in the locals were escaped at synth.
  const locals = unescapeTemplateStrings((json as { locals?: Record<string, unknown> } | null)?.locals);
  const rawTarget = locals?.[SYNTH_NAMES.targetLocal] as Record<string, unknown> | undefined;
  const rawTenants = locals?.[SYNTH_NAMES.tenantsLocal];
  if (rawTarget === undefined || rawTenants === undefined) {
    throw new DesiredStateError(
      `${source} has no locals.${SYNTH_NAMES.targetLocal} and locals.${SYNTH_NAMES.tenantsLocal}: it is not a TenantStack ` +
        'synthesized by cdktf-ses-tenants (select tenant stacks only, or synth again)',
    );
  }
  if (typeof rawTarget !== 'object' || rawTarget === null || rawTarget.formatVersion !== DESIRED_FORMAT_VERSION) {
    const got = typeof rawTarget === 'object' && rawTarget !== null ? JSON.stringify(rawTarget.formatVersion ?? null) : 'none';
    throw new DesiredStateError(
      `${source} was synthesized in desired-state format version ${got}; this tool reads version ${DESIRED_FORMAT_VERSION}. ` +
        'Synth again with the same version of cdktf-ses-tenants as the one that plans',
    );
  }
  const target = stackTargetSchema.safeParse(rawTarget);
  if (!target.success) {
    const violations: SpecViolation[] = target.error.issues.map((i) => ({ path: source, tenant: '(all)', field: `stack.${i.path.join('.')}`, rule: i.message }));
    throw new SpecValidationError(violations, `Invalid desired state in ${source}`);
  }
  if (typeof rawTenants !== 'object' || rawTenants === null || Array.isArray(rawTenants)) {
    throw new DesiredStateError(`${source}: locals.${SYNTH_NAMES.tenantsLocal} must be a map of tenant specs keyed by tenant name`);
  }
  const stack = target.data.stack;
  const violations: SpecViolation[] = [];
  const specs: TenantSpec[] = [];
  for (const [key, raw] of Object.entries(rawTenants as Record<string, unknown>)) {
    const where = `${stack}/${key}`;
    const problems = validateTenantSpec(raw, where);
    if (problems.length > 0) {
      violations.push(...problems);
      continue;
    }
    const spec = raw as TenantSpec;
    if (spec.name !== key) {
      violations.push({ path: where, tenant: key, field: 'name', rule: `must equal its key "${key}" in locals.${SYNTH_NAMES.tenantsLocal}`, value: spec.name });
      continue;
    }
    specs.push(canonicalTenantSpec(resolveArn(target.data, spec)));
  }
  // allowIncompleteSending is not part of the synthesized spec: the stack enforced that rule at synth.
  violations.push(...validateStackRules({ target: target.data, tenants: specs.map((spec) => ({ spec, path: `${stack}/${spec.name}`, allowIncompleteSending: true })) }));
  if (violations.length > 0) throw new SpecValidationError(violations, `Invalid desired state in ${source}`);
  const tenants: Record<string, TenantSpec> = {};
  for (const spec of specs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) tenants[spec.name] = spec;
  return { target: target.data, tenants };
}

/** Rejects a tenant name declared by two stacks of the same region and account. */
export function checkCrossStackNames(stacks: readonly DesiredStack[]): void {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const stack of stacks) {
    for (const name of Object.keys(stack.tenants)) {
      const key = `${regionKey(stack.target)}/${name}`;
      const other = seen.get(key);
      if (other !== undefined) {
        clashes.push(`tenant "${name}" is declared by stacks ${other} and ${stack.target.stack}, both in ${stack.target.region}/${stack.target.account}`);
      } else seen.set(key, stack.target.stack);
    }
  }
  if (clashes.length > 0) {
    throw new DesiredStateError(`${clashes.join('; ')}. Tenant names are unique per region and account: declare each tenant in one stack`);
  }
}

/**
 * Reads the desired state of a synth output directory (`cdktf.out`): manifest.json, then each
 * selected stack's cdk.tf.json and its two locals. Returns the stacks sorted by name.
 */
export function readDesiredState(outDir: string, opts: ReadDesiredOptions = {}): DesiredStack[] {
  const all = listSynthStacks(outDir);
  const manifest = readJson(path.join(outDir, 'manifest.json'), 'manifest') as Manifest;
  const wanted = opts.stacks ? [...new Set(opts.stacks)].sort() : all;
  const unknown = wanted.filter((s) => !all.includes(s));
  if (unknown.length > 0) {
    throw new DesiredStateError(`no stack named ${unknown.map((s) => `"${s}"`).join(', ')} in ${outDir}; the app has ${all.join(', ') || 'no stacks'}`);
  }
  const stacks = wanted.map((name) => {
    const rel = manifest.stacks?.[name]?.synthesizedStackPath ?? path.join('stacks', name, 'cdk.tf.json');
    const file = path.join(outDir, rel);
    const desired = desiredFromStackJson(readJson(file, `stack ${name}`), `stack ${name} (${file})`);
    if (desired.target.stack !== name) {
      throw new DesiredStateError(`${file} says it is stack "${desired.target.stack}" but the manifest lists it as "${name}"; synth again`);
    }
    return desired;
  });
  checkCrossStackNames(stacks);
  return stacks;
}
