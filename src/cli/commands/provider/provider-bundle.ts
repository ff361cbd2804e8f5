import * as fs from 'fs';
import * as path from 'path';

const BUNDLE = 'terraform-provider-sestenants.js';

/** The bundled provider is not built. */
export class ProviderBundleMissingError extends Error {
  constructor(tried: readonly string[]) {
    super(`The bundled provider ${BUNDLE} is missing (looked at ${tried.join(', ')}): run "npm run build" first`);
    this.name = 'ProviderBundleMissingError';
  }
}

/**
 * The bundled provider `dist/terraform-provider-sestenants.js` (esbuild, scripts/build-bundles.js):
 * beside the CLI bundle `dist/cli.js` when installed, or under `dist/` of the repository when the
 * CLI runs from its sources.
 */
export function providerBundle(): Buffer {
  const tried = [path.join(__dirname, BUNDLE), path.resolve(__dirname, '..', '..', '..', '..', 'dist', BUNDLE)];
  const found = tried.find((file) => fs.existsSync(file));
  if (found === undefined) throw new ProviderBundleMissingError(tried);
  return fs.readFileSync(found);
}
