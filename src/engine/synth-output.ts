import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { canonicalTenant, type CanonicalTenant } from '../tenant-spec/canonical';
import { compareStrings } from '../tenant-spec/compare';
import { NATIVE_SYNTH_NAMES, SYNTH_NAMES } from '../tenant-spec/synth-names';
import { unescapeTemplateStrings } from '../tenant-spec/terraform-template';
import { stackTargetSchema, type StackTarget, type TenantSpec } from '../tenant-spec/tenant-spec';
import { validateStackRules } from '../tenant-spec/validate-stack';
import { validateTenantSpec } from '../tenant-spec/validate-tenant';
import { SpecValidationError, type SpecViolation } from '../tenant-spec/violation';
import { DesiredStateError } from './errors';
import { checkCrossStackNames, type DesiredStack } from './model';

/**
 * The synth output (`cdktf.out`), read in one place: stack files found through the manifest, each
 * stack document parsed with the schema below, its target validated once, each tenant made
 * canonical once. The desired-state reader and the demo's native stand-in both read it here.
 */

/** The desired-state format version this engine reads (`locals.ses_tenants_stack.formatVersion`). */
export const DESIRED_FORMAT_VERSION = 2;

/** `manifest.json` of a synth output: the stacks and where each one's document is. */
const manifestSchema = z.looseObject({
  stacks: z.record(z.string(), z.looseObject({ synthesizedStackPath: z.string().optional() })),
});

/** The native resources a stack creates, as its for_each locals hold them. */
const nativeLocalsSchema = {
  [NATIVE_SYNTH_NAMES.configurationSets]: z.record(z.string(), z.unknown()).optional(),
  [NATIVE_SYNTH_NAMES.identities]: z.record(z.string(), z.looseObject({ configuration_set_name: z.string().nullable().optional() })).optional(),
  [NATIVE_SYNTH_NAMES.templates]: z
    .record(z.string(), z.looseObject({ subject: z.string().optional(), html: z.string().nullable().optional(), text: z.string().nullable().optional() }))
    .optional(),
};

/**
 * A synthesized stack document (`cdk.tf.json`) as this project reads it: `locals.ses_tenants_stack`
 * (the target; its format version is checked before its fields, for a precise message),
 * `locals.ses_tenants` (tenant specs keyed by name; each validated with the spec's own rules) and
 * the native-resource locals. Everything else in the document is Terraform's.
 */
export const stackDocumentSchema = z.looseObject({
  locals: z.looseObject({
    [SYNTH_NAMES.targetLocal]: z.looseObject({ formatVersion: z.unknown() }),
    [SYNTH_NAMES.tenantsLocal]: z.record(z.string(), z.unknown()),
    ...nativeLocalsSchema,
  }),
});

/** The native resources a stack creates (identity → default configuration set; template → content). */
export interface NativeResourcesOf {
  /** Configuration set names. */
  readonly configurationSets: readonly string[];
  /** Identities and their default configuration set. */
  readonly identities: Readonly<Record<string, string | undefined>>;
  /** Templates and their content. */
  readonly templates: Readonly<Record<string, { readonly subject?: string; readonly html?: string; readonly text?: string }>>;
}

/** One synthesized stack, read: its desired state and the native resources it creates. */
export interface SynthStack extends DesiredStack {
  /** The identities, configuration sets and templates of its for_each blocks. */
  readonly native: NativeResourcesOf;
}

/** Options of {@link readSynthOutput}. */
export interface ReadDesiredOptions {
  /** Stacks to read, by name. @default - every stack of the manifest */
  readonly stacks?: readonly string[];
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

function readManifest(outDir: string): z.infer<typeof manifestSchema> {
  const file = path.join(outDir, 'manifest.json');
  const manifest = manifestSchema.safeParse(readJson(file, 'manifest'));
  if (!manifest.success) throw new DesiredStateError(`${file} lists no stacks; is this a cdktf synth output?`);
  return manifest.data;
}

/** Every stack name listed in a synth output's manifest.json, sorted. */
export function listSynthStacks(outDir: string): string[] {
  return Object.keys(readManifest(outDir).stacks).sort();
}

function byName<T extends { name: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of [...items].sort((a, b) => compareStrings(a.name, b.name))) out[item.name] = item;
  return out;
}

/** The target of a stack's locals: format version first, then the target schema. */
function targetOf(raw: { formatVersion: unknown }, source: string): StackTarget {
  if (raw.formatVersion !== DESIRED_FORMAT_VERSION) {
    throw new DesiredStateError(
      `${source} was synthesized in desired-state format version ${JSON.stringify(raw.formatVersion ?? null)}; this tool reads version ${DESIRED_FORMAT_VERSION}. ` +
        'Synth again with the same version of cdktf-ses-tenants as the one that plans',
    );
  }
  const target = stackTargetSchema.safeParse(raw);
  if (!target.success) {
    const violations: SpecViolation[] = target.error.issues.map((i) => ({ path: source, tenant: '(all)', field: `stack.${i.path.join('.')}`, rule: i.message }));
    throw new SpecValidationError(violations, `Invalid desired state in ${source}`);
  }
  return target.data;
}

