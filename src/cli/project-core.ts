import * as fs from 'fs';
import * as path from 'path';

/** The CDK core a project builds on: CDK for Terraform (`cdktf`) or CDK Terrain (`cdktn`). */
export type ProjectCore = 'cdktf' | 'cdktn';

/** The module of this package's constructs for a project on `core`. */
export function constructsModule(core: ProjectCore): string {
  return core === 'cdktn' ? 'cdktf-ses-tenants/cdktn' : 'cdktf-ses-tenants';
}

/**
 * The core of the project whose package.json is in `dir`: `cdktn` when it depends on cdktn and not on
 * cdktf, else `cdktf` (also with no package.json, the package's first flavour).
 */
export function detectProjectCore(dir: string): ProjectCore {
  const file = path.join(dir, 'package.json');
  if (!fs.existsSync(file)) return 'cdktf';
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
  const deps = new Set(['dependencies', 'devDependencies', 'peerDependencies'].flatMap((k) => Object.keys(manifest[k] ?? {})));
  return deps.has('cdktn') && !deps.has('cdktf') ? 'cdktn' : 'cdktf';
}
