import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

/** Where a provider was installed. */
export interface InstalledProvider {
  /** The executable. */
  readonly executable: string;
  /** `source` for `required_providers`. */
  readonly source: string;
  /** Its version. */
  readonly version: string;
}

interface ProviderAddress {
  readonly namespace: string;
  readonly type: string;
  readonly version: string;
}

function pluginPath(dir: string, { namespace, type, version }: ProviderAddress): string {
  const target = path.join(dir, 'terraform.d', 'plugins', 'registry.terraform.io', namespace, type, version, 'linux_amd64');
  fs.mkdirSync(target, { recursive: true });
  return path.join(target, `terraform-provider-${type}_v${version}`);
}

/** Installs a built provider executable (such as dist/terraform-provider-sestenants.js) in `<dir>/terraform.d/plugins`. */
export function installProviderFile(dir: string, file: string, address: ProviderAddress): InstalledProvider {
  const executable = pluginPath(dir, address);
  fs.copyFileSync(file, executable);
  fs.chmodSync(executable, 0o755);
  return { executable, source: `${address.namespace}/${address.type}`, version: address.version };
}

/**
 * Bundles a provider entry into one executable JS file and installs it in `<dir>/terraform.d/plugins`,
 * the implied local mirror `terraform init` uses offline.
 */
export async function installProvider(dir: string, options: ProviderAddress & { entry: string }): Promise<InstalledProvider> {
  const { namespace, type, version } = options;
  const executable = pluginPath(dir, options);
  await esbuild.build({
    entryPoints: [options.entry],
    outfile: executable,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  fs.chmodSync(executable, 0o755);
  return { executable, source: `${namespace}/${type}`, version };
}

/** Environment of terraform runs in tests: an empty CLI config of its own, no plugin cache, no checkpoint. */
export function isolatedTerraformEnv(dir: string): NodeJS.ProcessEnv {
  const cliConfig = path.join(dir, 'empty.tfrc');
  fs.writeFileSync(cliConfig, '');
  return { TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: '', CHECKPOINT_DISABLE: '1', TF_LOG: '' };
}

/** `terraform` arguments with `-no-color` (and `-input=false` where the command takes it) before the positional ones. */
export function terraformArgs(args: readonly string[]): string[] {
  const words = args[0] === 'state' ? 2 : 1;
  const input = ['init', 'plan', 'apply', 'destroy', 'import'].includes(args[0]) ? ['-input=false'] : [];
  return [...args.slice(0, words), '-no-color', ...input, ...args.slice(words)];
}

/** Environment of terraform runs against the emulator: isolated, with fixed fake credentials and no AWS config files. */
export function emulatorTerraformEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...isolatedTerraformEnv(dir),
    AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
    AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    AWS_CONFIG_FILE: path.join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-aws-credentials'),
  };
}

/** Owner and stack of the test configurations' provider block: their marker is {@link TEST_MARKER}. */
export const TEST_OWNER = { owner: 'hcl-app', stack: 'main' } as const;
/** The ses-tenants:managed-by marker the test configurations write. */
export const TEST_MARKER = `${TEST_OWNER.owner}/${TEST_OWNER.stack}`;

/** The `terraform { required_providers }` block and a `provider "sestenants"` block against `endpoint`. */
export function providerBlocks(
  endpoint: string,
  options: { readonly region: string; readonly account: string; readonly owner?: string; readonly stack?: string; readonly extra?: readonly string[] },
): string {
  const lines = [
    `region = "${options.region}"`,
    `account_id = "${options.account}"`,
    `owner = "${options.owner ?? TEST_OWNER.owner}"`,
    `stack = "${options.stack ?? TEST_OWNER.stack}"`,
    ...(options.extra ?? []),
    `endpoints {\n    sesv2 = "${endpoint}"\n  }`,
  ];
  return [
    'terraform {\n  required_providers {\n    sestenants = { source = "cdktf-ses-tenants/sestenants", version = "0.1.0" }\n  }\n}',
    `provider "sestenants" {\n${lines.map((l) => `  ${l}`).join('\n')}\n}`,
  ].join('\n');
}
