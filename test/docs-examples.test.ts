import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { readmeBlocks } from './support/doc-blocks';

// Code blocks of the docs that are neither installed nor deployed by an e2e test, checked here
// against the sources: they type-check as a user's file importing the package would, and run.

const ROOT = path.join(__dirname, '..');
// A file that is never written: the compiler host serves the block under this name, so that
// `cdktf` and the other packages resolve from the repository's node_modules.
const VIRTUAL = path.join(ROOT, 'test', 'docs-example.virtual.ts');

/** The compiler's complaints about `source`, compiled as a file of this repository that imports `cdktf-ses-tenants` from `src/`. */
function typeErrors(source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const options: ts.CompilerOptions = {
    ...config!.options,
    noEmit: true,
    noUnusedLocals: false,
    baseUrl: ROOT,
    paths: { 'cdktf-ses-tenants': ['src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, language, ...rest) => (path.resolve(file) === VIRTUAL ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest));
  host.fileExists = (file) => path.resolve(file) === VIRTUAL || fileExists(file);
  const program = ts.createProgram([VIRTUAL], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}

/** Runs `source` as CommonJS with `cdktf-ses-tenants` taken from `src/`, its synth written under `outdir`. */
function run(source: string, outdir: string): void {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const load = (id: string): unknown => (id === 'cdktf-ses-tenants' ? require('../src') : require(id));
  const saved = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    new Function('require', 'exports', 'module', js)(load, {}, { exports: {} });
  } finally {
    if (saved === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = saved;
  }
}

describe('the cdktf guide\'s "A stack" (stack-example.ts)', () => {
  const body = readmeBlocks().get('stack-example.ts')!.body;

  test('type-checks against the sources, strict', () => {
    expect(typeErrors(body)).toEqual([]);
  }, 60_000);

  test('synthesizes one stack with both tenants in its canonical map', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-stack-example-'));
    try {
      run(body, outdir);
      const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'ses-tenants-eu-central-1', 'cdk.tf.json'), 'utf8')) as {
        locals: { ses_tenants: Record<string, { removalPolicy?: string; adopt?: boolean }> };
      };
      expect(Object.keys(stack.locals.ses_tenants).sort()).toEqual(['acme', 'globex']);
      expect(stack.locals.ses_tenants.globex).toMatchObject({ removalPolicy: 'destroy', adopt: true });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
