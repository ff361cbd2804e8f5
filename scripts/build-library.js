#!/usr/bin/env node
// Compiles the library (what `main`, `types` and `exports` of package.json point at) to CommonJS
// JavaScript and declarations from src/index.ts and what it imports, twice from one type-checked
// program: dist/lib is the cdktf entry as written, dist/cdktn the CDK Terrain entry, its module
// specifiers renamed by a transformer (scripts/flavours.js). A guard fails the build if a module of
// the other flavour is left in either. The output directories are emptied first, so a renamed or
// deleted source file leaves nothing behind to pack.
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
