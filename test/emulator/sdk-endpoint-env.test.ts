import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { withEmulator } from '../support/emulator';

const emulator = withEmulator();

const UNMODIFIED_SCRIPT = `
const { SESv2Client, CreateTenantCommand, GetTenantCommand } = require('@aws-sdk/client-sesv2');
const client = new SESv2Client({});
(async () => {
  await client.send(new CreateTenantCommand({ TenantName: 'from-env' }));
  const { Tenant } = await client.send(new GetTenantCommand({ TenantName: 'from-env' }));
  process.stdout.write(Tenant.TenantArn);
})().catch((err) => { process.stderr.write(String(err)); process.exit(1); });
`;

test('an unmodified SDK script reaches the emulator through AWS_ENDPOINT_URL_SESV2', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', UNMODIFIED_SCRIPT], {
    cwd: path.join(__dirname, '..', '..'),
    env: {
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL_SESV2: emulator.url,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  });
  expect(stdout).toMatch(/^arn:aws:ses:eu-central-1:123456789012:tenant\/from-env\/tn-[0-9a-f]+$/);
  expect((await emulator.admin.stats()).operations).toEqual({ CreateTenant: 1, GetTenant: 1 });
});
