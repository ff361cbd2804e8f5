import { CreateTenantCommand, GetTenantCommand, ListTenantsCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { fakeCredentials, withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';

const emulator = withEmulator();

test('tenants are per region: the same name in two regions, each listing only its own', async () => {
  const east = emulator.client('us-east-1');
  const west = emulator.client('eu-west-1');
  const a = await east.send(new CreateTenantCommand({ TenantName: 'acme' }));
  const b = await west.send(new CreateTenantCommand({ TenantName: 'acme' }));
  await west.send(new CreateTenantCommand({ TenantName: 'west-only' }));
  expect(a.TenantArn).toMatch(/^arn:aws:ses:us-east-1:/);
  expect(b.TenantArn).toMatch(/^arn:aws:ses:eu-west-1:/);
  expect(a.TenantId).not.toBe(b.TenantId);
  expect((await east.send(new ListTenantsCommand({}))).Tenants!.map((t) => t.TenantName)).toEqual(['acme']);
  expect((await west.send(new ListTenantsCommand({}))).Tenants!.map((t) => t.TenantName)).toEqual(['acme', 'west-only']);
  await expectAwsError(east.send(new GetTenantCommand({ TenantName: 'west-only' })), { name: 'NotFoundException', status: 404 });
});

test('a 12-digit access key selects the account', async () => {
  const other = new SESv2Client({ region: 'us-east-1', endpoint: emulator.url, credentials: fakeCredentials('210987654321') });
  const out = await other.send(new CreateTenantCommand({ TenantName: 'acme' }));
  expect(out.TenantArn).toMatch(/^arn:aws:ses:us-east-1:210987654321:tenant\/acme\//);
  expect((await emulator.client().send(new ListTenantsCommand({}))).Tenants).toEqual([]);
});
