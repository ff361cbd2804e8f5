import { spawnSync } from 'child_process';
import * as path from 'path';

const REPO = path.join(__dirname, '..', '..');

/** A node that an e2e test runs the user's side on (node -e, tsc, the app, the CLIs, the provider, the hooks). */
export interface NodeLeg {
  /** How test names call it, with its version. */
  readonly label: string;
  /** Directory of its binary, put first on the PATH of every command so that `node` and npx use it. */
  readonly bin: string;
  /** What `node --version` prints there. */
  readonly version: RegExp;
}

/** The node that runs the tests. */
export const RUNNING_NODE: NodeLeg = {
  label: `the running node (${process.version})`,
  bin: path.dirname(process.execPath),
  version: new RegExp(`^${process.version.replace(/\./g, '\\.')}$`),
};

/**
 * Directory of the Node 22 binary that `npm ci` installs from the registry for this platform
 * (node-<platform>-<arch>, an optional dependency of tools/node22, so platforms without one still install).
 */
export const NODE_22_BIN = path.join(REPO, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin');

/** `{ PATH }` with `bin` first, for the environment of a command that must run on that node. */
export function pathFirst(bin: string): string {
  return `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
}

/**
 * Node 22 from the devDependency, or undefined after printing why it cannot run here (no binary
 * for this platform). Under CI it must run: there the reason is thrown, failing the test file.
 */
export function node22Leg(): NodeLeg | undefined {
  const run = spawnSync(path.join(NODE_22_BIN, 'node'), ['--version'], { encoding: 'utf8' });
  const version = run.status === 0 ? run.stdout.trim() : undefined;
  if (version !== undefined && /^v22\./.test(version)) return { label: `Node 22 (${version}, from node_modules)`, bin: NODE_22_BIN, version: /^v22\./ };
  const reason =
    `no runnable Node 22 at ${NODE_22_BIN} (${version ?? run.error?.message ?? run.stderr.trim()}): ` +
    `the registry has node-${process.platform}-${process.arch} 22 only for linux x64 and arm64 (tools/node22/package.json)`;
  if (process.env.CI) throw new Error(`CI must run the Node 22 legs, but ${reason}`);
  console.warn(`Node 22 legs skipped: ${reason}`);
  return undefined;
}

/** The nodes a packed-package test runs on: the running one, then Node 22 when it can run here (see {@link node22Leg}). */
export function nodeLegs(): NodeLeg[] {
  const node22 = node22Leg();
  return node22 ? [RUNNING_NODE, node22] : [RUNNING_NODE];
}
