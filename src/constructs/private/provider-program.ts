import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { bundledFile } from './hook-program';

/** Namespace of the provider's source address `cdktf-ses-tenants/sestenants`. */
export const PROVIDER_NAMESPACE = 'cdktf-ses-tenants';
/** Type name of the provider (`provider "sestenants"`). */
export const PROVIDER_TYPE = 'sestenants';
/** Hostname of the source address, as Terraform expands `cdktf-ses-tenants/sestenants`. */
export const PROVIDER_HOST = 'registry.terraform.io';
const BUNDLE = `terraform-provider-${PROVIDER_TYPE}.js`;

/**
 * Platforms the mirror in a stack directory serves. The executable is one JS file run by `node`,
 * the same bytes everywhere, so it is laid out for every platform a deploy is likely to run on:
 * CI runners and laptops (Linux and macOS, x64 and Arm), plus the synth machine's own.
 * Windows is left out: Terraform there needs an `.exe`.
 */
export const MIRROR_PLATFORMS = ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64'] as const;

/** The bundled provider executable could not be found next to this package. */
export class ProviderProgramMissingError extends Error {
  constructor(file: string) {
    super(`The bundled provider ${file} does not exist: run "npm run build" (it bundles dist/${BUNDLE}) and synthesize again`);
    this.name = 'ProviderProgramMissingError';
  }
}

/** The provider executable of this package and the version it goes by. */
export interface ProviderProgram {
  /** The executable's bytes. */
  readonly bytes: Buffer;
  /** Semver version: the package version with a prerelease part naming the executable's content hash. */
  readonly version: string;
  /** File name Terraform expects in a mirror: `terraform-provider-sestenants_v<version>`. */
  readonly fileName: string;
  /** The `h1:` hash Terraform records in `.terraform.lock.hcl` for the unpacked package (one file). */
  readonly lockHash: string;
}

/**
 * Every change of the executable's bytes is a new version (a rebuilt executable under the same
 * version fails `terraform init` against its lock file): `<package version>-h<12 hex of sha256>`.
 * A prerelease identifier that starts with a letter is valid semver whatever the hex digits are;
 * build metadata (`+...`) would not do, as Terraform ignores it when it compares versions.
 */
export function providerVersion(packageVersion: string, bytes: Buffer): string {
  const base = packageVersion.split('+')[0];
  const hash = `h${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;
  return base.includes('-') ? `${base}.${hash}` : `${base}-${hash}`;
}

/**
 * Terraform's `h1:` package hash (Go's dirhash Hash1) of a package directory holding `fileName`
 * with `bytes`: base64 of the sha256 of the line `<sha256 hex>  <name>\n` per file.
 */
export function packageHash1(fileName: string, bytes: Buffer): string {
  const summary = `${createHash('sha256').update(bytes).digest('hex')}  ${fileName}\n`;
  return `h1:${createHash('sha256').update(summary).digest('base64')}`;
}

/** The platform of this machine as Terraform spells it (`linux_amd64`). */
export function hostPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const goArch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  return `${platform === 'win32' ? 'windows' : platform}_${goArch[arch] ?? arch}`;
}

/** The platforms a stack directory's mirror holds: {@link MIRROR_PLATFORMS} and this machine's, unless it is Windows. */
export function mirrorPlatforms(host: string = hostPlatform()): string[] {
  return [...new Set<string>([...MIRROR_PLATFORMS, ...(host.startsWith('windows_') ? [] : [host])])].sort();
}

/** Reads `dist/terraform-provider-sestenants.js` of this package (found as the hook program is). */
export function providerProgram(from: readonly string[] = [__dirname, process.cwd()]): ProviderProgram {
  const { root, file } = bundledFile(BUNDLE, (missing) => new ProviderProgramMissingError(missing), from);
  const bytes = fs.readFileSync(file);
  const version = providerVersion((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version, bytes);
  const fileName = `terraform-provider-${PROVIDER_TYPE}_v${version}`;
  return { bytes, version, fileName, lockHash: packageHash1(fileName, bytes) };
}
