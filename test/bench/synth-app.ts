import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { REPUTATION_POLICIES } from '../../src/tenant-spec';
import { SesTenant, TenantStack } from '../../src';
import type { TenantStackBackend } from '../../src';

/** Region and account of the benchmark stack. */
export const SYNTH_BENCH_TARGET = { stack: 'ses-tenants-bench', region: 'eu-central-1', accountId: '123456789012' } as const;

/**
 * An app with one TenantStack of `n` tenants in one region: each tenant has its own domain
 * identity created by the stack, all share one configuration set, a tenth have a template of
 * their own, policies rotate through standard/strict/none, every tenant has 3 tags.
 */
export function buildSynthBenchApp(outdir: string, n: number, backend?: TenantStackBackend): { app: App; stack: TenantStack } {
  const app = new App({ outdir });
  const stack = new TenantStack(app, SYNTH_BENCH_TARGET.stack, {
    owner: 'ses-tenants-bench',
    region: SYNTH_BENCH_TARGET.region,
    accountId: SYNTH_BENCH_TARGET.accountId,
    tenantQuota: Math.max(n, 10_000),
    backend,
  });
  const shared = stack.configurationSet('shared-transactional');
  for (let i = 0; i < n; i++) {
    const name = `tenant-${String(i).padStart(5, '0')}`;
    new SesTenant(stack, name, {
      tenantName: name,
      emailIdentities: [stack.emailIdentity(`${name}.example.com`, { defaultConfigurationSet: shared })],
      configurationSets: [shared],
      templates: i % 10 === 0 ? [stack.emailTemplate(`${name}-welcome`, { subject: `Welcome to ${name}, {{user}}`, text: 'Hello {{user}}' })] : [],
      reputationPolicy: REPUTATION_POLICIES[i % REPUTATION_POLICIES.length],
      tags: { team: `team-${i % 37}`, 'cost-center': `cc-${i % 101}`, plan: i % 3 === 0 ? 'enterprise' : 'standard' },
    });
  }
  return { app, stack };
}

/** Synthesizes `n` tenants into `outdir` and reports wall time, peak RSS and JSON size. */
export function runSynthBench(outdir: string, n: number, backend?: TenantStackBackend): { tenants: number; constructMs: number; synthMs: number; totalMs: number; peakRssMb: number; jsonBytes: number } {
  const start = process.hrtime.bigint();
  const { app } = buildSynthBenchApp(outdir, n, backend);
  const built = process.hrtime.bigint();
  app.synth();
  const done = process.hrtime.bigint();
  const file = path.join(outdir, 'stacks', SYNTH_BENCH_TARGET.stack, 'cdk.tf.json');
  return {
    tenants: n,
    constructMs: Number(built - start) / 1e6,
    synthMs: Number(done - built) / 1e6,
    totalMs: Number(done - start) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    jsonBytes: fs.statSync(file).size,
  };
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 10_000);
  const outdir = process.argv[3] ?? fs.mkdtempSync(path.join(require('os').tmpdir(), 'synth-bench-'));
  const backend = process.argv[4] as TenantStackBackend | undefined;
  process.stdout.write(`${JSON.stringify({ backend: backend ?? 'default', ...runSynthBench(outdir, n, backend) })}\n`);
}
