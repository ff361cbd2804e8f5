import * as fs from 'fs';
import * as path from 'path';

/**
 * The environment of a real terraform run against the emulator at `url`: its endpoint for the
 * provider and the hooks, fake credentials, no shared AWS config, and an empty CLI config written
 * into `root` (the provider comes from the stack directory's own mirror).
 */
export function emulatorTerraformEnv(root: string, url: string): NodeJS.ProcessEnv {
  const cliConfig = path.join(root, 'empty.tfrc');
  fs.writeFileSync(cliConfig, '');
  return {
    AWS_ENDPOINT_URL_SESV2: url,
    AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
    AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    AWS_CONFIG_FILE: path.join(root, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'no-aws-credentials'),
    TF_CLI_CONFIG_FILE: cliConfig,
  };
}
