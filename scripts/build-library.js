#!/usr/bin/env node
// Compiles the library (what `main`, `types` and `exports` of package.json point at) to CommonJS
// JavaScript and declarations from src/index.ts and what it imports, twice from one type-checked
// program: dist/lib is the cdktf entry as written, dist/cdktn the CDK Terrain entry, its module
// specifiers renamed by a transformer (scripts/flavours.js). A guard fails the build if a module of
// the other flavour is left in either. The output directories are emptied first, so a renamed or
// deleted source file leaves nothing behind to pack. The runtime entry
// (`cdktf-ses-tenants/runtime`, dist/lib/runtime/index.js) is then replaced by an esbuild bundle of
// src/runtime: the engine's helpers (p-limit) and package.json's version are inlined, so it needs at
// run time only what an application has (the AWS SDK clients, peers) and zod; its declarations are tsc's.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { cdktnTransformer, leakedModules } = require('./flavours');

const root = path.resolve(__dirname, '..');
const OUT = { cdktf: path.join(root, 'dist', 'lib'), cdktn: path.join(root, 'dist', 'cdktn') };

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}

for (const dir of Object.values(OUT)) fs.rmSync(dir, { recursive: true, force: true });
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
if (config.errors.length > 0) fail(config.errors);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) fail(diagnostics);

const cdktf = program.emit();
if (cdktf.diagnostics.length > 0) fail(cdktf.diagnostics);
// The same program again, written under dist/cdktn instead of dist/lib.
const writeCdktn = (file, text, bom) => ts.sys.writeFile(path.join(OUT.cdktn, path.relative(OUT.cdktf, file)), text, bom);
const cdktn = program.emit(undefined, writeCdktn, undefined, false, { before: [cdktnTransformer], afterDeclarations: [cdktnTransformer] });
if (cdktn.diagnostics.length > 0) fail(cdktn.diagnostics);

const leaks = [...leakedModules(OUT.cdktf, 'cdktf').map((l) => `dist/lib/${l}`), ...leakedModules(OUT.cdktn, 'cdktn').map((l) => `dist/cdktn/${l}`)];
if (leaks.length > 0) {
  process.stderr.write(`build-library: modules of the other flavour left in the output:\n${leaks.join('\n')}\n`);
  process.exit(1);
}
require('esbuild').buildSync({
  entryPoints: [path.join(root, 'src', 'runtime', 'index.ts')],
  outfile: path.join(root, 'dist', 'lib', 'runtime', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['@aws-sdk/*', 'zod'],
  legalComments: 'none',
  logLevel: 'warning',
});
// What the bundle inlined (the runtime's and the engine's modules, compiled one by one by tsc) is
// dead code in the package, and dist/lib/aws/client.js would look for package.json where it is
// not: only their declarations stay, for the runtime's types.
// dist/cdktn serves no runtime entry: the same modules go from there entirely.
for (const [flavour, dir] of Object.entries(OUT)) {
  for (const folder of ['runtime', 'engine', 'aws']) {
    for (const file of fs.readdirSync(path.join(dir, folder), { recursive: true })) {
      const rel = path.join(folder, String(file));
      const bundle = flavour === 'cdktf' && rel === path.join('runtime', 'index.js');
      if (rel.endsWith('.js') && !bundle) fs.rmSync(path.join(dir, rel));
    }
  }
}
