import * as fs from 'fs';
import * as path from 'path';
import { SYNTH_NAMES } from '../../tenant-spec/synth-names';

const PACKAGE_NAME = 'cdktf-ses-tenants';

/** The bundled hook program could not be found next to this package. */
export class HookProgramMissingError extends Error {
  constructor(file: string) {
    super(`The bundled hook program ${file} does not exist: run "npm run build" (it bundles dist/${SYNTH_NAMES.hookFile}) and synthesize again`);
    this.name = 'HookProgramMissingError';
  }
}

/**
 * The absolute path of `dist/hook.js` in this package. It walks up from this file to the
 * package's own package.json, so it works from `src/` (ts-jest) and from compiled `dist/src/`;
 * a bundled app that lives elsewhere finds the package above the working directory instead.
 */
export function hookProgramPath(from: readonly string[] = [__dirname, process.cwd()]): string {
  return bundledFile(SYNTH_NAMES.hookFile, (file) => new HookProgramMissingError(file), from).file;
}

/** `dist/<name>` of this package and the package root, found as {@link hookProgramPath} says; `missing` makes the error when the file is absent. */
export function bundledFile(name: string, missing: (file: string) => Error, from: readonly string[]): { root: string; file: string } {
  for (const start of from) {
    const root = packageRoot(start);
    if (root === undefined) continue;
    const file = path.join(root, 'dist', name);
    if (!fs.existsSync(file)) throw missing(file);
    return { root, file };
  }
  throw new Error(`cannot find the package.json of ${PACKAGE_NAME} above ${from.join(' or ')}`);
}

function packageRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readPackageName(manifest: string): unknown {
  try {
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