/** Why the document does not parse, in the terms of what it should be (checked in the order that helps most). */
function documentProblem(json: unknown, source: string): Error {
  const locals = (json as { locals?: Record<string, unknown> } | null)?.locals;
  if (locals?.[SYNTH_NAMES.targetLocal] === undefined || locals?.[SYNTH_NAMES.tenantsLocal] === undefined) {
    return new DesiredStateError(
      `${source} has no locals.${SYNTH_NAMES.targetLocal} and locals.${SYNTH_NAMES.tenantsLocal}: it is not a TenantStack ` +
        'synthesized by cdktf-ses-tenants (select tenant stacks only, or synth again)',
    );
  }
  const target = locals[SYNTH_NAMES.targetLocal];
  if (typeof target !== 'object' || target === null || Array.isArray(target)) {
    return new DesiredStateError(
      `${source} was synthesized in desired-state format version none; this tool reads version ${DESIRED_FORMAT_VERSION}. ` +
        'Synth again with the same version of cdktf-ses-tenants as the one that plans',
    );
  }
  try {
    targetOf(target as { formatVersion: unknown }, source);
  } catch (err) {
    return err as Error;
  }
  const tenants = locals[SYNTH_NAMES.tenantsLocal];
  if (typeof tenants !== 'object' || tenants === null || Array.isArray(tenants)) {
    return new DesiredStateError(`${source}: locals.${SYNTH_NAMES.tenantsLocal} must be a map of tenant specs keyed by tenant name`);
  }
  return new DesiredStateError(`${source}: the native-resource locals are not what cdktf-ses-tenants synthesizes; synth again`);
}

/**
 * One synthesized stack from its `cdk.tf.json` document, validated with the spec schemas and the
 * stack rules, so bad input fails here, before any API call. Each tenant is made canonical once.
 * @param source names the stack or file in errors
 */
export function readSynthStack(json: unknown, source = 'stack'): SynthStack {
  // Terraform reads `$${` as a literal `${`: strings in the locals were escaped at synth.
  const unescaped = json !== null && typeof json === 'object' ? { ...json, locals: unescapeTemplateStrings((json as { locals?: unknown }).locals) } : json;
  const doc = stackDocumentSchema.safeParse(unescaped);
  if (!doc.success) {
    // The target's format version is checked before the tenants map, for the message that helps.
    throw documentProblem(unescaped, source);
  }
  const locals = doc.data.locals;
  const target = targetOf(locals[SYNTH_NAMES.targetLocal], source);
  const violations: SpecViolation[] = [];
  const specs: CanonicalTenant[] = [];
  for (const [key, raw] of Object.entries(locals[SYNTH_NAMES.tenantsLocal])) {
    const where = `${target.stack}/${key}`;
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
    specs.push(canonicalTenant(spec));
  }
  // allowIncompleteSending is not part of the synthesized spec: the stack enforced that rule at synth.
  violations.push(...validateStackRules({ target, tenants: specs.map((spec) => ({ spec, path: `${target.stack}/${spec.name}`, allowIncompleteSending: true })) }));
  if (violations.length > 0) throw new SpecValidationError(violations, `Invalid desired state in ${source}`);
  const identities = locals[NATIVE_SYNTH_NAMES.identities] ?? {};
  const templates = locals[NATIVE_SYNTH_NAMES.templates] ?? {};
  return {
    target,
    tenants: byName(specs),
    native: {
      configurationSets: Object.keys(locals[NATIVE_SYNTH_NAMES.configurationSets] ?? {}).sort(),
      identities: Object.fromEntries(Object.entries(identities).map(([k, v]) => [k, v.configuration_set_name ?? undefined])),
      templates: Object.fromEntries(
        Object.entries(templates).map(([k, t]) => [k, { subject: t.subject, html: t.html ?? undefined, text: t.text ?? undefined }]),
      ),
    },
  };
}

/** The desired state of one synthesized stack from its `cdk.tf.json` document (see {@link readSynthStack}). */
export function desiredFromStackJson(json: unknown, source = 'stack'): DesiredStack {
  const { target, tenants } = readSynthStack(json, source);
  return { target, tenants };
}

/**
 * Reads a synth output directory (`cdktf.out`): manifest.json, then each selected stack's
 * document where the manifest says it is. Returns the stacks sorted by name, after the one
 * cross-stack name check.
 */
export function readSynthOutput(outDir: string, opts: ReadDesiredOptions = {}): SynthStack[] {
  const manifest = readManifest(outDir);
  const all = Object.keys(manifest.stacks).sort();
  const wanted = opts.stacks ? [...new Set(opts.stacks)].sort() : all;
  const unknown = wanted.filter((s) => !all.includes(s));
  if (unknown.length > 0) {
    throw new DesiredStateError(`no stack named ${unknown.map((s) => `"${s}"`).join(', ')} in ${outDir}; the app has ${all.join(', ') || 'no stacks'}`);
  }
  const stacks = wanted.map((name) => {
    const file = path.join(outDir, manifest.stacks[name].synthesizedStackPath ?? path.join('stacks', name, 'cdk.tf.json'));
    const stack = readSynthStack(readJson(file, `stack ${name}`), `stack ${name} (${file})`);
    if (stack.target.stack !== name) {
      throw new DesiredStateError(`${file} says it is stack "${stack.target.stack}" but the manifest lists it as "${name}"; synth again`);
    }
    return stack;
  });
  checkCrossStackNames(stacks);
  return stacks;
}

/** The desired state of a synth output directory: {@link readSynthOutput} without the native resources. */
export function readDesiredState(outDir: string, opts: ReadDesiredOptions = {}): DesiredStack[] {
  return readSynthOutput(outDir, opts).map(({ target, tenants }) => ({ target, tenants }));
}
