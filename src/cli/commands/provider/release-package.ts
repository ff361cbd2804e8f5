import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSecretKey, detachSign } from './gpg-signature';
import { RELEASE_MANIFEST, releaseNames, releaseVersion } from './release-names';
import { compareStrings } from '../../../tenant-spec/compare';
import { hash1, hostPlatform, sha256Hex } from '../../../tenant-spec/terraform-package';
import { executableForm, releasePlatforms, type ExecutableForm, type ReleasePlatform } from './release-platforms';
import { deterministicZip, type ZipEntry } from './release-zip';
import { buildSingleExecutable } from './single-executable';

/** What to build. */
export interface PlatformZipsOptions {
  /** The bundled provider (dist/terraform-provider-sestenants.js). */
  readonly program: Buffer;
  /** Release version, semver. */
  readonly version: string;
  /**
   * Platforms, as Terraform spells them.
   * @default - all of RELEASE_PLATFORMS
   */
  readonly platforms?: readonly string[];
  /**
   * Ship the JS form (needs `node`) even for this machine's platform.
   * @default false
   */
  readonly jsOnly?: boolean;
  /**
   * Embed V8's code cache in the single executable: faster start-up, bytes no longer reproducible.
   * @default false
   */
  readonly codeCache?: boolean;
  /**
   * The platform of this machine, which gets the single executable.
   * @default - hostPlatform()
   */
  readonly host?: string;
}

/** One platform's archive. */
export interface PlatformZip {
  /** `os_arch`. */
  readonly platform: ReleasePlatform;
  /** What the executable inside is. */
  readonly form: ExecutableForm;
  /** `terraform-provider-sestenants_<version>_<os>_<arch>.zip`. */
  readonly name: string;
  /** The zip's bytes. */
  readonly bytes: Buffer;
  /** SHA-256 hex of the zip: the SHA256SUMS entry and, as `zh:<hex>`, the lock-file hash. */
  readonly sha256: string;
  /** The `h1:` hash of the zip's contents, which `terraform providers lock` records. */
  readonly h1: string;
}

/** Builds the zip of every chosen platform; the single executable once, for the host platform. */
export async function platformZips(options: PlatformZipsOptions): Promise<PlatformZip[]> {
  const version = releaseVersion(options.version);
  const platforms = releasePlatforms(options.platforms);
  const host = options.host ?? hostPlatform();
  const executable = releaseNames.executable(version);
  let singleExecutable: Buffer | undefined;
  const zips: PlatformZip[] = [];
  for (const platform of platforms) {
    const form = executableForm(platform, host, options.jsOnly);
    if (form === 'single-executable' && singleExecutable === undefined) singleExecutable = await singleExecutableBytes(options.program, options.codeCache);
    const entries: ZipEntry[] = [{ name: executable, bytes: form === 'js' ? options.program : singleExecutable!, mode: 0o755 }];
    const bytes = await deterministicZip(entries);
    zips.push({ platform, form, name: releaseNames.zip(version, platform), bytes, sha256: sha256Hex(bytes), h1: hash1(entries) });
  }
  return zips;
}

async function singleExecutableBytes(program: Buffer, codeCache?: boolean): Promise<Buffer> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sestenants-release-'));
  try {
    const outFile = path.join(work, 'provider');
    await buildSingleExecutable({ script: program, outFile, codeCache });
    return fs.readFileSync(outFile);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Options of {@link packageRelease}. */
export interface ReleaseOptions extends PlatformZipsOptions {
  /** Directory to write the artifacts into (created if absent). */
  readonly outDir: string;
  /**
   * GPG key (id, fingerprint or user id) of the local keyring that signs SHA256SUMS.
   * @default - no signature
   */
  readonly gpgKey?: string;
}

/** The files of a release. */
export interface ReleaseArtifacts {
  /** Release version. */
  readonly version: string;
  /** The zips, by platform. */
  readonly zips: readonly PlatformZip[];
  /** Paths of every file written, in order: zips, manifest, SHA256SUMS, signature. */
  readonly files: readonly string[];
  /** The SHA256SUMS text. */
  readonly sums: string;
}

/** The SHA256SUMS text: `<sha256 hex>  <file name>` per file, sorted by name, as `sha256sum` writes it. */
export function sha256Sums(files: readonly { name: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((f) => `${f.sha256}  ${f.name}\n`)
    .join('');
}

/**
 * Writes a release in the layout the Terraform and OpenTofu registries read (the GitHub release
 * assets of a provider): one zip per platform, the manifest, SHA256SUMS of both, and its detached
 * signature when a key is given. Bad input (version, platform, key) fails before anything is written.
 */
export async function packageRelease(options: ReleaseOptions): Promise<ReleaseArtifacts> {
  const version = releaseVersion(options.version);
  releasePlatforms(options.platforms);
  if (options.gpgKey !== undefined) await checkSecretKey(options.gpgKey);
  const zips = await platformZips(options);
  fs.mkdirSync(options.outDir, { recursive: true });
  const write = (name: string, bytes: Buffer | string): string => {
    const file = path.join(options.outDir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const files = zips.map((z) => write(z.name, z.bytes));
  const manifest = `${JSON.stringify(RELEASE_MANIFEST)}\n`;
  files.push(write(releaseNames.manifest(version), manifest));
  const sums = sha256Sums([...zips, { name: releaseNames.manifest(version), sha256: sha256Hex(manifest) }]);
  const sumsFile = write(releaseNames.sums(version), sums);
  files.push(sumsFile);
  if (options.gpgKey !== undefined) {
    const signature = path.join(options.outDir, releaseNames.signature(version));
    await detachSign(sumsFile, signature, options.gpgKey);
    files.push(signature);
  }
  return { version, zips, files, sums };
}
