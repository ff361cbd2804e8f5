import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ConfigurationSet, EmailIdentity, TenantStack } from '../../../src/constructs';
import type { TenantStackBackend } from '../../../src/constructs';
import { sesResourceArn } from '../../../src/tenant-spec/arn';
import { REPUTATION_POLICIES } from '../../../src/tenant-spec/tenant-spec';
import { BENCH_CREDENTIALS, acceptedCalls, benchClient, createSendingResources, repositoryRoot, startEmulatorProcess } from '../support/emulator-process';
import { FLEET_TARGET, SHARED_CONFIGURATION_SET, fleetIdentity, fleetTenantName } from '../support/fleet';
import { argN, peakMb, runScenario, secondsSince } from '../support/result';

// `npx cdktf synth` and `npx cdktf deploy` of N tenants (every resource by ARN, 2 associations
// each) on both backends, with the real cdktf CLI and terraform against the emulator, then the
// `cdktf diff` of a one-field change of one tenant (its reputation policy): wall seconds and lines.
// The scenario process is also the cdktf app (BENCH_APP_BACKEND set): cdktf runs it through cdktf.json.
// scripts/bench.js builds it twice, as cdktf-deploy-hooks.js and cdktf-deploy-provider.js: the
// bundle's name chooses the backend, so each backend runs in a process (and a time limit) of its own.

const APP_ENV = 'BENCH_APP_BACKEND';
const N_ENV = 'BENCH_APP_N';
const CHANGE_ENV = 'BENCH_APP_CHANGE';

function synthApp(backend: TenantStackBackend, n: number, changed: boolean): void {
  const app = new App();
  const stack = new TenantStack(app, FLEET_TARGET.stack, { owner: 'bench', region: FLEET_TARGET.region, accountId: FLEET_TARGET.account, backend, tenantQuota: Math.max(n, 10_000) });
  const shared = ConfigurationSet.fromArn(sesResourceArn(FLEET_TARGET, 'configuration-set', SHARED_CONFIGURATION_SET));
  for (let i = 0; i < n; i++) {
    stack.addTenant({
      tenantName: fleetTenantName(i),
      emailIdentities: [EmailIdentity.fromArn(sesResourceArn(FLEET_TARGET, 'identity', fleetIdentity(i)))],
      configurationSets: [shared],
      reputationPolicy: changed && i === 0 ? 'none' : REPUTATION_POLICIES[i % 2],
      tags: { team: `team-${i % 37}`, 'cost-center': `cc-${i % 101}` },
    });
  }
  app.synth();
}

const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

function cdktf(project: string, args: string[], env: NodeJS.ProcessEnv): { s: number; output: string } {
  const bin = path.join(repositoryRoot(), 'node_modules', '.bin', 'cdktf');
  const start = performance.now();
  const out = spawnSync(bin, args, { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const s = secondsSince(start);
  const output = plain(`${out.stdout ?? ''}${out.stderr ?? ''}`);
  if (out.status !== 0) throw new Error(`cdktf ${args.join(' ')} exited with ${out.status}: ${output.split('\n').slice(-15).join('\n')}`);
  return { s, output };
}

if (process.env[APP_ENV]) {
  synthApp(process.env[APP_ENV] as TenantStackBackend, Number(process.env[N_ENV]), process.env[CHANGE_ENV] === '1');
} else {
  runScenario(async () => {
    const n = argN(1000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cdktf-deploy-'));
    const emulator = await startEmulatorProcess();
    try {
      const cliConfig = path.join(root, 'empty.tfrc');
      fs.writeFileSync(cliConfig, '');
      const extra: Record<string, number | string> = {};
      const backend: TenantStackBackend = path.basename(__filename).includes('provider') ? 'provider' : 'hooks';
      extra.backend = backend;
      {
        // Each backend deploys into an empty account (the same tenants, created again).
        await emulator.admin.reset();
        const client = benchClient(emulator.url, FLEET_TARGET.region);
        await createSendingResources(client, Array.from({ length: n }, (_, i) => fleetIdentity(i)), [SHARED_CONFIGURATION_SET]);
        client.destroy();
        const project = path.join(root, backend);
        fs.mkdirSync(project);
        // The app is this bundle, run by node through cdktf.json (argv carries the path, no shell quoting of it).
        const app = `node -e "require(process.env.BENCH_APP_BUNDLE)"`;
        fs.writeFileSync(path.join(project, 'cdktf.json'), JSON.stringify({ language: 'typescript', app, sendCrashReports: 'false', terraformProviders: [] }));
        const env: NodeJS.ProcessEnv = {
          BENCH_APP_BUNDLE: __filename,
          [APP_ENV]: backend,
          [N_ENV]: String(n),
          CHECKPOINT_DISABLE: '1',
          CI: '1',
          AWS_ENDPOINT_URL_SESV2: emulator.url,
          AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
          AWS_CONFIG_FILE: path.join(root, 'no-aws-config'),
          AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'no-aws-credentials'),
          TF_CLI_CONFIG_FILE: cliConfig,
          TF_PLUGIN_CACHE_DIR: '',
        };
        extra[`${backend}|synthS`] = cdktf(project, ['synth'], env).s;
        await emulator.admin.resetStats();
        extra[`${backend}|deployS`] = cdktf(project, ['deploy', FLEET_TARGET.stack, '--auto-approve'], env).s;
        const stats = await emulator.admin.stats();
        extra[`${backend}|deployCalls`] = acceptedCalls(stats);
        const diff = cdktf(project, ['diff', FLEET_TARGET.stack], { ...env, [CHANGE_ENV]: '1' });
        extra[`${backend}|diffS`] = diff.s;
        extra[`${backend}|diffLines`] = diff.output.split('\n').length;
        extra[`${backend}|diffSummary`] = (/Plan: [^\n]*/.exec(diff.output) ?? ['-'])[0];
      }
      return { scenario: `cdktf-deploy-${backend}`, n, apiCalls: extra[`${backend}|deployCalls`] as number, wallS: extra[`${backend}|deployS`] as number, peakMb: peakMb(), extra };
    } finally {
      await emulator.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
}
