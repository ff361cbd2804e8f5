import { createHash } from 'crypto';
import { compareStrings } from './compare';

/**
 * Platforms (os_arch, as Terraform spells them) a provider package is laid out for, in a stack's
 * mirror and in a release: CI runners and laptops, Linux and macOS, x64 and Arm. Windows is left
 * out: Terraform there needs an `.exe`, and the JS form would need a `.cmd` shim.
 */
export const PROVIDER_PLATFORMS = ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64'] as const;

/** The platform of this machine as Terraform spells it (`linux_amd64`). */
export function hostPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const goArch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  return `${platform === 'win32' ? 'windows' : platform}_${goArch[arch] ?? arch}`;
}

/** Lower-case hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Terraform's `h1:` hash (Go's dirhash Hash1) of a package's files: base64 of the SHA-256 of one
 * line `<sha256 hex>  <name>\n` per file, sorted by name. The same value whether Terraform reads
 * the files unpacked (a mirror, `.terraform.lock.hcl`) or inside the release zip.
 */
export function hash1(entries: readonly { readonly name: string; readonly bytes: Buffer }[]): string {
  const summary = [...entries]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((e) => `${sha256Hex(e.bytes)}  ${e.name}\n`)
    .join('');
  return `h1:${createHash('sha256').update(summary).digest('base64')}`;
}
