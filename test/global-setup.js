// Jest global setup: build the single-file bundles that tests run as child processes, and make
// `node` on the PATH of every child the node that runs jest.
const { execFileSync } = require('child_process');
const path = require('path');
const { putRunningNodeFirstOnPath } = require('../scripts/running-node-first');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-bundles.js')], { stdio: 'inherit' });
  putRunningNodeFirstOnPath();
};
