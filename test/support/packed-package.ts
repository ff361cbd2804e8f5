import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { readmeCommands } from './doc-blocks';

export { readmeBlocks, readmeCommands, type ReadmeBlock } from './doc-blocks';

const REPO = path.join(__dirname, '..', '..');
const PACKAGE_NAME = 'cdktf-ses-tenants';
const CACHE = path.join(os.tmpdir(), `${PACKAGE_NAME}-packed`);
// What `npm pack` needs to build and pack the package; tests and build outputs stay behind.
const SKIPPED_AT_ROOT = new Set(['.git', 'node_modules', 'dist', 'cdktf.out', 'coverage', 'test', '.ses-tenants', 'bench-results']);
// The flags every test install adds to the README's install lines.
const INSTALL_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline'];

/** What one command printed (stdout and stderr interleaved) and how it ended. */
export interface CommandResult {
  /** Exit code (null when a signal ended it). */
  readonly code: number | null;
  /** Standard output and standard error, as they came. */
  readonly output: string;
}

/** Runs `argv` in `cwd` without a shell, asynchronously (so an in-process emulator keeps serving). */
export function runCommand(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** The environment of npm commands: the caller's, without the variables `npm test` sets for its own package. */
export function npmEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || kept.has(k.toLowerCase())));
}

/** The package as `npm pack` made it, installed into a project by the README's install lines. */
export interface PackedInstall {
  /** The tarball. */
  readonly tarball: string;
  /** The project the README's install lines ran in: its package.json, package-lock.json and node_modules. */
  readonly base: string;
  /** What the install lines printed. */
  readonly installOutput: string;
}

/**
 * Packs this repository with `npm pack` (its `prepare` builds the library and the bundles) from a
 * staged copy of its sources, so the repository's own dist/ is never rewritten under running
 * tests, then runs the README's `install` block in an empty directory, the tarball standing in
 * for the package name (`block` names another install block, such as CDK Terrain's). Slow (a build and an npm install), so the result is kept in the system's
 * temporary directory under a hash of the packed sources: every change to them packs and installs
 * again, and concurrent test files wait for one another.
 */
export async function packedInstall(block = 'install'): Promise<PackedInstall> {
  fs.mkdirSync(CACHE, { recursive: true });
  const release = await lock(path.join(CACHE, 'lock'));
  try {
    const sources = stagedSources();
    const dir = path.join(CACHE, block === 'install' ? sources.hash : `${sources.hash}-${block.replace(/[^\w-]/g, '-')}`);
    const ready = path.join(dir, 'ready.json');
    if (fs.existsSync(ready)) {
      const now = new Date();
      fs.utimesSync(dir, now, now);
      return JSON.parse(fs.readFileSync(ready, 'utf8')) as PackedInstall;
    }
    // Installs of other source trees stay while they may be in use (another checkout's tests on this
    // machine); ones untouched for an hour are removed, so the cache does not grow without bound.
    for (const old of fs.readdirSync(CACHE)) {
      const at = path.join(CACHE, old);
      if (old !== 'lock' && Date.now() - fs.statSync(at).mtimeMs > 60 * 60_000) fs.rmSync(at, { recursive: true, force: true });
    }
    const tarball = await packInto(dir, sources.files);
    const base = path.join(dir, 'project');
    fs.mkdirSync(base);
    let installOutput = '';
    for (const argv of readmeCommands(block)) {
      const isInstall = argv[0] === 'npm' && argv[1] === 'install';
      const args = isInstall ? [...argv.map((a) => (a === PACKAGE_NAME ? tarball : a)), ...INSTALL_FLAGS] : argv;
      const run = await runCommand(args, base, npmEnv());
      installOutput += run.output;
      if (run.code !== 0) throw new Error(`${args.join(' ')} failed in ${base}:\n${run.output}`);
    }
    const result: PackedInstall = { tarball, base, installOutput };
    fs.writeFileSync(ready, JSON.stringify(result));
    return result;
  } finally {
    release();
  }
}

