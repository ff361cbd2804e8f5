#!/usr/bin/env node
// Bundles the programs that run as their own processes (CLI, hook, emulator) into single
// JS files under dist/, so they start without a TypeScript loader and without resolving
// node_modules at run time. Entry points that do not exist yet are skipped.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const entries = {
  cli: 'src/cli/bin.ts',
  hook: 'src/hooks/main.ts',
  emulator: 'src/emulator/bin.ts',
  'terraform-provider-sestenants': 'src/provider/tenants/main.ts',
};
// Bundles that Terraform (or a shell) runs directly: a shebang and the executable bit.
const executables = new Set(['terraform-provider-sestenants']);

async function main() {
  const only = process.argv.slice(2);
  for (const [name, entry] of Object.entries(entries)) {
    if (only.length > 0 && !only.includes(name)) continue;
    if (!fs.existsSync(path.join(root, entry))) continue;
    const outfile = path.join(root, 'dist', `${name}.js`);
    await esbuild.build({
      entryPoints: [path.join(root, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: name === 'hook' || executables.has(name),
      legalComments: 'none',
      // postject (a 4.9 MB WebAssembly build of LIEF) stays a run-time dependency, loaded only by
      // `ses-tenants provider package|mirror` when it builds a single executable.
      ...(name === 'cli' ? { external: ['postject'] } : {}),
      logLevel: 'warning',
      ...(executables.has(name) ? { banner: { js: '#!/usr/bin/env node' } } : {}),
    });
    if (executables.has(name)) fs.chmodSync(outfile, 0o755);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
