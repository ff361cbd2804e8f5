#!/usr/bin/env node
// Compiles the library (what `main`, `types` and `exports` of package.json point at) to CommonJS
// JavaScript and declarations under dist/lib, from src/index.ts and what it imports. The output
// directory is emptied first, so a renamed or deleted source file leaves nothing behind to pack.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
fs.rmSync(path.join(root, 'dist', 'lib'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
