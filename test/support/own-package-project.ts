import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { PackedInstall } from './packed-package';

const PACKAGE_NAME = 'cdktf-ses-tenants';

/**
 * A fresh project directory over a {@link PackedInstall} whose own copy of `cdktf-ses-tenants`
 * can be changed (to stand in for a package upgrade) without touching the shared install: the
 * installed node_modules is copied as hard links (cheap, and it survives another test run
 * replacing the shared install), then the package itself is replaced by a real copy.
 */
export function projectWithOwnPackage(install: PackedInstall, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(install.base, file), path.join(dir, file));
  const linked = spawnSync('cp', ['-a', '-l', path.join(install.base, 'node_modules'), path.join(dir, 'node_modules')], { encoding: 'utf8' });
  if (linked.status !== 0) throw new Error(`cp -al of node_modules failed: ${linked.stderr}`);
  const own = path.join(dir, 'node_modules', PACKAGE_NAME);
  const source = fs.realpathSync(path.join(install.base, 'node_modules', PACKAGE_NAME));
  fs.rmSync(own, { recursive: true, force: true });
  fs.cpSync(source, own, { recursive: true });
  return dir;
}

/** The project's own copy of a file of the package, such as `dist/terraform-provider-sestenants.js`. */
export function ownPackageFile(dir: string, ...parts: string[]): string {
  return path.join(dir, 'node_modules', PACKAGE_NAME, ...parts);
}
