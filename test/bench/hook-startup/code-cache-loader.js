'use strict';
// Prototype of a hook.js that runs the bundled hook program (hook.bundle.js next to it) from V8's
// code cache (hook.bundle.cache, made at build time by running the program once with
// SES_TENANTS_HOOK_WRITE_CACHE=1). A cache that does not fit this node (other V8 version or flags)
// is rejected by V8 and the program is compiled as usual, so the cache never changes behaviour.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { wrap } = require('module');

const file = path.join(__dirname, 'hook.bundle.js');
const cacheFile = path.join(__dirname, 'hook.bundle.cache');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (process.env.SES_TENANTS_HOOK_WRITE_CACHE === '1') {
  // After the run, so that the functions the request path compiled lazily are in the cache too.
  process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
script.runInThisContext()(module.exports, require, module, file, __dirname);
