#!/usr/bin/env node
'use strict';
// The CLI is one bundle built by `npm run build` (also run by `npm install` through "prepare").
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('ses-tenants: dist/cli.js is missing; run "npm run build" first\n');
  process.exit(1);
}
require(bundle);
