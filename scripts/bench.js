#!/usr/bin/env node
// `npm run bench`: builds the programs and the scenarios of test/bench/ into compiled JavaScript,
// runs every scenario and floor in a child process of its own (so peak memory is per scenario),
// prints one table and writes it as JSON to bench-results/latest.json. Targets are checked and
// printed; the exit code is non-zero only when a scenario crashed.
//
//   npm run bench [-- --quick] [-- --scenario NAME[,NAME]]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { putRunningNodeFirstOnPath } = require('./running-node-first');

// Scenarios start node, npx, cdktf and terraform (which starts the provider and the hooks): all on
// the node that runs `npm run bench`, which the table's header names.
putRunningNodeFirstOnPath();

const root = path.resolve(__dirname, '..');
const benchOut = path.join(root, 'dist', 'bench');
const RESULT_PREFIX = 'BENCH_RESULT ';
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

/** Scenario processes: bundle entry, N in a full and in a quick run. */
const PROCESSES = {
  'synth-raw-floor': { entry: 'test/bench/scenarios/synth-raw-floor.ts', needs: 'constructs' },
  'synth-json-floor': { entry: 'test/bench/scenarios/synth-json-floor.ts', needs: 'constructs' },
  synth: { entry: 'test/bench/scenarios/synth.ts', needs: 'constructs' },
  'noop-plan': { entry: 'test/bench/scenarios/noop-plan.ts', needs: 'engine, emulator' },
  'initial-apply': { entry: 'test/bench/scenarios/initial-apply.ts', needs: 'engine, emulator' },
  'hook-process': { entry: 'test/bench/scenarios/hook-process.ts', needs: 'hooks, emulator' },
  'terraform-apply': { entry: 'test/bench/scenarios/terraform-apply.ts', needs: 'constructs, hooks, emulator' },
  'terraform-provider': { entry: 'test/bench/scenarios/terraform-provider.ts', needs: 'provider, emulator' },
  render: { entry: 'test/bench/scenarios/render.ts', needs: 'render' },
  status: { entry: 'test/bench/scenarios/status.ts', needs: 'engine, emulator' },
  'hook-startup': { entry: 'test/bench/hook-startup/measure.ts', needs: 'hooks, emulator' },
  'cdktf-deploy-provider': { entry: 'test/bench/scenarios/cdktf-deploy.ts', needs: 'constructs, provider, emulator' },
  'cdktf-deploy-hooks': { entry: 'test/bench/scenarios/cdktf-deploy.ts', needs: 'constructs, hooks, emulator' },
  'provider-release': { entry: 'test/bench/scenarios/provider-release.ts', needs: 'cli, provider' },
  'runtime-onboarding': { entry: 'test/bench/scenarios/runtime-onboarding.ts', needs: 'runtime, emulator' },
};

/** The six scenarios of the issue: which processes each runs, with which N (full, quick). */
const SCENARIOS = {
  synth: [
    ['synth', 1000, 100],
    ['synth', 10000, 1000],
    ['synth-json-floor', 1000, 100],
    ['synth-json-floor', 10000, 1000],
    ['synth-raw-floor', 1000, 100],
    ['synth-raw-floor', 10000, 1000],
  ],
  'noop-plan': [['noop-plan', 10000, 300]],
  'initial-apply': [['initial-apply', 10000, 300]],
  'hook-process': [['hook-process', 21, 5]],
  'terraform-apply': [['terraform-apply', 200, 20]],
  // The sestenants provider (issue 11): apply, no-op plan, one-field change, 200-tenant apply, start-up.
  'terraform-provider': [['terraform-provider', 1000, 50]],
  render: [['render', 10000, 1000]],
  // Not one of the six: `ses-tenants status` (issue 13), list pages only and with owner tags.
  status: [['status', 10000, 300]],
  // Not one of the six: start-up prototypes of the hook program (test/bench/hook-startup/).
  'hook-startup': [['hook-startup', 21, 5]],
  // Not one of the six (issue 12): npx cdktf synth + deploy on both backends, and the diff of a one-field change.
  // Both backends at 200 (where the hooks finish within the cap), then both at 1,000 (the hooks
  // at 1,000 take longer than the 15-minute cap on 2 cores: reported as killed).
  'cdktf-deploy': [
    ['cdktf-deploy-provider', 200, 20],
    ['cdktf-deploy-hooks', 200, 20],
    ['cdktf-deploy-provider', 1000, 50],
    ['cdktf-deploy-hooks', 1000, 50],
  ],
  // Not one of the six (issue 19): start-up of the single executable vs the JS form vs `node -e 0`, artifact sizes.
  'provider-release': [['provider-release', 21, 5]],
  // Not one of the six (issue 20): the runtime onboarding API, its bundle size and cold start.
  'runtime-onboarding': [['runtime-onboarding', 1000, 100]],
  // The same comparison at 200 tenants only.
  'cdktf-deploy-200': [
    ['cdktf-deploy-provider', 200, 20],
    ['cdktf-deploy-hooks', 200, 20],
  ],
};

