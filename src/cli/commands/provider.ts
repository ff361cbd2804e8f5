import type { Command } from 'commander';
import { version as packageVersion } from '../../../package.json';
import { providerInstallationBlock, writeFilesystemMirror } from './provider/filesystem-mirror';
import { providerBundle } from './provider/provider-bundle';
import { packageRelease } from './provider/release-package';
import { RELEASE_PLATFORMS } from './provider/release-platforms';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

interface PlatformOptions {
  readonly version: string;
  readonly platform?: string[];
  readonly js?: boolean;
  readonly codeCache?: boolean;
}

function addPlatformOptions(cmd: Command): Command {
  return cmd
    .option('--version <semver>', 'release version (semver, no leading "v")', packageVersion)
    .option('--platform <os_arch>', `only this platform (repeatable; default: ${RELEASE_PLATFORMS.join(', ')})`, collect)
    .option('--js', "ship the JS form (needs node) for this machine's platform too, instead of the single executable")
    .option('--code-cache', 'embed V8 code cache in the single executable: faster start-up, but its bytes differ from build to build');
}

const FORM_NOTE = { 'single-executable': 'single executable, needs no node', js: 'JS form, needs node on PATH' } as const;

/** `ses-tenants provider package | mirror`: the sestenants provider for plain Terraform and OpenTofu. */
export function providerCommand(program: Command): Command {
  const provider = program.command('provider').description('the sestenants provider for plain Terraform and OpenTofu: release artifacts and a filesystem mirror');

  addPlatformOptions(
    provider
      .command('package')
      .description('write release artifacts in the registry layout: a zip per platform, SHA256SUMS, its GPG signature, the manifest')
      .requiredOption('--out <dir>', 'directory to write the artifacts into')
      .option('--gpg-key <id>', 'sign SHA256SUMS with this key of the local gpg keyring'),
  ).action(async (opts: PlatformOptions & { out: string; gpgKey?: string }) => {
    const release = await packageRelease({ program: providerBundle(), version: opts.version, platforms: opts.platform, jsOnly: opts.js, codeCache: opts.codeCache, outDir: opts.out, gpgKey: opts.gpgKey });
    for (const zip of release.zips) process.stdout.write(`${zip.name}  (${FORM_NOTE[zip.form]})\n`);
    process.stdout.write(`wrote ${release.files.length} files to ${opts.out}\n`);
  });

  addPlatformOptions(
    provider
      .command('mirror')
      .description('write a filesystem mirror (packed layout) and print the CLI configuration that installs from it')
      .argument('<dir>', 'the mirror directory'),
  ).action(async (dir: string, opts: PlatformOptions) => {
    const mirror = await writeFilesystemMirror({ program: providerBundle(), version: opts.version, platforms: opts.platform, jsOnly: opts.js, codeCache: opts.codeCache, dir });
    for (const zip of mirror.zips) process.stdout.write(`# ${zip.name}  (${FORM_NOTE[zip.form]})  zh:${zip.sha256}\n`);
    process.stdout.write(`# Add to your Terraform CLI configuration (~/.terraformrc or TF_CLI_CONFIG_FILE):\n${providerInstallationBlock(mirror.dir)}`);
  });
  return provider;
}
