import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { build, type Plugin } from 'esbuild';

/** A way of packaging the hook program: how to start it. */
export interface HookVariant {
  /** Short name for the table. */
  readonly name: string;
  /** What it is. */
  readonly description: string;
  /** `node` arguments that run it. */
  readonly args: readonly string[];
}

const BUNDLE_OPTIONS = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'warning' } as const;

/**
 * The source of a stand-in for a network module: plain-data exports (such as `http2.constants`)
 * copied as literals, functions and classes as getters that load the real module on first use.
 */
function lazyModuleSource(name: string): string {
  const real = require(name) as Record<string, unknown>;
  const lines = [`const req = require; let m; const load = () => (m ??= req(${JSON.stringify(name)}));`];
  for (const [key, value] of Object.entries(real)) {
    const plain = value === null || typeof value !== 'object' || [Object.prototype, null].includes(Object.getPrototypeOf(value));
    lines.push(
      typeof value !== 'function' && plain
        ? `module.exports[${JSON.stringify(key)}] = ${JSON.stringify(value)};`
        : `Object.defineProperty(module.exports, ${JSON.stringify(key)}, { enumerable: true, get: () => load()[${JSON.stringify(key)}] });`,
    );
  }
  return lines.join('\n');
}

/**
 * Node 20's snapshot builder cannot load `http`, `https` or `http2` (it warns, then `http` throws).
 * The SDK only uses them when it sends, so they are replaced by stand-ins that load the real
 * module on first use, after the snapshot is deserialized.
 */
const lazyNetworkModules: Plugin = {
  name: 'lazy-network-modules',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(http|https|http2)$/ }, (args) => ({ path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: lazyModuleSource(args.path), loader: 'js' }));
  },
};

/**
 * Builds the start-up variants of the hook program into `dir`: the current bundle (as
 * scripts/build-bundles.js makes it), the same bundle run from a V8 code cache made by one
 * representative run (`warm` runs the variant once with the cache writer on), and a start-up
 * snapshot (Node 20 `--build-snapshot`); variants that fail to build are left out with the reason.
 */
export async function buildHookVariants(root: string, dir: string, warm: (args: readonly string[], extraEnv: NodeJS.ProcessEnv) => void): Promise<{ variants: HookVariant[]; skipped: string[] }> {
  fs.mkdirSync(dir, { recursive: true });
  const variants: HookVariant[] = [];
  const skipped: string[] = [];

  const plain = path.join(dir, 'hook.js');
  await build({ ...BUNDLE_OPTIONS, entryPoints: [path.join(root, 'src', 'hooks', 'main.ts')], outfile: plain });
  variants.push({ name: 'bundle', description: 'dist/hook.js as built today (esbuild, minified)', args: [plain] });

  const lazy = path.join(dir, 'hook-lazy-network.js');
  await build({ ...BUNDLE_OPTIONS, entryPoints: [path.join(root, 'src', 'hooks', 'main.ts')], outfile: lazy, plugins: [lazyNetworkModules] });
  variants.push({ name: 'lazy http2', description: 'the bundle with http/https/http2 loaded on first use (http2 never is)', args: [lazy] });

  const codeCached = (name: string, bundle: string, description: string): void => {
    const cached = path.join(dir, name.replace(/\W+/g, '-'));
    fs.mkdirSync(cached, { recursive: true });
    fs.copyFileSync(bundle, path.join(cached, 'hook.bundle.js'));
    fs.copyFileSync(path.join(root, 'test', 'bench', 'hook-startup', 'code-cache-loader.js'), path.join(cached, 'hook.js'));
    warm([path.join(cached, 'hook.js')], { SES_TENANTS_HOOK_WRITE_CACHE: '1' });
    variants.push({ name, description, args: [path.join(cached, 'hook.js')] });
  };
  codeCached('code cache', plain, 'the bundle through vm.Script with cachedData made by one run at build time');
  codeCached('code cache + lazy http2', lazy, 'both of the above');

  const snapDir = path.join(dir, 'snapshot');
  fs.mkdirSync(snapDir, { recursive: true });
  const snapEntry = path.join(snapDir, 'hook-snapshot.js');
  const blob = path.join(snapDir, 'hook.blob');
  await build({ ...BUNDLE_OPTIONS, entryPoints: [path.join(root, 'test', 'bench', 'hook-startup', 'snapshot-entry.ts')], outfile: snapEntry, plugins: [lazyNetworkModules] });
  const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', snapEntry], { cwd: snapDir, encoding: 'utf8' });
  if (made.status === 0 && fs.existsSync(blob)) {
    variants.push({ name: 'snapshot', description: 'node --snapshot-blob hook.blob (modules loaded and initialized at build time)', args: ['--snapshot-blob', blob] });
  } else {
    skipped.push(`snapshot: ${(made.stderr || String(made.error)).trim().split('\n').slice(-2).join(' ')}`);
  }
  return { variants, skipped };
}
