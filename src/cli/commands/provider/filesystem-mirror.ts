import * as fs from 'fs';
import * as path from 'path';
import { platformZips, type PlatformZip, type PlatformZipsOptions } from './release-package';
import { PROVIDER_ADDRESS } from './release-names';

/** Options of {@link writeFilesystemMirror}. */
export interface FilesystemMirrorOptions extends PlatformZipsOptions {
  /** The mirror's root directory (created if absent). */
  readonly dir: string;
}

/** A filesystem mirror as written. */
export interface FilesystemMirror {
  /** Absolute path of the mirror's root. */
  readonly dir: string;
  /** The zips it holds. */
  readonly zips: readonly PlatformZip[];
  /** The `provider_installation` block of a CLI configuration that installs from it. */
  readonly cliConfig: string;
}

/**
 * Writes the provider into a filesystem mirror in Terraform's packed layout,
 * `<dir>/registry.terraform.io/cdktf-ses-tenants/sestenants/terraform-provider-sestenants_<version>_<os>_<arch>.zip`
 * (the layout `terraform providers mirror` writes), which Terraform and OpenTofu install from
 * through a CLI configuration's `filesystem_mirror`.
 */
export async function writeFilesystemMirror(options: FilesystemMirrorOptions): Promise<FilesystemMirror> {
  const zips = await platformZips(options);
  const dir = path.resolve(options.dir);
  const target = path.join(dir, ...PROVIDER_ADDRESS.split('/'));
  fs.mkdirSync(target, { recursive: true });
  for (const zip of zips) fs.writeFileSync(path.join(target, zip.name), zip.bytes);
  return { dir, zips, cliConfig: providerInstallationBlock(dir) };
}

/**
 * The CLI configuration block that takes this provider from the mirror at `dir` and every other
 * provider from its registry as usual.
 */
export function providerInstallationBlock(dir: string): string {
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(dir)}`,
    `    include = ["${PROVIDER_ADDRESS}"]`,
    '  }',
    '  direct {',
    `    exclude = ["${PROVIDER_ADDRESS}"]`,
    '  }',
    '}',
    '',
  ].join('\n');
}
