import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { RUNTIME_STACK, TenantOnboarding, type EnsureManyResult } from '../../runtime';
import { SpecValidationError } from '../../tenant-spec/violation';
import { validateTenantSpec } from '../../tenant-spec/validate-tenant';
import type { TenantSpec } from '../../tenant-spec/tenant-spec';
import { progress } from '../progress';
import { EXIT, positiveInt, positiveNumber } from './common';

/** Options of `ses-tenants onboard`. */
export interface OnboardOptions {
  /** JSON or YAML file: an array of tenant specs (or `{ tenants: [...] }`). */
  readonly file: string;
  /** The application's identity (marker `<owner>/<stack>`). */
  readonly owner: string;
  /** Region of the tenants. */
  readonly region?: string;
  /** Stack part of the marker. */
  readonly stack: string;
  /** Account the tenants must be in. */
  readonly account?: string;
  /** SES v2 endpoint. */
  readonly endpoint?: string;
  /** Tenants ensured at once. */
  readonly concurrency: number;
  /** Most SES requests per second. */
  readonly maxRps?: number;
  /** Plan only. */
  readonly dryRun?: boolean;
  /** Output format. */
  readonly format: 'text' | 'json';
}

/**
 * The tenant specs of a backfill file, each validated against the tenant spec (the zod schema
 * `schema/tenant-spec.schema.json` is generated from), every problem reported at once.
 */
export function readTenantFile(file: string): TenantSpec[] {
  const text = fs.readFileSync(file, 'utf8');
  const doc: unknown = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  const entries = Array.isArray(doc) ? doc : (doc as { tenants?: unknown } | null)?.tenants;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an array of tenant specs, or an object with a "tenants" array`);
  const where = path.basename(file);
  const violations = entries.flatMap((entry, i) => validateTenantSpec(entry, `${where}[${i}]`));
  if (violations.length > 0) throw new SpecValidationError(violations, `Invalid tenant file ${where}`);
  return entries as TenantSpec[];
}

function summary(result: EnsureManyResult, dryRun: boolean): string {
  const { created, updated, unchanged, failed } = result.counts;
  const verbs = dryRun ? ['to create', 'to update'] : ['created', 'updated'];
  const lines = [`${dryRun ? 'Dry run: ' : ''}${created} ${verbs[0]}, ${updated} ${verbs[1]}, ${unchanged} unchanged, ${failed} failed.`];
  for (const f of result.failures) lines.push(`  failed: ${f.tenantName}: ${f.error.message}`);
  return `${lines.join('\n')}\n`;
}

/** `ses-tenants onboard`: ensure the tenants of a file as the runtime API does (a backfill). */
export function onboardCommand(program: Command): Command {
  return program
    .command('onboard')
    .description('ensure the tenants of a JSON or YAML file with the runtime onboarding API (owner/runtime marker); exit 0 done, 1 failures, 2 changes with --dry-run')
    .requiredOption('--file <file>', 'tenants.json or tenants.yaml: an array of tenant specs (schema/tenant-spec.schema.json)')
    .requiredOption('--owner <name>', "the application's identity; tenants are marked OWNER/STACK")
    .option('--region <region>', 'region of the tenants (default: AWS_REGION)')
    .option('--stack <name>', 'stack part of the marker', RUNTIME_STACK)
    .option('--account <id>', 'refuse credentials of another account')
    .option('--endpoint <url>', 'SES v2 endpoint, such as a local emulator (default: AWS_ENDPOINT_URL_SESV2, then AWS)')
    .option('--concurrency <n>', 'tenants ensured at once', positiveInt, 8)
    .option('--max-rps <n>', "most SES requests per second (just under the account's rate limit)", positiveNumber)
    .option('--dry-run', 'plan only: print what would change, write nothing')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: OnboardOptions) => {
      const specs = readTenantFile(opts.file);
      const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
      if (!region) throw new Error('no region: pass --region or set AWS_REGION');
      const onboarding = new TenantOnboarding({ owner: opts.owner, region, stack: opts.stack, account: opts.account, endpoint: opts.endpoint, maxRps: opts.maxRps });
      const bar = progress(opts.dryRun ? 'Planning' : 'Onboarding');
      try {
        const result = await onboarding.ensureMany(specs, { concurrency: opts.concurrency, dryRun: opts.dryRun, onProgress: (e) => bar.update(e.done, e.total) });
        bar.stop();
        const out =
          opts.format === 'json'
            ? `${JSON.stringify({ counts: result.counts, results: result.results.map(({ plan: _plan, ...r }) => r), failures: result.failures.map((f) => ({ tenantName: f.tenantName, error: f.error.message })) }, null, 2)}\n`
            : summary(result, opts.dryRun === true);
        fs.writeSync(1, out);
        const changes = result.counts.created + result.counts.updated > 0;
        process.exitCode = result.counts.failed > 0 ? EXIT.error : opts.dryRun && changes ? EXIT.changes : EXIT.ok;
      } finally {
        bar.stop();
        onboarding.close();
      }
    });
}
