import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/** The sentinel Node looks for to know a blob was injected (Node's documented value). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Building the single executable failed at one step. */
export class SingleExecutableError extends Error {
  constructor(step: string, cause: unknown) {
    const e = cause as { message?: string; stderr?: string; stdout?: string };
    const detail = (e.stderr || e.stdout || e.message || String(cause)).trim().split('\n').slice(-5).join('\n');
    super(`Building the single executable failed at "${step}": ${detail}`);
    this.name = 'SingleExecutableError';
  }
}

/** Options of {@link buildSingleExecutable}. */
export interface SingleExecutableOptions {
  /** The program: a CommonJS script that needs no module outside Node's own (the esbuild bundle). */
  readonly script: Buffer;
  /** Where to write the executable. */
  readonly outFile: string;
  /**
   * The Node binary that becomes the executable (and prepares the blob: both must be the same Node).
   * @default process.execPath
   */
  readonly nodeBinary?: string;
  /**
   * Embed V8's code cache of the script (Node's `useCodeCache`): the provider starts faster, but
   * the cache differs from build to build, so the executable's bytes (and its zip's hash) are no
   * longer reproducible.
   * @default false
   */
  readonly codeCache?: boolean;
}

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    throw new SingleExecutableError(name, err);
  }
}

/**
 * A Node single executable application (https://nodejs.org/api/single-executable-applications.html):
 * the script is turned into a preparation blob by `node --experimental-sea-config`, and `postject`
 * injects the blob into a copy of the Node binary. The result runs on the platform of that binary
 * with no `node` on PATH. On macOS the copy is unsigned before and ad-hoc signed after, as Node's
 * guide says (Apple silicon refuses to run an unsigned binary).
 */
export async function buildSingleExecutable(options: SingleExecutableOptions): Promise<void> {
  const node = options.nodeBinary ?? process.execPath;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sestenants-sea-'));
  try {
    // The SEA entry is compiled as a CommonJS function body: no `#!` line.
    const source = options.script.toString('utf8').replace(/^#!.*\n/, '');
    fs.writeFileSync(path.join(work, 'main.js'), source);
    fs.writeFileSync(path.join(work, 'sea-config.json'), JSON.stringify({ main: 'main.js', output: 'sea.blob', disableExperimentalSEAWarning: true, useCodeCache: options.codeCache === true }));
    await step('node --experimental-sea-config', () => run(node, ['--experimental-sea-config', 'sea-config.json'], { cwd: work }));
    fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
    fs.copyFileSync(node, options.outFile);
    fs.chmodSync(options.outFile, 0o755);
    const macos = process.platform === 'darwin';
    if (macos) await step('codesign --remove-signature', () => run('codesign', ['--remove-signature', options.outFile]));
    // postject's CLI in a child: its LIEF core prints warnings that are noise unless it fails.
    const postject = require.resolve('postject/dist/cli.js');
    const args = [postject, options.outFile, 'NODE_SEA_BLOB', path.join(work, 'sea.blob'), '--sentinel-fuse', SEA_FUSE, ...(macos ? ['--macho-segment-name', 'NODE_SEA'] : [])];
    await step('postject', () => run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }));
    if (macos) await step('codesign --sign -', () => run('codesign', ['--sign', '-', options.outFile]));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
