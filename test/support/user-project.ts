import * as fs from 'fs';
import * as path from 'path';
import { buildSync } from 'esbuild';

const REPO = path.join(__dirname, '..', '..');

/**
 * A cdktf project outside the repository, laid out as a user's would be after
 * `npm install cdktf-ses-tenants`: `node_modules/cdktf-ses-tenants` holds the library compiled to
 * JavaScript with its bundled hook program (`dist/hook.js`) and provider
 * (`dist/terraform-provider-sestenants.js`), the other packages (and `.bin`, for
 * `npx cdktf`) are links to the repository's node_modules, and `cdktf.json` runs the app (`node app.js`, compiled from TS by
 * {@link UserProject.writeApp}).
 */
export class UserProject {
  /** Project directory. */
  readonly dir: string;

  /** Synth output directory of the project, relative to it. */
  readonly output: string;

  /** Lays the project out in `dir`; `output` is cdktf.json's synth output directory (@default 'cdktf.out'). */
  constructor(dir: string, output = 'cdktf.out') {
    this.dir = dir;
    this.output = output;
    const modules = path.join(dir, 'node_modules');
    fs.mkdirSync(modules, { recursive: true });
    for (const entry of fs.readdirSync(path.join(REPO, 'node_modules'))) {
      if (entry.startsWith('.') && entry !== '.bin') continue;
      fs.symlinkSync(path.join(REPO, 'node_modules', entry), path.join(modules, entry));
    }
    installLibrary(path.join(modules, 'cdktf-ses-tenants'));
    fs.writeFileSync(
      path.join(dir, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node app.js', output, projectId: 'ses-tenants-e2e', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }, null, 2),
    );
  }

  /** Compiles a TypeScript app (imports from `cdktf-ses-tenants` and `cdktf` stay package imports) to the project's `app.js`. */
  writeApp(source: string, file = 'app.ts'): void {
    fs.writeFileSync(path.join(this.dir, file), source);
    compile(path.join(this.dir, file), path.join(this.dir, 'app.js'));
  }
}

function compile(entry: string, outfile: string): void {
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' });
}

// The library as npm would install it: package.json (its version names the provider's), compiled
// entry point, the hook program and the provider executable that synth ships in a stack directory.
function installLibrary(dir: string): void {
  fs.mkdirSync(path.join(dir, 'dist', 'src'), { recursive: true });
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'cdktf-ses-tenants', version, main: 'dist/src/index.js' }));
  compile(path.join(REPO, 'src', 'index.ts'), path.join(dir, 'dist', 'src', 'index.js'));
  for (const bundle of ['hook.js', 'terraform-provider-sestenants.js']) fs.copyFileSync(path.join(REPO, 'dist', bundle), path.join(dir, 'dist', bundle));
}
