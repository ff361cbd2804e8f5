import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { SES_DEFAULT_POLICY } from '../../../src/engine';
import { TenantOnboarding } from '../../../src/runtime';
import { ENGINE_FAULTS, withFleetEmulator } from '../support/engine-run';
import { acceptedCalls, repositoryRoot } from '../support/emulator-process';
import { FLEET_TARGET, initialApplyFloorCalls } from '../support/fleet';
import { interleave, median } from '../support/process-timing';
import { argN, runScenario, secondsSince } from '../support/result';

// The runtime onboarding API (issue 20): ensure of N new tenants x 2 associations against the
// emulator with 5 ms latency and a 200 requests/s limit (client paced just under it), by
// `ensureMany` (a backfill) and by N concurrent `ensure` calls (sign-ups), in calls and wall
// against the engine's initial-apply floor; then the size of the runtime entry bundled with
// esbuild (minified; the AWS SDK external, and included) and its cold start against `node -e 0`.

const OWNER = 'ses-tenants-bench';

async function measureEnsure(n: number, mode: 'ensureMany' | 'ensure'): Promise<Record<string, number | string>> {
  return withFleetEmulator(n, async ({ emulator, pacedClient, desired }) => {
    await emulator.admin.setFaults(ENGINE_FAULTS);
    const onboarding = new TenantOnboarding({ owner: OWNER, region: FLEET_TARGET.region, client: pacedClient, endpoint: emulator.url });
    const specs = Object.values(desired.tenants);
    await emulator.admin.resetStats();
    const start = performance.now();
    let failed: number;
    if (mode === 'ensureMany') failed = (await onboarding.ensureMany(specs, { concurrency: 16 })).counts.failed;
    else failed = (await Promise.allSettled(specs.map((s) => onboarding.ensure(s)))).filter((r) => r.status === 'rejected').length;
    const wallS = secondsSince(start);
    const stats = await emulator.admin.stats();
    const calls = acceptedCalls(stats);
    return {
      [`${mode}|calls`]: calls,
      [`${mode}|throttled`]: stats.throttled,
      [`${mode}|wallS`]: wallS,
      [`${mode}|floorCalls`]: initialApplyFloorCalls(desired, SES_DEFAULT_POLICY),
      [`${mode}|failed`]: failed,
      [`${mode}|operations`]: JSON.stringify(stats.operations),
    };
  });
}

/** Bytes of the runtime entry bundled by esbuild, minified, the SDK external or included; the bundles are left in `dir`. */
function bundleSizes(dir: string): Record<string, number> {
  const entry = path.join(repositoryRoot(), 'src', 'runtime', 'index.ts');
  const out: Record<string, number> = {};
  for (const [name, external] of [
    ['sdkExternal', ['@aws-sdk/*']],
    ['sdkIncluded', []],
  ] as const) {
    const outfile = path.join(dir, `${name}.js`);
    buildSync({ entryPoints: [entry], outfile, bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', external: [...external], legalComments: 'none', logLevel: 'error' });
    out[`${name}Bytes`] = fs.statSync(outfile).size;
  }
  return out;
}

/** Median wall of `node -e` loading each bundle and constructing a TenantOnboarding (the SDK client), against `node -e 0`. */
function coldStart(dir: string, runs = 21): Record<string, number> {
  const load = (file: string) => `const { TenantOnboarding } = require(${JSON.stringify(file)}); new TenantOnboarding({ owner: 'app', region: 'eu-central-1' }).close();`;
  // The SDK-external bundle resolves @aws-sdk from the repository's node_modules, as an app's would.
  const env = { ...process.env, NODE_PATH: path.join(repositoryRoot(), 'node_modules') };
  const [floor, external, included] = interleave(
    [{ args: ['-e', '0'] }, { args: ['-e', load(path.join(dir, 'sdkExternal.js'))], env }, { args: ['-e', load(path.join(dir, 'sdkIncluded.js'))] }],
    runs,
  );
  for (const r of [...external, ...included]) if (r.code !== 0) throw new Error(`cold start failed: ${r.stderr}`);
  return {
    nodeS: median(floor.map((r) => r.seconds)),
    sdkExternalStartS: median(external.map((r) => r.seconds)),
    sdkIncludedStartS: median(included.map((r) => r.seconds)),
  };
}

runScenario(async () => {
  const n = argN(1000);
  const many = await measureEnsure(n, 'ensureMany');
  const single = await measureEnsure(n, 'ensure');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-bundle-'));
  try {
    const sizes = bundleSizes(dir);
    const start = coldStart(dir);
    return {
      scenario: 'runtime-onboarding',
      n,
      apiCalls: many['ensureMany|calls'] as number,
      throttled: many['ensureMany|throttled'] as number,
      wallS: many['ensureMany|wallS'] as number,
      peakMb: process.resourceUsage().maxRSS / 1024,
      extra: { ...many, ...single, ...sizes, ...start, rateLimit: ENGINE_FAULTS.rateLimit },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
