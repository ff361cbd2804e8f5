import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, ListTenantResourcesCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { npmEnv, packedTarball, projectEnv, readmeBlocks, runCommand, runCommandSync } from '../support/packed-package';
import { removeDir, tempDir } from '../support/tenant-app';

// The runtime entry as a service or a Lambda gets it: the packed tarball installed with only the
// AWS SDK clients, WITHOUT cdktf, cdktn or constructs (peers not installed), then a sign-up script
// that requires `cdktf-ses-tenants/runtime` and onboards a tenant in the emulator.

const REGION = 'eu-central-1';
const SDK = ['@aws-sdk/client-sesv2@3.1176.0', '@aws-sdk/client-sts@3.1177.0'];

const SIGNUP_SCRIPT = `'use strict';
const { TenantOnboarding } = require('cdktf-ses-tenants/runtime');

// A sign-up handler: one tenant per customer workspace, idempotent, safe to retry.
async function onSignup(workspace) {
  const onboarding = new TenantOnboarding({ owner: 'signup-service', region: process.env.AWS_REGION });
  try {
    return await onboarding.ensure({
      tenantName: workspace,
      emailIdentities: [workspace + '.example.com'],
      configurationSets: ['transactional'],
    });
  } finally {
    onboarding.close();
  }
}

onSignup(process.argv[2]).then(
  (r) => console.log(JSON.stringify({ action: r.action, tenantId: r.tenantId })),
  (err) => { console.error(err.name + ': ' + err.message); process.exitCode = 1; },
);
`;

// The types as an application's TypeScript sees them through package.json `exports` (node16 resolution).
const TYPED_HANDLER = `import { TenantOnboarding, OwnershipError, type EnsureResult, type OnboardingTenant } from 'cdktf-ses-tenants/runtime';

const onboarding = new TenantOnboarding({ owner: 'signup-service', region: 'eu-central-1', maxRps: 10 });

export async function onSignup(workspace: string): Promise<EnsureResult | 'taken'> {
  const tenant: OnboardingTenant = { tenantName: workspace, emailIdentities: [workspace + '.example.com'], configurationSets: ['transactional'] };
  try {
    return await onboarding.ensure(tenant);
  } catch (err) {
    if (err instanceof OwnershipError) return 'taken';
    throw err;
  }
}
`;

describe('cdktf-ses-tenants/runtime from the packed tarball, without cdktf, cdktn or constructs', () => {
  let root: string;
  let emu: TestEmulator;
  let client: SESv2Client;

  beforeAll(async () => {
    const tarball = await packedTarball();
    root = tempDir('e2e-packed-runtime');
    const init = runCommandSync(['npm', 'init', '-y'], root, npmEnv());
    expect(init.code).toBe(0);
    const installed = await runCommand(['npm', 'install', tarball, ...SDK, '--legacy-peer-deps', '--omit=peer', '--no-audit', '--no-fund', '--prefer-offline'], root, npmEnv());
    if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.output}`);
    fs.writeFileSync(path.join(root, 'signup.js'), SIGNUP_SCRIPT);
    emu = await startTestEmulator();
    client = emu.client(REGION);
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'transactional' }));
    await client.send(new CreateEmailIdentityCommand({ EmailIdentity: 'acme.example.com' }));
  }, 900_000);
  afterAll(async () => {
    client?.destroy();
    await emu?.stop();
    if (root) removeDir(root);
  });

  test('cdktf, cdktn and constructs are absent from node_modules', () => {
    for (const pkg of ['cdktf', 'cdktn', 'constructs', '@cdktf']) expect([pkg, fs.existsSync(path.join(root, 'node_modules', pkg))]).toEqual([pkg, false]);
    expect(fs.existsSync(path.join(root, 'node_modules', 'cdktf-ses-tenants', 'dist', 'lib', 'runtime', 'index.d.ts'))).toBe(true);
  });

  test("its declarations type-check an application's handler and the runtime guide's (node16 resolution through exports, skipLibCheck false)", () => {
    fs.writeFileSync(path.join(root, 'handler.ts'), TYPED_HANDLER);
    fs.writeFileSync(path.join(root, 'signup-handler.ts'), readmeBlocks().get('signup-handler.ts')!.body);
    const tsc = path.join(__dirname, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
    // Node's types from the repository, as any TypeScript application on Node has them (the SDK's declarations need them).
    const typeRoots = path.join(__dirname, '..', '..', 'node_modules', '@types');
    const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--typeRoots', typeRoots, '--types', 'node', '--skipLibCheck', 'false', 'handler.ts', 'signup-handler.ts'];
    const checked = runCommandSync(['node', tsc, ...args], root, { PATH: process.env.PATH });
    expect(checked).toEqual({ code: 0, output: '' });
  }, 120_000);

  test('a sign-up script requiring cdktf-ses-tenants/runtime onboards a tenant, and a second sign-up changes nothing', async () => {
    const env = projectEnv(emu.url);
    const first = await runCommand(['node', 'signup.js', 'acme'], root, env);
    expect(first).toEqual({ code: 0, output: expect.stringMatching(/^\{"action":"create","tenantId":"\S+"\}\n$/) });
    const { tenantId } = JSON.parse(first.output) as { tenantId: string };
    const resources = await client.send(new ListTenantResourcesCommand({ TenantName: 'acme' }));
    expect(resources.TenantResources).toHaveLength(2);

    await emu.admin.resetStats();
    const second = await runCommand(['node', 'signup.js', 'acme'], root, env);
    expect(second).toEqual({ code: 0, output: `{"action":"none","tenantId":"${tenantId}"}\n` });
    expect((await emu.admin.stats()).operations).toEqual({ GetTenant: 1, ListTenantResources: 1, ListReputationEntities: 1 });
  }, 120_000);
});
