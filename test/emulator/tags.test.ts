import {
  CreateTenantCommand,
  GetTenantCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';
import { createResources } from './fixtures';

const emulator = withEmulator();
const bad = (message: string) => ({ name: 'BadRequestException', status: 400, message });

async function tenant(name = 'acme') {
  const out = await emulator.client().send(new CreateTenantCommand({ TenantName: name, Tags: [{ Key: 'team', Value: 'a' }] }));
  return { arn: out.TenantArn!, id: out.TenantId! };
}

test('tag operations share the tenant tags of CreateTenant and GetTenant, sorted by key', async () => {
  const client = emulator.client();
  const { arn } = await tenant();
  await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'b' }] }));
  expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([
    { Key: 'env', Value: 'prod' },
    { Key: 'team', Value: 'b' },
  ]);
  await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team', 'missing key'] }));
  expect((await client.send(new GetTenantCommand({ TenantName: 'acme' }))).Tenant!.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
});

test('a tenant ARN resolves by its TenantId segment only', async () => {
  const client = emulator.client();
  const { id } = await tenant();
  const wrongName = `arn:aws:ses:us-east-1:123456789012:tenant/other-name/${id}`;
  await client.send(new TagResourceCommand({ ResourceArn: wrongName, Tags: [{ Key: 'k', Value: 'v' }] }));
  expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: wrongName }))).Tags).toHaveLength(2);
  const oneSegment = `arn:aws:ses:us-east-1:123456789012:tenant/${id}`;
  expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: oneSegment }))).Tags).toHaveLength(2);
});

test('a wrong TenantId is 404 with AWS wording (no space before "with")', async () => {
  const client = emulator.client();
  await tenant();
  await expectAwsError(client.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:aws:ses:us-east-1:123456789012:tenant/acme/tn-000' })), {
    name: 'NotFoundException',
    status: 404,
    message: 'No Tenant present with name: acmewith tenantId: tn-000',
  });
});

test('another account is refused; another region lists nothing and refuses tag and untag', async () => {
  const client = emulator.client();
  const { arn } = await tenant();
  const foreign = arn.replace('123456789012', '210987654321');
  const elsewhere = arn.replace('us-east-1', 'eu-west-1');
  const cross = bad('Operations on a resource created in a different account is not allowed');
  await expectAwsError(client.send(new ListTagsForResourceCommand({ ResourceArn: foreign })), cross);
  await expectAwsError(client.send(new TagResourceCommand({ ResourceArn: foreign, Tags: [] })), cross);
  expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: elsewhere }))).Tags).toEqual([]);
  await expectAwsError(client.send(new TagResourceCommand({ ResourceArn: elsewhere, Tags: [{ Key: 'k', Value: 'v' }] })), bad('Failed to tag resource'));
  await expectAwsError(client.send(new UntagResourceCommand({ ResourceArn: elsewhere, TagKeys: ['k'] })), bad('Failed to untag resource'));
});

test('TagResource validates tags and the 50-tag total', async () => {
  const client = emulator.client();
  const { arn } = await tenant();
  await expectAwsError(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'aws:x', Value: 'v' }] })), bad('Tag key aws:x uses the reserved prefix aws:.'));
  const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  await expectAwsError(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: fifty })), bad('Too many tags: 51. A resource can have at most 50 tags.'));
  await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [...fifty.slice(0, 49), { Key: 'team', Value: 'z' }] }));
  expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toHaveLength(50);
});

test('tag lengths count characters as SES does, not UTF-16 units', async () => {
  const client = emulator.client();
  const { arn } = await tenant();
  const emoji = (n: number) => '\u{1F600}'.repeat(n);
  await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: emoji(128), Value: emoji(256) }] }));
  expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toContainEqual({ Key: emoji(128), Value: emoji(256) });
  await expectAwsError(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'k', Value: emoji(257) }] })), {
    name: 'BadRequestException',
    status: 400,
  });
  await expectAwsError(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: emoji(129), Value: 'v' }] })), {
    name: 'BadRequestException',
    status: 400,
  });
});

test('identities, configuration sets and templates are taggable too', async () => {
  const client = emulator.client();
  const arns = await createResources(client);
  for (const arn of [arns.domain, arns.configSet, arns.template]) {
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'owner', Value: 'ops' }] }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: 'owner', Value: 'ops' }]);
  }
});
