import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The directory or command given to `--app` could not produce a synthesized app. */
export class SynthOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthOutputError';
  }
}

/**
 * Resolves `--app DIR` to a synth output directory (one with manifest.json).
 * DIR may be the output itself (`cdktf.out`), or a project holding cdktf.json: then its `app`
 * command is run, as `cdktf synth` runs it, into `DIR/cdktf.out`.
 */
export function resolveSynthDir(dir: string, opts: { synth?: boolean } = {}): string {
  const abs = path.resolve(dir);
  if (fs.existsSync(path.join(abs, 'manifest.json'))) return abs;
  const cdktfJson = path.join(abs, 'cdktf.json');
  if (!fs.existsSync(cdktfJson)) {
    const nested = path.join(abs, 'cdktf.out');
    if (fs.existsSync(path.join(nested, 'manifest.json'))) return nested;
    throw new SynthOutputError(`${dir} holds neither a synthesized app (manifest.json) nor a cdktf project (cdktf.json); run "npx cdktf synth" first or pass --app`);
  }
  const outdir = path.join(abs, 'cdktf.out');
  if (opts.synth === false) {
    if (fs.existsSync(path.join(outdir, 'manifest.json'))) return outdir;
    throw new SynthOutputError(`${outdir} has no manifest.json; run "npx cdktf synth" first`);
  }
  const config = JSON.parse(fs.readFileSync(cdktfJson, 'utf8')) as { app?: string; output?: string };
  if (!config.app) throw new SynthOutputError(`${cdktfJson} has no "app" command`);
  const target = path.resolve(abs, config.output ?? 'cdktf.out');
  // The app command comes from the project's own cdktf.json, as with `cdktf synth`.
  const run = spawnSync(config.app, {
    cwd: abs,
    shell: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CDKTF_OUTDIR: target, CHECKPOINT_DISABLE: '1' },
  });
  if (run.status !== 0) throw new SynthOutputError(`synth failed: "${config.app}" exited with ${run.status ?? run.signal}`);
  if (!fs.existsSync(path.join(target, 'manifest.json'))) throw new SynthOutputError(`synth wrote no ${path.join(target, 'manifest.json')}`);
  return target;
}
