import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as yauzl from 'yauzl';
import { CLI_BUNDLE } from './cli-process';

/** One file read back from a zip. */
export interface UnzippedEntry {
  /** Path inside the zip. */
  readonly name: string;
  /** Contents. */
  readonly bytes: Buffer;
  /** Unix mode bits of the entry (from the external attributes). */
  readonly mode: number;
  /** Its DOS timestamp as yauzl decodes it. */
  readonly mtime: Date;
}

/** Reads every entry of the zip at `file` (yauzl, the reading sibling of yazl). */
export function unzip(file: string): Promise<UnzippedEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(fs.readFileSync(file), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: UnzippedEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, bytes: Buffer.concat(chunks), mode: (entry.externalFileAttributes >>> 16) & 0o7777, mtime: entry.getLastModDate() });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** What `ses-tenants provider ...` printed and how it ended. */
export interface ProviderCliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js provider ARGS` as a child process (the bundled CLI, as users run it). */
export function runProviderCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ProviderCliRun {
  const out = spawnSync(process.execPath, [CLI_BUNDLE, 'provider', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return { code: out.status ?? -1, stdout: out.stdout, stderr: out.stderr };
}

/** The bundled provider the release is built from (scripts/build-bundles.js). */
export const PROVIDER_JS = path.join(__dirname, '..', '..', 'dist', 'terraform-provider-sestenants.js');

/** Parses a SHA256SUMS text into file name → hex. */
export function parseSums(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => {
        const [hex, name] = line.split(/\s+/);
        return [name, hex];
      }),
  );
}

/** The `hashes` of one provider's entry in a `.terraform.lock.hcl`. */
export function lockHashes(lockFile: string): string[] {
  return [...fs.readFileSync(lockFile, 'utf8').matchAll(/"((?:h1|zh):[^"]+)"/g)].map((m) => m[1]).sort();
}
