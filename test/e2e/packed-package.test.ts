import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { describeWithTerraform } from '../support/terraform';
import { nodeLegs, pathFirst, RUNNING_NODE } from '../support/node-legs';
import { packedInstall, projectEnv, projectFrom, readmeBlocks, readmeCommands, runCommand, runCommandSync, type PackedInstall } from '../support/packed-package';
import { APP_REGION, appArn, readLiveTenants, removeDir, tempDir } from '../support/tenant-app';

// The package as a user gets it: `npm pack` of this repository installed into a fresh project by
// the README's "A first stack with CDK for Terraform" section, whose blocks (marked `title="..."`) this test
// reads: the install lines, cdktf.json, tsconfig.json and main.ts (a stack on the default provider
// backend), then synth, deploy and plan (test/e2e/provider-backend.test.ts runs its diff step).
// One install serves every step (and every e2e file; see packedInstall); what runs the user's
// side runs twice, on the running node and on Node 22 (test/support/node-legs.ts).

// A step runs npm, tsc or cdktf (each of which may synthesize) on a machine shared with other suites.
const STEP_TIMEOUT = 300_000;

describeWithTerraform('the packed package in a fresh project, as the README says', () => {
  let install: PackedInstall;
  let root: string;
  const deploySteps = readmeCommands('deploy');

  beforeAll(async () => {
    install = await packedInstall();
    root = tempDir('e2e-packed-package');
  }, 900_000);
  afterAll(() => {
    if (root) removeDir(root);
  });

  test('the tarball ships the library, its declarations, the bundles, the CLI and the LICENSE, and no tests', () => {
    const listing = runCommandSync(['tar', '-tzf', install.tarball], root, { PATH: process.env.PATH });
    expect(listing.code).toBe(0);
    const files = listing.output.split('\n').filter((f) => f.length > 0);
    expect(files).toEqual(
      expect.arrayContaining(['package/package.json', 'package/README.md', 'package/docs/guide-cdktf.md', 'package/LICENSE', 'package/bin/ses-tenants.js', 'package/dist/lib/index.js', 'package/dist/lib/index.d.ts', 'package/dist/hook.js', 'package/dist/terraform-provider-sestenants.js', 'package/dist/cli.js', 'package/dist/emulator.js']),
    );
    expect(files.filter((f) => /^package\/(test|stacks|src|scripts|tools|cdktf\.out)\//.test(f) || /\.test\.|\.tgz$|tsconfig/.test(f))).toEqual([]);
    // package.json says Apache-2.0; the tarball carries that licence's text.
    const license = runCommandSync(['tar', '-xzOf', install.tarball, 'package/LICENSE'], root, { PATH: process.env.PATH });
    expect(license.output).toContain('Apache License\n                           Version 2.0, January 2004');
  }, STEP_TIMEOUT);

  test('the install has no @cdktf/provider-aws', () => {
    expect(install.installOutput).not.toMatch(/ERR!/);
    expect(fs.existsSync(path.join(install.base, 'node_modules', 'cdktf-ses-tenants', 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(install.base, 'node_modules', '@cdktf', 'provider-aws'))).toBe(false);
  });

  test('the README deploy steps are synth, deploy, diff and plan, with no extra flag', () => {
    expect(deploySteps.map((argv) => argv.join(' '))).toEqual(['npx cdktf synth', 'npx cdktf deploy mail --auto-approve', 'npx cdktf diff mail', 'npx ses-tenants plan']);
  });

  // The install is shared; each node gets a project of its own over it and an emulator of its own,
  // and runs every command with its directory first on the PATH (node, npx, tsc, cdktf, the
  // provider and the CLI all run on it).
  describe.each(nodeLegs())('on $label', (leg) => {
    let project: string;
    let emu: TestEmulator;
    let client: SESv2Client;
    const installed = (...parts: string[]): string => path.join(project, 'node_modules', ...parts);
    const env = (): NodeJS.ProcessEnv => ({ ...projectEnv(emu.url), PATH: pathFirst(leg.bin) });

    beforeAll(async () => {
      project = projectFrom(install, path.join(root, leg === RUNNING_NODE ? 'running-node' : 'node-22', 'my-mail-platform'));
      for (const file of ['cdktf.json', 'tsconfig.json', 'main.ts']) {
        const block = readmeBlocks().get(file);
        if (block === undefined) throw new Error(`README.md has no block titled "${file}"`);
        fs.writeFileSync(path.join(project, file), block.body);
      }
      emu = await startTestEmulator();
      client = emu.client(APP_REGION);
      // What the README's stack references by ARN or name exists already, as the README says.
      await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'transactional' }));
      for (const identity of ['acme.example.com', 'globex.example.com']) await client.send(new CreateEmailIdentityCommand({ EmailIdentity: identity }));
    }, 120_000);
    afterAll(async () => {
      client?.destroy();
      await emu?.stop();
    });

    test('node --version in the project is that node, and require() of the package loads the constructs', () => {
      expect(runCommandSync(['node', '--version'], project, env()).output.trim()).toMatch(leg.version);
      const script = [
        "const m = require('cdktf-ses-tenants');",
        "console.log(require('cdktf-ses-tenants/package.json').version, require('cdktf-ses-tenants/schema/tenant-spec.schema.json').type);",
        "console.log(Object.keys(m).sort().join(' '));",
      ].join('\n');
      const loaded = runCommandSync(['node', '-e', script], project, env());

      expect(loaded.code).toBe(0);
      const [versions, exported] = loaded.output.trim().split('\n');
      expect(versions).toBe(`${(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version} object`);
      expect(exported.split(' ')).toEqual(expect.arrayContaining(['ConfigurationSet', 'EmailIdentity', 'EmailTemplate', 'ProviderAwsMissingError', 'SesTenant', 'TenantStack']));
    }, STEP_TIMEOUT);

    test('tsc of the project passes with skipLibCheck false and no provider installed; the declarations never import it', () => {
      const tsconfig = JSON.parse(fs.readFileSync(path.join(project, 'tsconfig.json'), 'utf8')) as { compilerOptions: { skipLibCheck?: boolean } };
      expect(tsconfig.compilerOptions.skipLibCheck).toBe(false);

      const compiled = runCommandSync(['npx', 'tsc', '--noEmit'], project, env());

      expect(compiled.output).toBe('');
      expect(compiled.code).toBe(0);
      const declarations = walk(installed('cdktf-ses-tenants', 'dist', 'lib')).filter((f) => f.endsWith('.d.ts'));
      expect(declarations.length).toBeGreaterThan(10);
      expect(declarations.filter((f) => /from ['"]@cdktf\/provider-aws/.test(fs.readFileSync(f, 'utf8')))).toEqual([]);
    }, STEP_TIMEOUT);

    test('a native resource without @cdktf/provider-aws fails with an error that names the package to install', () => {
      const script = [
        "const { App } = require('cdktf');",
        "const { ProviderAwsMissingError, TenantStack } = require('cdktf-ses-tenants');",
        "const stack = new TenantStack(new App(), 'native', { owner: 'my-mail-platform', region: 'eu-central-1', accountId: '123456789012' });",
        "try { stack.emailIdentity('acme.example.com'); } catch (err) { console.error(err instanceof ProviderAwsMissingError ? 'instanceof ok' : 'other error'); throw err; }",
      ].join('\n');

      const run = runCommandSync(['node', '-e', script], project, env());

      expect(run.code).not.toBe(0);
      expect(run.output).toContain('ProviderAwsMissingError: TenantStack#emailIdentity needs the optional peer dependency @cdktf/provider-aws');
      expect(run.output).toContain('npm install @cdktf/provider-aws');
      expect(run.output).toContain('instanceof ok');
    }, STEP_TIMEOUT);

    test('npx cdktf synth writes the stack on the provider backend, with the package\'s own provider in its local mirror and no path of this machine', async () => {
      const synth = await runCommand(deploySteps[0], project, env());

      expect(synth.code).toBe(0);
      const stackDir = path.join(project, 'cdktf.out', 'stacks', 'mail');
      expect(fs.existsSync(path.join(stackDir, 'assets'))).toBe(false);
      const providers = walk(path.join(stackDir, 'terraform.d', 'plugins')).filter((f) => path.basename(f).startsWith('terraform-provider-sestenants_v'));
      expect(providers.length).toBeGreaterThan(0);
      for (const exe of providers) expect(fs.readFileSync(exe).equals(fs.readFileSync(installed('cdktf-ses-tenants', 'dist', 'terraform-provider-sestenants.js')))).toBe(true);
      const json = fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8');
      expect(Object.keys(JSON.parse(json).resource)).toEqual(['sestenants_tenant', 'terraform_data']);
      expect(json).not.toContain(root);
      expect(json).not.toContain(install.base);
    }, STEP_TIMEOUT);

    test('npx cdktf deploy creates the tenants with their associations and tags', async () => {
      const deployed = await runCommand(deploySteps[1], project, env());

      expect(deployed.output).not.toMatch(/Error/);
      expect(deployed.code).toBe(0);
      const live = await readLiveTenants(client);
      expect(Object.keys(live).sort()).toEqual(['acme', 'globex']);
      expect(live.acme.tags).toMatchObject({ team: 'payments', 'ses-tenants:managed-by': 'my-mail-platform/mail' });
      expect(live.acme.resources.map((r) => r.arn).sort()).toEqual([appArn('configuration-set/transactional'), appArn('identity/acme.example.com')]);
      expect(live.globex.reputationPolicy).toBe('strict');
      expect(live.globex.resources.map((r) => r.arn).sort()).toEqual([appArn('configuration-set/transactional'), appArn('identity/globex.example.com')]);
    }, STEP_TIMEOUT);

    test('npx ses-tenants plan after the deploy shows no changes', async () => {
      const plan = await runCommand(deploySteps[3], project, env());

      expect(plan.code).toBe(0);
      expect(plan.output).toMatch(/no changes/i);
      const detailed = await runCommand([...deploySteps[3], '--detailed-exitcode'], project, env());
      expect(detailed.code).toBe(0);
    }, STEP_TIMEOUT);

    test('npx ses-tenants import writes a stack that imports from cdktf-ses-tenants and compiles in the project', async () => {
      const imported = await runCommand(['npx', 'ses-tenants', 'import', '--region', APP_REGION, '--out', 'imported.ts'], project, env());

      expect(imported.code).toBe(0);
      const source = fs.readFileSync(path.join(project, 'imported.ts'), 'utf8');
      expect(source).toMatch(/from ["']cdktf-ses-tenants["']/);
      expect(source).toContain('"acme"');
      fs.writeFileSync(path.join(project, 'tsconfig.imported.json'), JSON.stringify({ extends: './tsconfig.json', include: ['imported.ts'] }));
      const compiled = runCommandSync(['npx', 'tsc', '--noEmit', '-p', 'tsconfig.imported.json'], project, env());
      expect(compiled.output).toBe('');
      expect(compiled.code).toBe(0);
    }, STEP_TIMEOUT);

    (process.platform === 'linux' && process.arch === 'x64' ? test : test.skip)(
      'npx ses-tenants provider mirror builds the single executable from the installed package (postject, a run-time dependency, resolves there)',
      async () => {
        const mirror = await runCommand(['npx', 'ses-tenants', 'provider', 'mirror', 'terraform-mirror', '--version', '1.0.0', '--platform', 'linux_amd64'], project, env());

        expect(mirror.output).toContain('terraform-provider-sestenants_1.0.0_linux_amd64.zip  (single executable, needs no node)');
        expect(mirror.code).toBe(0);
        const zip = path.join(project, 'terraform-mirror', 'registry.terraform.io', 'cdktf-ses-tenants', 'sestenants', 'terraform-provider-sestenants_1.0.0_linux_amd64.zip');
        expect(fs.statSync(zip).size).toBeGreaterThan(10 * 1024 * 1024);
      },
      STEP_TIMEOUT,
    );
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
