import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, CreateTenantCommand, UpdateReputationEntityPolicyCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { MANAGED_BY_TAG } from '../../src/tenant-spec';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { describeWithTerraform } from '../support/terraform';
import { packedInstall, projectEnv, readmeBlocks, readmeCommands, runCommand, runCommandSync, type PackedInstall } from '../support/packed-package';
import { ownPackageFile, projectWithOwnPackage } from '../support/own-package-project';
import { APP_REGION, appArn, readLiveTenants, removeDir, tempDir } from '../support/tenant-app';

// The provider backend as a user runs it: the packed package in a fresh project, the README's
// first stack (main.ts, on the default provider backend) and its commands (cdktf synth, deploy, diff) with the real cdktf and
// terraform, offline, against the emulator. The project has its own copy of the package, so the
// last step can change the provider's bytes as a package upgrade would.

const STEP_TIMEOUT = 300_000;
const STACK = 'mail';
const PLATFORMS = ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64'];

describeWithTerraform('the provider backend from the packed package, as the README says', () => {
  let install: PackedInstall;
  let root: string;
  let project: string;
  let emu: TestEmulator;
  let client: SESv2Client;
  let env: NodeJS.ProcessEnv;
  const [synthStep, deployStep, diffStep] = readmeCommands('deploy');
  const stackDir = (): string => path.join(project, 'cdktf.out', 'stacks', STACK);
  // cdktf colours Terraform's output whatever NO_COLOR says; the assertions read plain text.
  const run = async (argv: readonly string[]) => {
    const result = await runCommand(argv, project, env);
    return { ...result, output: result.output.replace(/\x1b\[[0-9;]*m/g, '') };
  };
  const mirrorVersions = (): string[] => fs.readdirSync(path.join(stackDir(), 'terraform.d', 'plugins', 'registry.terraform.io', 'cdktf-ses-tenants', 'sestenants'));
  const editApp = (from: string, to: string): void => {
    const file = path.join(project, 'main.ts');
    const source = fs.readFileSync(file, 'utf8');
    expect(source).toContain(from);
    fs.writeFileSync(file, source.replace(from, to));
  };

  beforeAll(async () => {
    install = await packedInstall();
    root = tempDir('e2e-provider-backend');
    project = projectWithOwnPackage(install, path.join(root, 'my-mail-platform'));
    const blocks = readmeBlocks();
    for (const [file, title] of [['cdktf.json', 'cdktf.json'], ['tsconfig.json', 'tsconfig.json'], ['main.ts', 'main.ts']]) {
      const block = blocks.get(title);
      if (block === undefined) throw new Error(`README.md has no block titled "${title}"`);
      fs.writeFileSync(path.join(project, file), block.body);
    }
    emu = await startTestEmulator();
    client = emu.client(APP_REGION);
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'transactional' }));
    for (const identity of ['acme.example.com', 'globex.example.com']) await client.send(new CreateEmailIdentityCommand({ EmailIdentity: identity }));
    const cliConfig = path.join(root, 'empty.tfrc');
    fs.writeFileSync(cliConfig, '');
    fs.mkdirSync(path.join(root, 'plugin-cache'));
    // An empty CLI config and cdktf's plugin cache in a directory of the test's own (cdktf sets one by default).
    env = { ...projectEnv(emu.url), TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: path.join(root, 'plugin-cache') };
  }, 900_000);
  afterAll(async () => {
    client?.destroy();
    await emu?.stop();
    if (root) removeDir(root);
  });

  test('the README commands begin with synth, deploy and diff, with no extra flag', () => {
    expect([synthStep, deployStep, diffStep].map((argv) => argv.join(' '))).toEqual(['npx cdktf synth', `npx cdktf deploy ${STACK} --auto-approve`, `npx cdktf diff ${STACK}`]);
  });

  test('the bindings are deep entry points: tsc (node16 and node resolution, skipLibCheck false) and require() load them', () => {
    fs.writeFileSync(
      path.join(project, 'bindings.ts'),
      [
        "import { SestenantsProvider } from 'cdktf-ses-tenants/provider/provider';",
        "import { Tenant, type TenantConfig } from 'cdktf-ses-tenants/provider/tenant';",
        "import { DataSestenantsTenants } from 'cdktf-ses-tenants/provider/data-sestenants-tenants';",
        "const config: Pick<TenantConfig, 'name' | 'reputationPolicy'> = { name: 'acme', reputationPolicy: 'strict' };",
        'export const types: string[] = [SestenantsProvider.tfResourceType, Tenant.tfResourceType, DataSestenantsTenants.tfResourceType, config.name];',
        '',
      ].join('\n'),
    );
    const base = JSON.parse(fs.readFileSync(path.join(project, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    expect(base.compilerOptions.skipLibCheck).toBe(false);
    const node10 = { ...base.compilerOptions, module: 'commonjs', moduleResolution: 'node' };
    fs.writeFileSync(path.join(project, 'tsconfig.node16.json'), JSON.stringify({ extends: './tsconfig.json', include: ['bindings.ts'] }));
    fs.writeFileSync(path.join(project, 'tsconfig.node.json'), JSON.stringify({ compilerOptions: node10, include: ['bindings.ts'] }));
    for (const config of ['tsconfig.node16.json', 'tsconfig.node.json']) {
      const compiled = runCommandSync(['npx', 'tsc', '--noEmit', '-p', config], project, { PATH: process.env.PATH, HOME: process.env.HOME });
      expect({ config, output: compiled.output, code: compiled.code }).toEqual({ config, output: '', code: 0 });
    }
    const script = [
      "const p = require('cdktf-ses-tenants/provider/provider');",
      "const t = require('cdktf-ses-tenants/provider/tenant');",
      "const d = require('cdktf-ses-tenants/provider/data-sestenants-tenant');",
      "console.log(p.SestenantsProvider.tfResourceType, t.Tenant.tfResourceType, d.DataSestenantsTenant.tfResourceType);",
      "try { require('cdktf-ses-tenants/provider'); } catch (e) { console.log(e.code); }",
    ].join('\n');
    const loaded = runCommandSync(['node', '-e', script], project, { PATH: process.env.PATH });
    expect(loaded.output.trim().split('\n')).toEqual(['sestenants sestenants_tenant sestenants_tenant', 'ERR_PACKAGE_PATH_NOT_EXPORTED']);
    expect(loaded.code).toBe(0);
  }, STEP_TIMEOUT);

  test('npx cdktf synth writes the provider into the stack as a local mirror and its lock entry; no hooks, no hook asset', async () => {
    const synth = await run(synthStep);

    expect(synth.output).not.toMatch(/error/i);
    expect(synth.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(stackDir(), 'cdk.tf.json'), 'utf8'));
    const version = json.terraform.required_providers.sestenants.version as string;
    expect(version).toMatch(/^0\.1\.0-h[0-9a-f]{12}$/);
    expect(json.terraform.required_providers.sestenants.source).toBe('cdktf-ses-tenants/sestenants');
    expect(json.provider.sestenants).toEqual([{ region: 'eu-central-1', owner: 'my-mail-platform', stack: 'mail', declared_by: 'cdktf', account_id: '123456789012', allowed_account_ids: ['123456789012'], tenant_quota: 10_000 }]);
    expect(Object.keys(json.resource)).toEqual(['sestenants_tenant', 'terraform_data']);
    expect(json.resource.sestenants_tenant.ses_tenant.for_each).toBe('${local.ses_tenants}');
    expect(fs.existsSync(path.join(stackDir(), 'assets'))).toBe(false);
    expect(mirrorVersions()).toEqual([version]);
    const bundle = fs.readFileSync(ownPackageFile(project, 'dist', 'terraform-provider-sestenants.js'));
    for (const platform of PLATFORMS) {
      const exe = path.join(stackDir(), 'terraform.d', 'plugins', 'registry.terraform.io', 'cdktf-ses-tenants', 'sestenants', version, platform, `terraform-provider-sestenants_v${version}`);
      expect(fs.readFileSync(exe).equals(bundle)).toBe(true);
      expect(fs.statSync(exe).mode & 0o111).toBe(0o111);
    }
    expect(fs.readFileSync(path.join(stackDir(), '.terraform.lock.hcl'), 'utf8')).toContain(`provider "registry.terraform.io/cdktf-ses-tenants/sestenants" {\n  version     = "${version}"`);
    expect(JSON.stringify(json)).not.toContain(root);
  }, STEP_TIMEOUT);

  test('terraform init in the stack directory works with an empty CLI config, no network and no plugin cache, and keeps the lock entry', async () => {
    const lockBefore = fs.readFileSync(path.join(stackDir(), '.terraform.lock.hcl'), 'utf8');

    const init = await runCommand(['terraform', 'init', '-input=false', '-no-color'], stackDir(), { ...env, TF_PLUGIN_CACHE_DIR: '' });

    expect(init.output).toContain('Terraform has been successfully initialized!');
    expect(init.code).toBe(0);
    expect(fs.readFileSync(path.join(stackDir(), '.terraform.lock.hcl'), 'utf8')).toBe(lockBefore);
  }, STEP_TIMEOUT);

  test('npx cdktf deploy creates the tenants through the provider, and a second diff shows no changes', async () => {
    const deployed = await run(deployStep);

    expect(deployed.output).not.toMatch(/Error|providers lock/);
    expect(deployed.code).toBe(0);
    const live = await readLiveTenants(client);
    expect(Object.keys(live).sort()).toEqual(['acme', 'globex']);
    expect(live.acme.tags).toMatchObject({ team: 'payments' });
    expect(live.acme.resources.map((r) => r.arn).sort()).toEqual([appArn('configuration-set/transactional'), appArn('identity/acme.example.com')]);
    expect(live.globex.reputationPolicy).toBe('strict');

    const diff = await run(diffStep);
    expect(diff.code).toBe(0);
    expect(diff.output).toContain('No changes.');
  }, STEP_TIMEOUT);

  test('a one-field change shows as one attribute in cdktf diff and deploys in place, keeping the TenantId', async () => {
    const before = await readLiveTenants(client);
    editApp("reputationPolicy: 'strict'", "reputationPolicy: 'none'");

    const diff = await run(diffStep);

    expect(diff.code).toBe(0);
    expect(diff.output).toMatch(/# sestenants_tenant\.ses_tenant \(ses_tenant\)\["globex"\] will be updated in-place/);
    expect(diff.output).toContain('~ reputation_policy        = "strict" -> "none"');
    expect(diff.output).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    expect(diff.output).not.toContain('must be replaced');
    if (process.env.PROVIDER_DIFF_OUT) fs.writeFileSync(process.env.PROVIDER_DIFF_OUT, diff.output);
    const deployed = await run(deployStep);
    expect(deployed.code).toBe(0);
    const after = await readLiveTenants(client);
    expect(after.globex.reputationPolicy).toBe('none');
    expect(after.globex.id).toBe(before.globex.id);
    expect(after.acme.id).toBe(before.acme.id);
  }, STEP_TIMEOUT);

  test('an out-of-band policy change shows in cdktf diff', async () => {
    const acme = (await readLiveTenants(client)).acme;
    await client.send(
      new UpdateReputationEntityPolicyCommand({
        ReputationEntityType: 'RESOURCE',
        ReputationEntityReference: acme.arn,
        ReputationEntityPolicy: `arn:aws:ses:${APP_REGION}:aws:reputation-policy/strict`,
      }),
    );

    const diff = await run(diffStep);

    expect(diff.code).toBe(0);
    expect(diff.output).toMatch(/# sestenants_tenant\.ses_tenant \(ses_tenant\)\["acme"\] will be updated in-place/);
    expect(diff.output).toContain('~ reputation_policy        = "strict" -> "standard"');
  }, STEP_TIMEOUT);

  test('after the provider executable changes (a package upgrade), the same deploy command installs the new version and repairs the drift', async () => {
    const oldVersion = mirrorVersions()[0];
    const ids = await readLiveTenants(client);
    fs.appendFileSync(ownPackageFile(project, 'dist', 'terraform-provider-sestenants.js'), '\n// a new build\n');

    const deployed = await run(deployStep);

    expect(deployed.output).not.toMatch(/Error/);
    expect(deployed.code).toBe(0);
    const [newVersion] = mirrorVersions();
    expect(mirrorVersions()).toHaveLength(1);
    expect(newVersion).not.toBe(oldVersion);
    expect(fs.readFileSync(path.join(stackDir(), '.terraform.lock.hcl'), 'utf8')).toContain(`version     = "${newVersion}"`);
    const live = await readLiveTenants(client);
    expect(live.acme.reputationPolicy).toBe('standard');
    expect(live.acme.id).toBe(ids.acme.id);
    const diff = await run(diffStep);
    expect(diff.output).toContain('No changes.');
  }, STEP_TIMEOUT);

  test('a tenant the stack still marks but no longer declares (its release cut off, the state lost) is a warning of cdktf diff, with the repair', async () => {
    await client.send(new CreateTenantCommand({ TenantName: 'left-behind', Tags: [{ Key: MANAGED_BY_TAG, Value: `my-mail-platform/${STACK}` }] }));

    const diff = await run(diffStep);

    expect(diff.code).toBe(0);
    expect(diff.output).toContain(`Warning: 1 tenant marked my-mail-platform/${STACK} not in the configuration`);
    expect(diff.output).toContain('left-behind');
    expect(diff.output).toContain('No changes.');
  }, STEP_TIMEOUT);
});
