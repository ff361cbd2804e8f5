import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { hash1, hostPlatform, PROVIDER_PLATFORMS } from '../../tenant-spec/terraform-package';
import { bundledFile } from './hook-program';

/** Namespace of the provider's source address `cdktf-ses-tenants/sestenants`. */
export const PROVIDER_NAMESPACE = 'cdktf-ses-tenants';
/** Type name of the provider (`provider "sestenants"`). */
export const PROVIDER_TYPE = 'sestenants';
/** Hostname of the source address, as Terraform expands `cdktf-ses-tenants/sestenants`. */
export const PROVIDER_HOST = 'registry.terraform.io';
const BUNDLE = `terraform-provider-${PROVIDER_TYPE}.js`;

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
 * The platforms a stack directory's mirror holds. The executable is one JS file run by `node`, the
 * same bytes everywhere, so it is laid out for every platform a deploy is likely to run on
 * ({@link PROVIDER_PLATFORMS}), plus the synth machine's own unless it is Windows.
 */
export function mirrorPlatforms(host: string = hostPlatform()): string[] {
  return [...new Set<string>([...PROVIDER_PLATFORMS, ...(host.startsWith('windows_') ? [] : [host])])].sort();
}

/** Reads `dist/terraform-provider-sestenants.js` of this package (found as the hook program is). */
export function providerProgram(from: readonly string[] = [__dirname, process.cwd()]): ProviderProgram {
  const { root, file } = bundledFile(BUNDLE, (missing) => new ProviderProgramMissingError(missing), from);
  const bytes = fs.readFileSync(file);
  const version = providerVersion((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version, bytes);
  const fileName = `terraform-provider-${PROVIDER_TYPE}_v${version}`;
  return { bytes, version, fileName, lockHash: hash1([{ name: fileName, bytes }]) };
}
