import {
  GetReputationEntityCommand,
  GetTenantCommand,
  ListReputationEntitiesCommand,
  UpdateReputationEntityCustomerManagedStatusCommand,
  UpdateReputationEntityPolicyCommand,
} from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';
import { createTenantWith } from './fixtures';

const emulator = withEmulator();
const bad = (message: string) => ({ name: 'BadRequestException', status: 400, message });
const policy = (name: string, region = 'us-east-1') => `arn:aws:ses:${region}:aws:reputation-policy/${name}`;

async function entity(reference: string) {
  const out = await emulator.client().send(new GetReputationEntityCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: reference }));
  return out.ReputationEntity!;
}

test('every tenant has an entity: reference = tenant ARN, standard policy, both statuses ENABLED', async () => {
  const arn = await createTenantWith(emulator.client(), 'acme');
  expect(await entity(arn)).toEqual({
    ReputationEntityReference: arn,
    ReputationEntityType: 'RESOURCE',
    ReputationManagementPolicy: policy('standard'),
    CustomerManagedStatus: { Status: 'ENABLED' },
    AwsSesManagedStatus: { Status: 'ENABLED' },
    SendingStatusAggregate: 'ENABLED',
    ReputationImpact: 'NONE',
  });
});

test('ListReputationEntities on a fresh account is empty', async () => {
  const out = await emulator.client().send(new ListReputationEntitiesCommand({}));
  expect(out.ReputationEntities).toEqual([]);
  expect(out.NextToken).toBeUndefined();
});

test.each(['none', 'standard', 'strict'])('UpdateReputationEntityPolicy sets the %s policy', async (name) => {
  const client = emulator.client();
  const arn = await createTenantWith(client, 'acme');
  await client.send(new UpdateReputationEntityPolicyCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: arn, ReputationEntityPolicy: policy(name) }));
  expect((await entity(arn)).ReputationManagementPolicy).toBe(policy(name));
});

test.each([
  ['a customer policy', 'arn:aws:ses:us-east-1:123456789012:reputation-policy/mine'],
  ['an unknown managed policy', policy('lenient')],
  ['another region', policy('strict', 'eu-west-1')],
  ['a bare name', 'strict'],
])('UpdateReputationEntityPolicy rejects %s', async (_case, value) => {
  const client = emulator.client();
  const arn = await createTenantWith(client, 'acme');
  await expectAwsError(
    client.send(new UpdateReputationEntityPolicyCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: arn, ReputationEntityPolicy: value })),
    bad(`Invalid reputation policy ${value}. Valid policies are arn:aws:ses:us-east-1:aws:reputation-policy/none, /standard and /strict.`),
  );
});

test('customer-managed status: Cause, timestamp, aggregate, and the tenant SendingStatus follow it', async () => {
  const client = emulator.client();
  const arn = await createTenantWith(client, 'acme');
  const set = (SendingStatus: 'ENABLED' | 'DISABLED' | 'REINSTATED') =>
    client.send(new UpdateReputationEntityCustomerManagedStatusCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: arn, SendingStatus }));
  await set('DISABLED');
  const paused = await entity(arn);
  expect(paused.CustomerManagedStatus).toEqual({ Status: 'DISABLED', Cause: 'Status manually updated.', LastUpdatedTimestamp: expect.any(Date) });
  expect(paused.SendingStatusAggregate).toBe('DISABLED');
  expect((await client.send(new GetTenantCommand({ TenantName: 'acme' }))).Tenant!.SendingStatus).toBe('DISABLED');
  await set('REINSTATED');
  expect((await entity(arn)).SendingStatusAggregate).toBe('REINSTATED');
  await set('ENABLED');
  expect((await client.send(new GetTenantCommand({ TenantName: 'acme' }))).Tenant!.SendingStatus).toBe('ENABLED');
});

test('the aggregate is DISABLED when SES disables the entity, whatever the customer status', async () => {
  const client = emulator.client();
  const arn = await createTenantWith(client, 'acme');
  await emulator.admin.setAwsManagedStatus({ tenantName: 'acme', status: 'DISABLED', cause: 'High bounce rate' });
  await client.send(new UpdateReputationEntityCustomerManagedStatusCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: arn, SendingStatus: 'REINSTATED' }));
  const out = await entity(arn);
  expect(out.AwsSesManagedStatus).toEqual({ Status: 'DISABLED', Cause: 'High bounce rate', LastUpdatedTimestamp: expect.any(Date) });
  expect(out.SendingStatusAggregate).toBe('DISABLED');
  const listed = await client.send(new ListReputationEntitiesCommand({ Filter: { SENDING_STATUS: 'DISABLED' } }));
  expect(listed.ReputationEntities!.map((e) => e.ReputationEntityReference)).toEqual([arn]);
});

test.each([
  ['absent', undefined, "1 validation error detected: Value at 'sendingStatus' failed to satisfy constraint: Member must not be null"],
  ['unknown', 'PAUSED', "1 validation error detected: Value 'PAUSED' at 'sendingStatus' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, REINSTATED, DISABLED]"],
])('customer-managed status %s is rejected', async (_case, SendingStatus, message) => {
  const client = emulator.client();
  const arn = await createTenantWith(client, 'acme');
  await expectAwsError(
    client.send(new UpdateReputationEntityCustomerManagedStatusCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: arn, SendingStatus: SendingStatus as never })),
    bad(message),
  );
});

test('unknown references are 404 and other entity types are rejected', async () => {
  const client = emulator.client();
  const ghost = 'arn:aws:ses:us-east-1:123456789012:tenant/ghost/tn-0';
  await expectAwsError(client.send(new GetReputationEntityCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: ghost })), {
    name: 'NotFoundException',
    status: 404,
    message: `Reputation entity of type RESOURCE with reference ${ghost} does not exist.`,
  });
  await expectAwsError(
    client.send(new UpdateReputationEntityPolicyCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: ghost, ReputationEntityPolicy: policy('none') })),
    { name: 'NotFoundException', status: 404 },
  );
  await expectAwsError(
    client.send(new GetReputationEntityCommand({ ReputationEntityType: 'RESOURCE', ReputationEntityReference: '' })),
    bad("1 validation error detected: Value at 'reputationEntityReference' failed to satisfy constraint: Member must not be null"),
  );
  await expectAwsError(
    client.send(new GetReputationEntityCommand({ ReputationEntityType: 'TENANT' as never, ReputationEntityReference: ghost })),
    bad('Invalid reputation entity type TENANT. Valid values are: RESOURCE'),
  );
});