/**
 * The tarball `npm pack` makes of this repository (built from a staged copy of its sources, as
 * {@link packedInstall} does, and cached with it), without installing it anywhere: for tests that
 * install it their own way (the runtime entry without cdktf).
 */
export async function packedTarball(): Promise<string> {
  fs.mkdirSync(CACHE, { recursive: true });
  const release = await lock(path.join(CACHE, 'lock'));
  try {
    const sources = stagedSources();
    const dir = path.join(CACHE, sources.hash);
    fs.mkdirSync(dir, { recursive: true });
    return await packInto(dir, sources.files);
  } finally {
    release();
  }
}

/** Stages the sources in DIR/stage and packs them into DIR, once per DIR (the tarball's name is kept in DIR/tarball.json). */
async function packInto(dir: string, files: readonly string[]): Promise<string> {
  const known = path.join(dir, 'tarball.json');
  if (fs.existsSync(known)) return JSON.parse(fs.readFileSync(known, 'utf8')) as string;
  const stage = path.join(dir, 'stage');
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(stage, file));
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(stage, 'node_modules'));
  const packed = await runCommand(['npm', 'pack', '--json', '--pack-destination', dir], stage, npmEnv());
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.output}`);
  const tarball = path.join(dir, (JSON.parse(packed.output.slice(packed.output.indexOf('['))) as { filename: string }[])[0].filename);
  fs.writeFileSync(known, JSON.stringify(tarball));
  return tarball;
}

/**
 * A fresh project directory that uses a {@link PackedInstall}: the installed package.json and
 * lockfile are copied, node_modules is a link to the installed one (Node resolves packages
 * through it to their real paths, as in the installed project itself).
 */
export function projectFrom(install: PackedInstall, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(install.base, file), path.join(dir, file));
  fs.symlinkSync(path.join(install.base, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/**
 * A cdktf project on the packed package whose app is `node app.js`, compiled from TypeScript by
 * {@link PackedUserProject.writeApp} (imports of packages stay imports, resolved in the project).
 */
export class PackedUserProject {
  /** Lays the project out in `dir` over `install`; `output` is cdktf.json's synth output directory (@default 'cdktf.out'). */
  constructor(
    install: PackedInstall,
    readonly dir: string,
    readonly output = 'cdktf.out',
  ) {
    projectFrom(install, dir);
    fs.writeFileSync(
      path.join(dir, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node app.js', output, projectId: 'ses-tenants-e2e', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }, null, 2),
    );
  }

  /** Compiles a TypeScript app to the project's `app.js`. */
  writeApp(source: string, file = 'app.ts'): void {
    fs.writeFileSync(path.join(this.dir, file), source);
    buildSync({ entryPoints: [path.join(this.dir, file)], outfile: path.join(this.dir, 'app.js'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' });
  }
}

/** The environment of `npx cdktf` / `npx ses-tenants` in a project: offline, no colours, SES at `endpoint` with fake credentials. */
export function projectEnv(endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: '1',
    CHECKPOINT_DISABLE: '1',
    NO_COLOR: '1',
    AWS_ENDPOINT_URL_SESV2: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
    AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    AWS_REGION: 'eu-central-1',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  };
}

/** Synchronous variant of {@link runCommand} for steps with no in-process server to keep serving. */
export function runCommandSync(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CommandResult {
  const run = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

// Repository files that go into `npm pack` (everything but tests, build output and caches), with their
// hash, which also covers this file (how it packs and installs).
function stagedSources(): { files: string[]; hash: string } {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(REPO, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : path.join(rel, entry.name);
      if (rel === '' && SKIPPED_AT_ROOT.has(entry.name)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !entry.name.endsWith('.tgz')) files.push(child);
    }
  };
  walk('');
  files.sort();
  const hash = createHash('sha256').update(fs.readFileSync(__filename));
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(path.join(REPO, file))).update('\0');
  return { files, hash: hash.digest('hex').slice(0, 16) };
}

// A lock directory (mkdir is atomic); one older than 15 minutes is a crashed holder's and is taken over.
async function lock(dir: string): Promise<() => void> {
  for (;;) {
    try {
      fs.mkdirSync(dir);
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
}
