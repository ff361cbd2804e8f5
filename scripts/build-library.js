#!/usr/bin/env node
// Compiles the library (what `main`, `types` and `exports` of package.json point at) to CommonJS
// JavaScript and declarations under dist/lib, from src/index.ts and what it imports. The output
// directory is emptied first, so a renamed or deleted source file leaves nothing behind to pack.
// The runtime entry (`cdktf-ses-tenants/runtime`, dist/lib/runtime/index.js) is then replaced by an
// esbuild bundle of src/runtime: the engine's helpers (p-limit) and package.json's version are
// inlined, so it needs at run time only what an application has (the AWS SDK clients, peers) and
// zod; its declarations are tsc's.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
fs.rmSync(path.join(root, 'dist', 'lib'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
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
for (const folder of ['runtime', 'engine', 'aws']) {
  for (const file of fs.readdirSync(path.join(root, 'dist', 'lib', folder), { recursive: true })) {
    const rel = path.join(folder, String(file));
    if (rel.endsWith('.js') && rel !== path.join('runtime', 'index.js')) fs.rmSync(path.join(root, 'dist', 'lib', rel));
  }
}
