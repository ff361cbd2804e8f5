// Jest global setup: build the single-file bundles that tests run as child processes.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-bundles.js')], { stdio: 'inherit' });
};
