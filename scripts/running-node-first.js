// npm scripts and npx put node_modules/.bin first on the PATH, and there `node` is the Node 22 of
// tools/node22: without this, a child's `node` (npx, the CLI, the provider, the hooks) would be
// Node 22 whatever node runs the parent. A directory holding only a `node` link shadows nothing else.
'use strict';
const { createHash } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Puts the node that runs this process first on process.env.PATH, for every child it starts. */
function putRunningNodeFirstOnPath() {
  process.env.PATH = `${runningNodeDir()}${path.delimiter}${process.env.PATH}`;
}

function runningNodeDir() {
  const dir = path.join(os.tmpdir(), 'cdktf-ses-tenants-node', createHash('sha256').update(process.execPath).digest('hex').slice(0, 16));
  const link = path.join(dir, 'node');
  if (fs.existsSync(link) && fs.readlinkSync(link) === process.execPath) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const temp = `${link}.${process.pid}`;
  fs.symlinkSync(process.execPath, temp);
  fs.renameSync(temp, link);
  return dir;
}

module.exports = { putRunningNodeFirstOnPath };
