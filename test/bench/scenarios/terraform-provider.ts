import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SES_DEFAULT_POLICY } from '../../../src/engine';
import { runTerraform } from '../../support/terraform';
import { emulatorTerraformEnv, installProviderFile } from '../../provider/install-provider';
import { ENGINE_FAULTS, PACED_RPS } from '../support/engine-run';
import { BENCH_CREDENTIALS, acceptedCalls, benchClient, createSendingResources, repositoryRoot, startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { FLEET_TARGET, SHARED_CONFIGURATION_SET, fleetDesired, fleetIdentity, fleetTenant, initialApplyFloorCalls, pagesOf } from '../support/fleet';
import { median, timeNode } from '../support/process-timing';
import { providerStartups } from '../support/provider-startup';
import { argN, peakMb, runScenario, secondsSince } from '../support/result';

// The sestenants provider under the real terraform against the emulator (5 ms latency, 200
// requests/s, the provider paced just under it with max_rps): N tenants with 2 associations each
// (the engine fleet), initial apply, no-op plan, one tag changed on one tenant. Floors, measured in
// the same run: Terraform alone (N terraform_data resource blocks without provisioners, apply
// and plan; also as one block with count, for information) and the engine's SES calls for the same work (initialApplyFloorCalls; a no-op read is
// GetTenant + ListTenantResources per tenant plus the list pages; a change adds its one write).
// Then the 200-tenant workload of the hooks scenario, and the provider's start-up. One more
// floor: Terraform with a trivial external provider (test/bench/support/trivial-tenant-provider.ts:
// our protocol and framework code with the same schemas, no SES, no checks), the same N instances,
// apply, no-op plan and the one-field change: Terraform's own cost per instance with any provider
// process, which terraform_data (built into Terraform) does not pay.

const PROVIDER_BUNDLE = path.join(repositoryRoot(), 'dist', 'terraform-provider-sestenants.js');

function tenantBlocks(n: number, changed = -1): Record<string, unknown> {
  const blocks: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const t = fleetTenant(i);
    blocks[t.name] = {
      name: t.name,
      resource_associations: t.resources.map((r) => r.arn),
      reputation_policy: t.reputationPolicy,
      sending_status: t.sendingStatus,
      tags: i === changed ? { ...t.tags, team: 'changed' } : t.tags,
      ...(t.suppression ? { suppression: { scope: t.suppression.scope, reasons: [...t.suppression.reasons] } } : {}),
    };
  }
  return blocks;
}

function writeProviderConfig(dir: string, url: string, n: number, changed = -1): void {
  const config = {
    terraform: { required_providers: { sestenants: { source: 'cdktf-ses-tenants/sestenants', version: '0.1.0' } } },
    provider: {
      // owner and stack are required since ownership markers (issue 9): no default could be safe.
      sestenants: { owner: 'bench', stack: 'terraform-provider', region: FLEET_TARGET.region, account_id: FLEET_TARGET.account, max_rps: PACED_RPS, endpoints: { sesv2: url } },
    },
    resource: { sestenants_tenant: tenantBlocks(n, changed) },
  };
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(config));
}

interface Timed {
  readonly s: number;
  readonly calls: number;
  readonly throttled: number;
  readonly stdout: string;
}

async function timedTerraform(dir: string, args: string[], env: NodeJS.ProcessEnv, emulator?: EmulatorProcess): Promise<Timed> {
  await emulator?.admin.resetStats();
  const start = performance.now();
  const out = runTerraform(dir, [...args, '-no-color', '-input=false'], { env, allowFailure: args.includes('-detailed-exitcode') });
  const s = secondsSince(start);
  const stats = emulator ? await emulator.admin.stats() : undefined;
  return { s, calls: stats ? acceptedCalls(stats) : 0, throttled: stats?.throttled ?? 0, stdout: out.stdout };
}

/** Lines terraform plan prints for one resource instance (from its `#` header to its closing brace). */
function planLinesOf(stdout: string, address: string): number {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith(`# ${address} `));
  if (start < 0) return 0;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('    }'));
  return end < 0 ? lines.length - start : end - start + 1;
}

