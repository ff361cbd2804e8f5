import * as fs from 'fs';
import * as path from 'path';
import { CreateTenantCommand } from '@aws-sdk/client-sesv2';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { nodeLegs, pathFirst } from '../support/node-legs';
import { packedInstall, projectEnv, projectFrom, readmeBlocks, runCommand, runCommandSync, type PackedInstall } from '../support/packed-package';
import { APP_REGION, removeDir, tempDir } from '../support/tenant-app';

// The package in a fresh CDK Terrain project, as the README's "A first stack with CDK Terrain" says: its
// install block (the packed tarball in place of the package name), the cdktf.json and tsconfig.json
// of "A first stack with CDK for Terraform" and its cdktn main.ts; no cdktf may be installed. The app compiles
// with strict tsc and skipLibCheck false (cdktn backend, @cdktn/provider-aws resource, TenantStack as
// a cdktn TerraformStack) and synthesizes on the running node and on Node 22 (test/support/node-legs.ts).

const { leakedModules } = require('../../scripts/flavours') as { leakedModules: (dir: string, flavour: 'cdktf' | 'cdktn') => string[] };
const STEP_TIMEOUT = 300_000;

describe('the packed package in a fresh CDK Terrain project, as the README says', () => {
  let install: PackedInstall;
  let root: string;
  let project: string;
  let emu: TestEmulator;
  const installed = (...parts: string[]): string => path.join(project, 'node_modules', ...parts);
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: '1' });

  beforeAll(async () => {
    install = await packedInstall('cdktn install');
    root = tempDir('e2e-cdktn-package');
    project = projectFrom(install, path.join(root, 'my-mail-platform'));
    for (const [block, file] of [['cdktf.json', 'cdktf.json'], ['tsconfig.json', 'tsconfig.json'], ['cdktn main.ts', 'main.ts']]) {
      const body = readmeBlocks().get(block)?.body;
      if (body === undefined) throw new Error(`README.md has no block titled "${block}"`);
      fs.writeFileSync(path.join(project, file), body);
    }
    emu = await startTestEmulator();
  }, 900_000);
  afterAll(async () => {
    await emu?.stop();
    if (root) removeDir(root);
  });

  test('the install has cdktn and @cdktn/provider-aws, and no cdktf nor @cdktf package at all', () => {
    expect(install.installOutput).not.toMatch(/ERR!/);
    expect(fs.existsSync(installed('cdktn', 'package.json'))).toBe(true);
    expect(fs.existsSync(installed('@cdktn', 'provider-aws', 'package.json'))).toBe(true);
    expect(fs.existsSync(installed('cdktf'))).toBe(false);
    expect(fs.existsSync(installed('@cdktf'))).toBe(false);
  });

  test('the installed cdktn entry names only cdktn modules, and the cdktf entry only cdktf ones', () => {
    expect(leakedModules(installed('cdktf-ses-tenants', 'dist', 'cdktn'), 'cdktn')).toEqual([]);
    expect(leakedModules(installed('cdktf-ses-tenants', 'dist', 'lib'), 'cdktf')).toEqual([]);
  });

  test('strict tsc with skipLibCheck false passes on cdktn types given to stateBackend, EmailIdentity.fromResource and a TerraformStack parameter', () => {
    const compiled = runCommandSync(['npx', 'tsc'], project, env());

    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);
  }, STEP_TIMEOUT);

  test.each(nodeLegs())('on $label the app synthesizes the stack: a cdktn TerraformStack with its local backend, native identity and tenant', (leg) => {
    fs.rmSync(path.join(project, 'cdktf.out'), { recursive: true, force: true });
    const version = runCommandSync(['node', '--version'], project, { ...env(), PATH: pathFirst(leg.bin) });
    const synth = runCommandSync(['node', 'main.js'], project, { ...env(), PATH: pathFirst(leg.bin) });

    expect(synth.code).toBe(0);
    expect(synth.output).toContain('mail: true');
    const json = JSON.parse(fs.readFileSync(path.join(project, 'cdktf.out', 'stacks', 'mail', 'cdk.tf.json'), 'utf8')) as {
      terraform: { backend: Record<string, unknown> };
      resource: Record<string, Record<string, unknown>>;
    };
    expect(json.terraform.backend).toEqual({ local: { path: 'mail.tfstate' } });
    expect(Object.keys(json.resource).sort()).toEqual(['aws_sesv2_email_identity', 'sestenants_tenant', 'terraform_data']);
    expect(version.output.trim()).toMatch(leg.version);
  }, STEP_TIMEOUT);

  test('a native resource without @cdktn/provider-aws names that package', () => {
    const script = [
      "const Module = require('module');",
      "const load = Module._load; Module._load = function (req, ...rest) { if (req.startsWith('@cdktn/provider-aws/')) { const e = new Error(`Cannot find module '${req}'`); e.code = 'MODULE_NOT_FOUND'; throw e; } return load.call(this, req, ...rest); };",
      "const { App } = require('cdktn');",
      "const { TenantStack } = require('cdktf-ses-tenants/cdktn');",
      "new TenantStack(new App(), 'native', { owner: 'my-mail-platform', region: 'eu-central-1', accountId: '123456789012' }).emailIdentity('acme.example.com');",
    ].join('\n');

    const run = runCommandSync(['node', '-e', script], project, env());

    expect(run.code).not.toBe(0);
    expect(run.output).toContain('ProviderAwsMissingError: TenantStack#emailIdentity needs the optional peer dependency @cdktn/provider-aws');
  });

  test('npx ses-tenants import in the cdktn project writes a stack on cdktn and the cdktn entry, and it compiles', async () => {
    const client = emu.client(APP_REGION);
    await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    client.destroy();

    const imported = await runCommand(['npx', 'ses-tenants', 'import', '--region', APP_REGION, '--out', 'imported.ts'], project, projectEnv(emu.url));

    expect(imported.code).toBe(0);
    const source = fs.readFileSync(path.join(project, 'imported.ts'), 'utf8');
    expect(source).toContain('import { App } from "cdktn";');
    expect(source).toMatch(/ from "cdktf-ses-tenants\/cdktn";/);
    fs.writeFileSync(path.join(project, 'tsconfig.imported.json'), JSON.stringify({ extends: './tsconfig.json', include: ['imported.ts'] }));
    const compiled = runCommandSync(['npx', 'tsc', '--noEmit', '-p', 'tsconfig.imported.json'], project, env());
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);
  }, STEP_TIMEOUT);
});
