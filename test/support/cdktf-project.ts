import * as fs from 'fs';
import * as path from 'path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { ReputationPolicy, SendingStatus, Suppression, TenantStackBackend } from '../../src';
import { startEmulatorChild, type EmulatorChild } from './emulator-process';
import { fakeCredentials } from './emulator';
import { emulatorTerraformEnv } from './emulator-terraform-env';
import { packedInstall, PackedUserProject, runCommand, type CommandResult } from './packed-package';
import { APP_REGION, appArn, identityOf, removeDir, tempDir } from './tenant-app';

/** One tenant of a generated app: its identity is `<name>.example.com`, everything is referenced by ARN. */
export interface AppTenantSource {
  readonly configurationSets: readonly string[];
  readonly templates?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly reputationPolicy?: ReputationPolicy;
  readonly sendingStatus?: SendingStatus;
  readonly suppression?: Suppression;
  readonly removalPolicy?: 'retain' | 'destroy';
  readonly adopt?: boolean;
}

/**
 * Source of a cdktf app with one TenantStack `stack` (owner `owner`, the apps' region and account)
 * declaring `tenants` (`name → AppTenantSource`) with `addTenant`; `backend` left out means the
 * default; `stackProps` are further props of the stack (such as `migrateFromHooks`).
 */
export function tenantStackAppSource(
  stack: string,
  owner: string,
  tenants: Readonly<Record<string, AppTenantSource>>,
  backend?: TenantStackBackend,
  core: 'cdktf' | 'cdktn' = 'cdktf',
  stackProps: Readonly<Record<string, unknown>> = {},
): string {
  const lines = Object.entries(tenants).map(([name, t]) => {
    const { configurationSets, templates = [], ...rest } = t;
    const props = [
      `tenantName: ${JSON.stringify(name)}`,
      `emailIdentities: [EmailIdentity.fromArn(${JSON.stringify(appArn(`identity/${identityOf(name)}`))})]`,
      `configurationSets: [${configurationSets.map((c) => `ConfigurationSet.fromArn(${JSON.stringify(appArn(`configuration-set/${c}`))})`).join(', ')}]`,
      ...(templates.length > 0 ? [`templates: [${templates.map((c) => `EmailTemplate.fromArn(${JSON.stringify(appArn(`template/${c}`))})`).join(', ')}]`] : []),
      ...Object.entries(rest).map(([key, value]) => `${key}: ${JSON.stringify(value)}`),
    ];
    return `stack.addTenant({\n${props.map((p) => `  ${p},`).join('\n')}\n});`;
  });
  const extra = Object.entries({ ...(backend ? { backend } : {}), ...stackProps }).map(([key, value]) => `, ${key}: ${JSON.stringify(value)}`);
  const props = `{ owner: ${JSON.stringify(owner)}, region: ${JSON.stringify(APP_REGION)}, accountId: '123456789012'${extra.join('')} }`;
  return [
    `import { App } from '${core}';`,
    `import { ConfigurationSet, EmailIdentity, EmailTemplate, TenantStack } from '${core === 'cdktn' ? 'cdktf-ses-tenants/cdktn' : 'cdktf-ses-tenants'}';`,
    `const app = new App();`,
    `const stack = new TenantStack(app, ${JSON.stringify(stack)}, ${props});`,
    ...lines,
    `app.synth();`,
    '',
  ].join('\n');
}

/** What a {@link packedCdktfProject} sets up before the tests of its describe block. */
export interface PackedCdktfContext {
  /** Temporary directory of the project, the CLI config and the plugin cache. */
  root: string;
  /** The project's own emulator. */
  emu: EmulatorChild;
  /** An SDK client of that emulator, in the apps' region. */
  client: SESv2Client;
  /** The project on the packed package. */
  project: PackedUserProject;
  /** Environment of `npx cdktf` in the project: offline, no colours, SES at the emulator. */
  env: NodeJS.ProcessEnv;
}

/** How a {@link packedCdktfProject} is installed and run: CDK for Terraform on the running node, or another core and node. */
export interface ProjectFlavour {
  /** The README install block of the project. */
  readonly installBlock: string;
  /** The CLI that `cdktf(...)` runs with npx. */
  readonly cli: 'cdktf' | 'cdktn';
  /** A directory put first on the PATH of every command (the node that runs npx, the CLI, the app and the provider). @default - the caller's PATH */
  readonly nodeBin?: string;
}

/** cdktf on the running node, as the README's first stack installs it. */
export const CDKTF_FLAVOUR: ProjectFlavour = { installBlock: 'install', cli: 'cdktf' };

/**
 * Registers beforeAll / afterAll hooks for a fresh project on the packed package with an emulator
 * of its own, which `seed` fills through the SDK first; `cdktf(...)` runs `npx cdktf ARGS` in the
 * project and answers its output with ANSI colours stripped.
 */
export function packedCdktfProject(prefix: string, seed: (client: SESv2Client) => Promise<void>, flavour: ProjectFlavour = CDKTF_FLAVOUR) {
  const ctx = {} as PackedCdktfContext;
  const cdktf = async (...args: string[]): Promise<CommandResult> => {
    const run = await runCommand(['npx', flavour.cli, ...args], ctx.project.dir, ctx.env);
    return { code: run.code, output: run.output.replace(/\x1b\[[0-9;]*m/g, '') };
  };
  beforeAll(async () => {
    ctx.root = tempDir(prefix);
    ctx.emu = await startEmulatorChild([]);
    ctx.client = new SESv2Client({ region: APP_REGION, endpoint: ctx.emu.url, credentials: fakeCredentials() });
    await seed(ctx.client);
    ctx.project = new PackedUserProject(await packedInstall(flavour.installBlock), path.join(ctx.root, 'project'));
    // An empty CLI config (the provider comes from the stack directory's own mirror) and cdktf's plugin cache in a directory of the test's own.
    fs.mkdirSync(path.join(ctx.root, 'plugin-cache'));
    ctx.env = {
      PATH: flavour.nodeBin ? `${flavour.nodeBin}${path.delimiter}${process.env.PATH}` : process.env.PATH,
      HOME: process.env.HOME,
      CI: '1',
      CHECKPOINT_DISABLE: '1',
      NO_COLOR: '1',
      ...emulatorTerraformEnv(ctx.root, ctx.emu.url),
      TF_PLUGIN_CACHE_DIR: path.join(ctx.root, 'plugin-cache'),
    };
  }, 900_000);
  afterAll(async () => {
    ctx.client?.destroy();
    await ctx.emu?.kill('SIGKILL');
    if (ctx.root) removeDir(ctx.root);
  });
  return { ctx, cdktf };
}
