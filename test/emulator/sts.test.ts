import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fakeCredentials, withEmulator } from '../support/emulator';

// STS GetCallerIdentity through the real STS client (AWS Query protocol) against the emulator.

const emu = withEmulator();
const sts = (accessKeyId: string, region = 'eu-central-1') => new STSClient({ region, endpoint: emu.url, credentials: fakeCredentials(accessKeyId), maxAttempts: 1 });

test.each([
  ['a 12-digit access key selects that account', '210987654321', '210987654321'],
  ['any other access key is the default account, as for SES', 'AKIDEMULATOR', '123456789012'],
])('GetCallerIdentity: %s', async (_what, accessKeyId, account) => {
  const out = await sts(accessKeyId).send(new GetCallerIdentityCommand({}));
  expect(out).toMatchObject({ Account: account, UserId: account, Arn: `arn:aws:iam::${account}:root` });
  expect(out.$metadata.httpStatusCode).toBe(200);
});

test('GetCallerIdentity is not an SES request: the SES stats do not count it', async () => {
  await sts('210987654321', 'us-west-2').send(new GetCallerIdentityCommand({}));
  expect((await emu.admin.stats()).operations).toEqual({});
});

test('another STS action is refused with InvalidAction (400)', async () => {
  const res = await fetch(`${emu.url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=AssumeRole&Version=2011-06-15',
  });
  expect(res.status).toBe(400);
  expect(await res.text()).toContain('<Code>InvalidAction</Code>');
});