async function providerWorkload(root: string, name: string, n: number): Promise<{ apply: Timed; plan: Timed; change: Timed; planLines: number; changePlan: string }> {
  const emulator = await startEmulatorProcess(['--tenant-quota', String(Math.max(n, 10_000))]);
  try {
    const client = benchClient(emulator.url, FLEET_TARGET.region);
    await createSendingResources(client, Array.from({ length: n }, (_, i) => fleetIdentity(i)), [SHARED_CONFIGURATION_SET]);
    client.destroy();
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    const env = { ...emulatorTerraformEnv(dir), AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey };
    installProviderFile(dir, PROVIDER_BUNDLE, { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
    writeProviderConfig(dir, emulator.url, n);
    runTerraform(dir, ['init', '-input=false', '-no-color'], { env });
    await emulator.admin.setFaults(ENGINE_FAULTS);
    const apply = await timedTerraform(dir, ['apply', '-auto-approve'], env, emulator);
    const plan = await timedTerraform(dir, ['plan', '-detailed-exitcode'], env, emulator);
    writeProviderConfig(dir, emulator.url, n, 0);
    const changePlan = runTerraform(dir, ['plan', '-no-color', '-input=false'], { env }).stdout;
    const change = await timedTerraform(dir, ['apply', '-auto-approve'], env, emulator);
    return { apply, plan, change, planLines: planLinesOf(changePlan, `sestenants_tenant.${fleetTenant(0).name}`), changePlan };
  } finally {
    await emulator.stop();
  }
}

/** The same workload against the trivial provider (no emulator: it makes no calls). */
async function trivialProviderWorkload(root: string, n: number): Promise<{ applyS: number; planS: number; changeS: number }> {
  const dir = path.join(root, 'trivial-provider');
  fs.mkdirSync(dir);
  const bundle = path.join(root, 'terraform-provider-trivial.js');
  await esbuild.build({
    entryPoints: [path.join(repositoryRoot(), 'test', 'bench', 'support', 'trivial-tenant-provider.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  const env = emulatorTerraformEnv(dir);
  installProviderFile(dir, bundle, { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
  const unused = 'http://127.0.0.1:9';
  writeProviderConfig(dir, unused, n);
  runTerraform(dir, ['init', '-input=false', '-no-color'], { env });
  const apply = await timedTerraform(dir, ['apply', '-auto-approve'], env);
  const plan = await timedTerraform(dir, ['plan', '-detailed-exitcode'], env);
  writeProviderConfig(dir, unused, n, 0);
  const change = await timedTerraform(dir, ['apply', '-auto-approve'], env);
  return { applyS: apply.s, planS: plan.s, changeS: change.s };
}

// N terraform_data instances, `instance`: as N resource blocks (the provider workload's shape, and
// cdktf's: one block per tenant) or as one block with `count` (Terraform's graph is smaller: ~3×
// cheaper to apply at 1,000 here).
async function terraformAlone(root: string, n: number, shape: 'blocks' | 'count'): Promise<{ applyS: number; planS: number }> {
  const dir = path.join(root, `floor-${shape}`);
  fs.mkdirSync(dir);
  const blocks = shape === 'count' ? { floor: { count: n, input: 'x' } } : Object.fromEntries(Array.from({ length: n }, (_, i) => [fleetTenant(i).name, { input: 'x' }]));
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: blocks } }));
  const env = emulatorTerraformEnv(dir);
  runTerraform(dir, ['init', '-input=false', '-no-color'], { env });
  const apply = await timedTerraform(dir, ['apply', '-auto-approve'], env);
  const plan = await timedTerraform(dir, ['plan'], env);
  return { applyS: apply.s, planS: plan.s };
}

runScenario(async () => {
  const n = argN(1000);
  const small = Math.min(200, n);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-provider-'));
  try {
    const big = await providerWorkload(root, 'provider', n);
    const floor = await terraformAlone(root, n, 'blocks');
    const floorCount = await terraformAlone(root, n, 'count');
    const trivial = await trivialProviderWorkload(root, n);
    const hooksWorkload = await providerWorkload(root, 'provider-200', small);
    const startups = await providerStartups(process.execPath, [PROVIDER_BUNDLE], 21);
    // The floor runs with the provider's environment: NODE_EXTRA_CA_CERTS (set on some machines)
    // alone adds ~30 ms to any node start, and the provider processes here do not get it.
    const nodeRuns = Array.from({ length: 22 }, () => timeNode(['-e', '0'], { PATH: process.env.PATH }).seconds).slice(1);
    const readFloor = 2 * n + 2 * pagesOf(n);
    return {
      scenario: 'terraform-provider',
      n,
      apiCalls: big.apply.calls,
      throttled: big.apply.throttled,
      wallS: big.apply.s,
      peakMb: peakMb(),
      extra: {
        applyFloorCalls: initialApplyFloorCalls(fleetDesired(n), SES_DEFAULT_POLICY),
        planS: big.plan.s,
        planCalls: big.plan.calls,
        planThrottled: big.plan.throttled,
        planFloorCalls: readFloor,
        changeS: big.change.s,
        changeCalls: big.change.calls,
        changeThrottled: big.change.throttled,
        changeFloorCalls: readFloor + 1,
        changePlanLines: big.planLines,
        rateLimit: ENGINE_FAULTS.rateLimit,
        terraformAloneApplyS: floor.applyS,
        terraformAlonePlanS: floor.planS,
        terraformAloneCountApplyS: floorCount.applyS,
        terraformAloneCountPlanS: floorCount.planS,
        trivialProviderApplyS: trivial.applyS,
        trivialProviderPlanS: trivial.planS,
        trivialProviderChangeS: trivial.changeS,
        smallN: small,
        smallApplyS: hooksWorkload.apply.s,
        startupS: median(startups),
        nodeS: median(nodeRuns),
      },
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