/** Run by default: all of them. */
const DEFAULT_SCENARIOS = Object.keys(SCENARIOS);

function parseArgs(argv) {
  const opts = { quick: false, scenarios: DEFAULT_SCENARIOS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--scenario' || arg.startsWith('--scenario=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const names = (value ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !(n in SCENARIOS));
      if (names.length === 0 || unknown.length > 0) {
        throw new Error(`--scenario takes one or more of ${Object.keys(SCENARIOS).join(', ')}; got ${value}`);
      }
      opts.scenarios = names;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`usage: npm run bench -- [--quick] [--scenario ${Object.keys(SCENARIOS).join('|')}[,...]]\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return opts;
}

/** Bundles the emulator and hook programs, then each scenario (dependencies left external). */
async function build(processes) {
  const bundles = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-bundles.js')], { cwd: root, stdio: 'inherit' });
  if (bundles.status !== 0) throw new Error('node scripts/build-bundles.js failed');
  const esbuild = require('esbuild');
  const built = {};
  for (const name of processes) {
    const { entry, needs } = PROCESSES[name];
    try {
      await esbuild.build({
        entryPoints: [path.join(root, entry)],
        outfile: path.join(benchOut, `${name}.js`),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        packages: 'external',
        logLevel: 'silent',
      });
      built[name] = { ok: true };
    } catch (err) {
      built[name] = { ok: false, reason: `pending: ${needs} (${String(err.message).split('\n')[0]})` };
    }
  }
  return built;
}

/**
 * Runs one scenario process. It is loaded through `node -e require(...)`, not as the main module,
 * because a bundled module cannot tell whether it is `require.main` (test/bench/synth-app.ts runs
 * its own CLI when it is).
 */
function runProcess(name, n) {
  return new Promise((resolve) => {
    const bundle = path.join(benchOut, `${name}.js`);
    const started = Date.now();
    const child = spawn(process.execPath, ['-e', 'require(process.argv[1])', bundle, String(n)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      // Its own process group, so the time limit kills what it started too (emulator, terraform, cdktf).
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, CHILD_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      const processS = (Date.now() - started) / 1000;
      if (code === 0 && line) resolve({ ok: true, processS, ...JSON.parse(line.slice(RESULT_PREFIX.length)) });
      else resolve({ ok: false, scenario: name, n, processS, error: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
    });
  });
}

const fmt = (v, digits = 2) => (v === undefined || v === null || Number.isNaN(v) ? '-' : typeof v === 'number' ? v.toFixed(digits) : String(v));
const MB = 1024 * 1024;

/** Turns the measurements into table rows: one per checked target. */
function rowsFor(scenario, results, quick) {
  const get = (name, n) => results.find((r) => r.scenario === name && r.n === n);
  const [full, small] = quick ? [1000, 100] : [10000, 1000];
  const crashed = (r, name, n) => ({ scenario, n, note: r ? r.error ?? r.reason : `not run: ${name} ${n}`, pass: null, crashed: true });
  const row = (m, fields) => ({
    scenario,
    n: m.n,
    apiCalls: m.apiCalls,
    callsPerTenant: m.apiCalls !== undefined && m.n ? m.apiCalls / m.n : undefined,
    wallS: m.wallS,
    peakMb: m.peakMb,
    ...fields,
  });
  const check = (ratio, limit) => ratio <= limit;
  const out = [];
  switch (scenario) {
    case 'synth': {
      for (const [name, n] of [['synth', small], ['synth', full], ['synth-json-floor', small], ['synth-json-floor', full], ['synth-raw-floor', small], ['synth-raw-floor', full]]) {
        const r = get(name, n);
        if (!r || !r.ok) return [crashed(r, name, n)];
      }
      const s = get('synth', full);
      const s1 = get('synth', small);
      const a = get('synth-raw-floor', full);
      const a1 = get('synth-raw-floor', small);
      const b = get('synth-json-floor', full);
      const b1 = get('synth-json-floor', small);
      const json = (m) => `${fmt(m.extra.jsonBytes / MB, 1)} MB JSON`;
      out.push(row(s1, { label: `synth ${small}`, floor: `raw cdktf ${fmt(a1.wallS)} s`, ratio: s1.wallS / a1.wallS, target: 'info', pass: null, note: json(s1) }));
      out.push(row(s, { label: `synth ${full}: wall`, floor: `raw cdktf ${fmt(a.wallS)} s`, ratio: s.wallS / a.wallS, target: '<= 0.1x', pass: check(s.wallS / a.wallS, 0.1), note: json(s) }));
      out.push({ scenario, label: `synth ${full}: peak`, n: full, floor: `raw cdktf ${fmt(a.peakMb, 0)} MB`, ratio: s.peakMb / a.peakMb, target: '<= 0.25x', pass: check(s.peakMb / a.peakMb, 0.25) });
      out.push({ scenario, label: `synth ${full}: vs JSON`, n: full, floor: `JSON.stringify ${fmt(b.wallS, 3)} s`, ratio: s.wallS / b.wallS, target: '<= 10x', pass: check(s.wallS / b.wallS, 10), note: `${small}: ${fmt(s1.wallS / b1.wallS, 1)}x` });
      const perTenant = s.wallS / full / (s1.wallS / small);
      out.push({ scenario, label: `synth per tenant ${full}/${small}`, n: full, floor: `${fmt((s1.wallS / small) * 1e6, 0)} us/tenant`, ratio: perTenant, target: '<= 1.1x', pass: check(perTenant, 1.1) });
      out.push(row(a, { label: `floor a: raw cdktf ${full}`, target: 'floor', pass: null, note: json(a) }));
      out.push(row(a1, { label: `floor a: raw cdktf ${small}`, target: 'floor', pass: null, note: json(a1) }));
      out.push(row(b, { label: `floor b: JSON ${full}`, target: 'floor', pass: null, note: json(b) }));
      return out;
    }
    case 'noop-plan':
    case 'initial-apply': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      // 429 answers count: a retried request is a call the floor does not need (pacing avoids them).
      const callRatio = (r.apiCalls + r.throttled) / r.extra.floorCalls;
      const wallRatio = r.wallS / r.extra.floorWallS;
      const failed = r.extra.failedTenants ?? 0;
      const callLimit = scenario === 'noop-plan' ? 1.02 : 1.0;
      const applies = scenario !== 'noop-plan';
      out.push(
        row(r, {
          label: `${scenario}: calls`,
          floor: `${r.extra.floorCalls} calls`,
          ratio: callRatio,
          target: `<= ${callLimit}x`,
          pass: check(callRatio, callLimit + 1e-9) && failed === 0,
          note: `ratio counts ${r.throttled} 429s; accepted calls alone ${fmt(r.apiCalls / r.extra.floorCalls, 3)}x${applies ? `; ${failed} failed tenants` : ''}`,
        }),
      );
      out.push({ scenario, label: `${scenario}: wall`, n: r.n, floor: `${fmt(r.extra.floorWallS, 1)} s (calls/200)`, ratio: wallRatio, target: '<= 1.15x', pass: check(wallRatio, 1.15) });
      return out;
    }
    case 'hook-process': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      const ratio = r.wallS / r.extra.floorS;
      out.push({
        scenario,
        label: 'hook process (median)',
        n: r.n,
        apiCalls: r.apiCalls,
        callsPerTenant: r.apiCalls,
        wallS: r.wallS,
        peakMb: r.peakMb,
        floor: `node -e 0 ${fmt(r.extra.floorS, 3)} s`,
        ratio,
        target: '<= 2.0x, no stderr',
        pass: check(ratio, 2.0) && r.extra.stderrRuns === 0,
        note: `${r.extra.stderrRuns} runs wrote to stderr`,
      });
      return out;
    }
    case 'terraform-apply': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      const ratio = r.wallS / r.extra.floorS;
      out.push(
        row(r, {
          label: 'terraform apply (hooks)',
          floor: `${r.extra.instances} terraform_data ${fmt(r.extra.floorS)} s`,
          ratio,
          target: '<= 10x',
          pass: check(ratio, 10) && r.extra.applied === r.extra.instances,
          note: `${r.extra.applied}/${r.extra.instances} instances in state; same stack with provisioners running true: ${fmt(r.extra.terraformOnlyS, 1)} s`,
        }),
      );
      return out;
    }
    case 'terraform-provider': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      const x = r.extra;
      // Wall floor: the larger of Terraform alone (terraform_data), Terraform with a trivial external
      // provider of the same schemas (test/bench/support/trivial-tenant-provider.ts) and calls ÷ rate.
      const phase = (label, calls, throttled, wallS, floorCalls, aloneS, aloneLabel, trivialS) => {
        const callRatio = (calls + throttled) / floorCalls;
        const wallFloor = Math.max(aloneS, trivialS ?? 0, calls / x.rateLimit);
        out.push({ scenario, label: `provider ${label}: calls`, n: r.n, apiCalls: calls, callsPerTenant: calls / r.n, floor: `engine ${floorCalls} calls`, ratio: callRatio, target: '<= 1.05x', pass: check(callRatio, 1.05), note: `${throttled} 429s counted in the ratio` });
        out.push({ scenario, label: `provider ${label}: wall`, n: r.n, wallS, floor: `max(${aloneLabel} ${fmt(aloneS, 1)} s, trivial provider ${fmt(trivialS, 1)} s, calls/${x.rateLimit} ${fmt(calls / x.rateLimit, 1)} s)`, ratio: wallS / wallFloor, target: '<= 1.3x', pass: check(wallS / wallFloor, 1.3) });
      };
      phase('apply', r.apiCalls, r.throttled, r.wallS, x.applyFloorCalls, x.terraformAloneApplyS, 'terraform_data apply', x.trivialProviderApplyS);
      phase('no-op plan', x.planCalls, x.planThrottled, x.planS, x.planFloorCalls, x.terraformAlonePlanS, 'terraform_data plan', x.trivialProviderPlanS);
      phase('one-field change', x.changeCalls, x.changeThrottled, x.changeS, x.changeFloorCalls, x.terraformAlonePlanS, 'terraform_data plan', x.trivialProviderChangeS);
      out.push({ scenario, label: 'provider one-field change: plan lines', n: r.n, floor: '15 lines', ratio: x.changePlanLines / 15, target: '<= 15 lines', pass: x.changePlanLines <= 15, note: `${x.changePlanLines} lines for the changed tenant` });
      const hooks = results.find((m) => m.scenario === 'terraform-apply' && m.ok && m.n === x.smallN);
      out.push({
        scenario,
        label: `provider apply ${x.smallN} vs hooks`,
        n: x.smallN,
        wallS: x.smallApplyS,
        floor: hooks ? `hooks ${fmt(hooks.wallS, 1)} s` : 'hooks not run',
        ratio: hooks ? hooks.wallS / x.smallApplyS : undefined,
        target: '>= 10x faster',
        pass: hooks ? hooks.wallS / x.smallApplyS >= 10 : null,
        note: hooks ? 'hooks wall / provider wall, same run' : 'run with --scenario terraform-apply,terraform-provider for the ratio',
      });
      const startRatio = x.startupS / x.nodeS;
      out.push({ scenario, label: 'provider start-up (median of 21)', n: 21, wallS: x.startupS, floor: `node -e 0 ${fmt(x.nodeS, 3)} s`, ratio: startRatio, target: '<= 5x', pass: check(startRatio, 5), note: 'spawn -> handshake line' });
      return out;
    }
    case 'provider-release': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      const x = r.extra;
      const sizes = (label, raw, zipped) => `${label} ${fmt(raw / MB, 1)} MB (${fmt(zipped / MB, 2)} MB zipped)`;
      out.push({ scenario, label: `single executable start-up (median of ${r.n})`, n: r.n, wallS: x.seaStartupS, floor: `node -e 0 ${fmt(x.nodeS, 3)} s`, ratio: x.seaStartupS / x.nodeS, target: 'info', pass: null, note: `spawn -> handshake, no node on PATH; ${sizes('SEA', x.seaBytes, x.seaZipBytes)}` });
      out.push({ scenario, label: `single executable --code-cache start-up (median of ${r.n})`, n: r.n, wallS: x.seaCodeCacheStartupS, floor: `node -e 0 ${fmt(x.nodeS, 3)} s`, ratio: x.seaCodeCacheStartupS / x.nodeS, target: 'info', pass: null, note: 'V8 code cache embedded: bytes not reproducible' });
      out.push({ scenario, label: `JS form start-up (median of ${r.n})`, n: r.n, wallS: x.jsStartupS, floor: `node -e 0 ${fmt(x.nodeS, 3)} s`, ratio: x.jsStartupS / x.nodeS, target: 'info', pass: null, note: `spawn -> handshake; ${sizes('JS', x.jsBytes, x.jsZipBytes)}` });
      out.push({ scenario, label: 'provider package (SEA + JS zip)', n: 2, wallS: x.packageS, target: 'info', pass: null, note: 'node dist/cli.js provider package, 2 platforms' });
      return out;
    }
    case 'render': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      out.push({ scenario, label: 'render text', n: r.n, wallS: r.extra.textS, peakMb: r.peakMb, floor: '1 s', ratio: r.extra.textS, target: '< 1 s', pass: r.extra.textS < 1, note: `${r.extra.textChars} chars` });
      out.push({
        scenario,
        label: 'render markdown',
        n: r.n,
        wallS: r.extra.markdownS,
        peakMb: r.peakMb,
        floor: '1 s; 65,536 chars',
        ratio: r.extra.markdownS,
        target: '< 1 s, < 65,536 chars',
        pass: r.extra.markdownS < 1 && r.extra.markdownChars < r.extra.markdownLimit,
        note: `${r.extra.markdownChars} chars`,
      });
      return out;
    }
    case 'hook-startup': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      const names = Object.keys(r.extra).filter((k) => k.endsWith('|s')).map((k) => k.slice(0, -2));
      for (const name of names) {
        const ratio = r.extra[`${name}|s`] / r.extra.floorS;
        out.push({
          scenario,
          label: `hook start-up: ${name}`,
          n: r.n,
          wallS: r.extra[`${name}|s`],
          floor: `node -e 0 ${fmt(r.extra.floorS, 3)} s`,
          ratio,
          target: '<= 2.0x, no stderr',
          pass: ratio <= 2.0 && r.extra[`${name}|ok`] === true,
          note: r.extra[`${name}|ok`] ? r.extra[`${name}|about`] : `failed: ${r.extra[`${name}|stderr`]}`,
        });
      }
      if (r.extra.skipped) out.push({ scenario, label: 'hook start-up: skipped', note: r.extra.skipped, pass: null });
      return out;
    }
    case 'status': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      const callRatio = (r.apiCalls + r.throttled) / r.extra.floorCalls;
      out.push(row(r, { label: 'status --no-owners: calls', floor: `${r.extra.floorCalls} list pages`, ratio: callRatio, target: '<= 1.0x', pass: check(callRatio, 1 + 1e-9), note: r.extra.operations }));
      const ownersRatio = (r.extra.ownersCalls + r.extra.ownersThrottled) / r.extra.ownersFloorCalls;
      out.push({
        scenario,
        label: 'status (owners): calls',
        n: r.n,
        apiCalls: r.extra.ownersCalls,
        callsPerTenant: r.extra.ownersCalls / r.n,
        wallS: r.extra.ownersWallS,
        peakMb: r.peakMb,
        floor: `${r.extra.ownersFloorCalls} (pages + 1 tag read/tenant)`,
        ratio: ownersRatio,
        target: '<= 1.0x',
        pass: check(ownersRatio, 1 + 1e-9),
        note: `${r.extra.ownersOperations}; wall floor ${fmt(r.extra.ownersFloorCalls / 200, 1)} s (calls/200)`,
      });
      return out;
    }
    case 'cdktf-deploy':
    case 'cdktf-deploy-200': {
      for (const [name, n] of SCENARIOS[scenario].map(([entry, fullN, quickN]) => [entry, quick ? quickN : fullN])) {
        const backend = name.slice('cdktf-deploy-'.length);
        const r = results.find((m) => m.scenario === name && m.n === n);
        if (!r || !r.ok) {
          out.push({ ...crashed(r, name, n), label: `cdktf deploy (${backend})` });
          continue;
        }
        const x = (k) => r.extra[`${backend}|${k}`];
        out.push({ scenario, label: `cdktf synth (${backend})`, n: r.n, wallS: x('synthS'), target: 'info', pass: null });
        out.push({ scenario, label: `cdktf deploy (${backend})`, n: r.n, apiCalls: x('deployCalls'), callsPerTenant: x('deployCalls') / r.n, wallS: x('deployS'), target: 'info', pass: null });
        out.push({ scenario, label: `cdktf diff, 1 field of 1 tenant (${backend})`, n: r.n, wallS: x('diffS'), target: 'info', pass: null, note: `${x('diffLines')} lines; ${x('diffSummary')}` });
      }
      return out;
    }
    case 'runtime-onboarding': {
      const r = results.find((m) => m.scenario === scenario);
      if (!r || !r.ok) return [crashed(r, scenario, '')];
      const x = r.extra;
      for (const mode of ['ensureMany', 'ensure']) {
        const calls = x[`${mode}|calls`];
        const ratio = (calls + x[`${mode}|throttled`]) / x[`${mode}|floorCalls`];
        const wallFloor = x[`${mode}|floorCalls`] / x.rateLimit;
        const label = mode === 'ensureMany' ? 'runtime ensureMany (backfill)' : 'runtime ensure x N concurrent';
        out.push({
          scenario,
          label: `${label}: calls`,
          n: r.n,
          apiCalls: calls,
          callsPerTenant: calls / r.n,
          wallS: x[`${mode}|wallS`],
          floor: `engine ${x[`${mode}|floorCalls`]} calls`,
          ratio,
          target: mode === 'ensureMany' ? '<= 1.02x' : 'info (1 GetTenant per new tenant)',
          pass: mode === 'ensureMany' ? check(ratio, 1.02) && x[`${mode}|failed`] === 0 : null,
          note: `${x[`${mode}|throttled`]} 429s, ${x[`${mode}|failed`]} failed; ${x[`${mode}|operations`]}`,
        });
        out.push({ scenario, label: `${label}: wall`, n: r.n, wallS: x[`${mode}|wallS`], floor: `${fmt(wallFloor, 1)} s (floor calls/${x.rateLimit})`, ratio: x[`${mode}|wallS`] / wallFloor, target: 'info', pass: null });
      }
      out.push({ scenario, label: 'runtime bundle (min, SDK external)', n: 1, floor: '-', target: 'info', pass: null, note: `${fmt(x.sdkExternalBytes / 1024, 1)} KiB` });
      out.push({ scenario, label: 'runtime bundle (min, SDK included)', n: 1, floor: '-', target: 'info', pass: null, note: `${fmt(x.sdkIncludedBytes / 1024, 1)} KiB` });
      for (const [key, what] of [['sdkExternalStartS', 'SDK external'], ['sdkIncludedStartS', 'SDK included']]) {
        out.push({ scenario, label: `runtime cold start (${what}, median of 21)`, n: 21, wallS: x[key], floor: `node -e 0 ${fmt(x.nodeS, 3)} s`, ratio: x[key] / x.nodeS, target: 'info', pass: null, note: 'require + new TenantOnboarding' });
      }
      return out;
    }
    default:
      return [];
  }
}

function printTable(rows) {
  const cols = [
    ['scenario', (r) => r.label ?? r.scenario],
    ['N', (r) => fmt(r.n, 0)],
    ['API calls', (r) => fmt(r.apiCalls, 0)],
    ['calls/tenant', (r) => fmt(r.callsPerTenant, 3)],
    ['wall s', (r) => fmt(r.wallS, 3)],
    ['peak MB', (r) => fmt(r.peakMb, 0)],
    ['floor', (r) => r.floor ?? '-'],
    ['ratio', (r) => (r.ratio === undefined ? '-' : `${fmt(r.ratio, r.ratio < 0.1 ? 3 : 2)}x`)],
    ['target', (r) => r.target ?? '-'],
    ['pass', (r) => (r.crashed ? 'CRASH' : r.pass === null || r.pass === undefined ? '-' : r.pass ? 'pass' : 'FAIL')],
    ['note', (r) => r.note ?? ''],
  ];
  const cells = rows.map((r) => cols.map(([, f]) => f(r)));
  const widths = cols.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(cols.map(([h]) => h)), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const plan = opts.scenarios.flatMap((s) => SCENARIOS[s].map(([name, full, quick]) => [name, opts.quick ? quick : full]));
  const built = await build([...new Set(plan.map(([name]) => name))]);
  const results = [];
  for (const [name, n] of plan) {
    process.stderr.write(`bench: ${name} N=${n} ... `);
    const r = built[name].ok ? await runProcess(name, n) : { ok: false, scenario: name, n, reason: built[name].reason, pending: true };
    process.stderr.write(r.ok ? `${fmt(r.processS, 1)} s\n` : `${r.reason ?? r.error}\n`);
    results.push(r);
  }
  const rows = opts.scenarios.flatMap((s) => rowsFor(s, results, opts.quick));
  const meta = { date: new Date().toISOString(), nproc: os.cpus().length, node: process.version, quick: opts.quick, totalS: (Date.now() - started) / 1000 };
  process.stdout.write(`\ncdktf-ses-tenants bench, ${meta.date}, nproc ${meta.nproc}, node ${meta.node}${opts.quick ? ', --quick' : ''}, ${fmt(meta.totalS, 0)} s\n`);
  printTable(rows);
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results', 'latest.json'), `${JSON.stringify({ ...meta, rows, measurements: results }, null, 2)}\n`);
  const crashed = results.filter((r) => !r.ok && !r.pending);
  process.exitCode = crashed.length > 0 ? 1 : 0;
}

main().catch((err) => {
  process.stderr.write(`bench: ${err.stack ?? err}\n`);
  process.exit(1);
});
