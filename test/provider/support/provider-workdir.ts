import * as fs from 'fs';
import * as path from 'path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { fakeCredentials } from '../../support/emulator';
import { startEmulatorChild, type EmulatorChild } from '../../support/emulator-process';
import { APP_ACCOUNT, APP_REGION, removeDir, tempDir } from '../../support/tenant-app';
import { runTerraform, type TerraformResult } from '../../support/terraform';
import { emulatorTerraformEnv, installProviderFile, providerBlocks, terraformArgs } from '../install-provider';

/** The provider bundle the tests install. */
export const PROVIDER_BUNDLE = path.join(__dirname, '..', '..', '..', 'dist', 'terraform-provider-sestenants.js');

/** A terraform working directory with the sestenants provider installed, against an emulator of its own. */
export interface ProviderWorkdir {
  readonly dir: string;
  readonly emu: EmulatorChild;
  readonly client: SESv2Client;
  /** Writes main.tf: the provider block (owner and stack of {@link TEST_OWNER} unless given), then `body`. */
  write(body: string, owner?: { readonly owner?: string; readonly stack?: string }): void;
  /** Runs terraform (with -no-color and -input=false). */
  tf(args: string[], allowFailure?: boolean): TerraformResult;
  /** Stops the emulator and removes the directory. */
  close(): Promise<void>;
}

/** Starts an emulator and prepares a working directory with the provider in `terraform.d/plugins`. */
export async function providerWorkdir(prefix: string): Promise<ProviderWorkdir> {
  const dir = tempDir(prefix);
  const emu = await startEmulatorChild([]);
  const client = new SESv2Client({ region: APP_REGION, endpoint: emu.url, credentials: fakeCredentials() });
  const env = emulatorTerraformEnv(dir);
  installProviderFile(dir, PROVIDER_BUNDLE, { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
  return {
    dir,
    emu,
    client,
    write(body, owner = {}) {
      fs.writeFileSync(
        path.join(dir, 'main.tf'),
        [providerBlocks(emu.url, { region: APP_REGION, account: APP_ACCOUNT, ...owner }), body].join('\n'),
      );
    },
    tf: (args, allowFailure = false) => runTerraform(dir, terraformArgs(args), { env, allowFailure }),
    async close() {
      client.destroy();
      await emu.kill('SIGKILL');
      removeDir(dir);
    },
  };
}
