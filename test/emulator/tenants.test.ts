import {
  CreateTenantCommand,
  DeleteTenantCommand,
  GetTenantCommand,
  ListTenantsCommand,
  PutTenantSuppressionAttributesCommand,
  UpdateReputationEntityCustomerManagedStatusCommand,
} from '@aws-sdk/client-sesv2';
import { startTestEmulator, withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';

const emulator = withEmulator();
const bad = (message: string) => ({ name: 'BadRequestException', status: 400, message });

describe('CreateTenant', () => {
  test('returns the new tenant with an id, an ARN, epoch-second timestamp and ENABLED status', async () => {
    const client = emulator.client();
    const before = Date.now() / 1000;
    const out = await client.send(
      new CreateTenantCommand({ TenantName: 'acme', Tags: [{ Key: 'z', Value: '1' }, { Key: 'a', Value: '' }] }),
    );
    expect(out.TenantName).toBe('acme');
    expect(out.TenantId).toMatch(/^tn-[0-9a-f]{30}$/);
    expect(out.TenantArn).toBe(`arn:aws:ses:us-east-1:123456789012:tenant/acme/${out.TenantId}`);
    expect(out.SendingStatus).toBe('ENABLED');
    expect(out.Tags).toEqual([{ Key: 'a', Value: '' }, { Key: 'z', Value: '1' }]);
    expect(out.SuppressionAttributes).toBeUndefined();
    expect(out.CreatedTimestamp!.getTime() / 1000).toBeGreaterThanOrEqual(Math.floor(before));
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test.each([
    ['absent', undefined, "1 validation error detected: Value at 'tenantName' failed to satisfy constraint: Member must not be null"],
    ['empty', '', "1 validation error detected: Value at 'tenantName' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['whitespace', '   ', 'TenantName cannot be empty'],
    ['65 characters', 'a'.repeat(65), 'TenantName cannot exceed 64 characters.'],
    ['a dot', 'a.b', "Invalid tenant name a.b: only alphanumeric ASCII characters, '_', and '-' are allowed."],
    ['non-ASCII', 'café', "Invalid tenant name café: only alphanumeric ASCII characters, '_', and '-' are allowed."],
  ])('rejects a name that is %s', async (_case, name, message) => {
    await expectAwsError(emulator.client().send(new CreateTenantCommand({ TenantName: name as string })), bad(message));
  });

  test.each([['a'], ['A-b_9'], ['x'.repeat(64)]])('accepts the name %s', async (name) => {
    await expect(emulator.client().send(new CreateTenantCommand({ TenantName: name }))).resolves.toMatchObject({ TenantName: name });
  });

  test('checks the name before the tags, the tags before suppression, suppression before the duplicate', async () => {
    const client = emulator.client();
    await client.send(new CreateTenantCommand({ TenantName: 'dup' }));
    const badTags = [{ Key: 'aws:x', Value: 'v' }];
    const badSuppression = { SuppressionScope: 'TENANT' as const };
    await expectAwsError(client.send(new CreateTenantCommand({ TenantName: 'a.b', Tags: badTags })), {
      name: 'BadRequestException',
      status: 400,
      message: "Invalid tenant name a.b: only alphanumeric ASCII characters, '_', and '-' are allowed.",
    });
    await expectAwsError(
      client.send(new CreateTenantCommand({ TenantName: 'dup', Tags: badTags, SuppressionAttributes: badSuppression })),
      bad('Tag key aws:x uses the reserved prefix aws:.'),
    );
    await expectAwsError(
      client.send(new CreateTenantCommand({ TenantName: 'dup', SuppressionAttributes: badSuppression })),
      bad('SuppressionScope cannot be specified without SuppressedReasons.'),
    );
    await expectAwsError(client.send(new CreateTenantCommand({ TenantName: 'dup' })), {
      name: 'AlreadyExistsException',
      status: 400,
      message: 'Tenant with name dup already exists in account 123456789012',
    });
  });

  test.each([
    ['51 tags', Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })), 'Too many tags: 51. A resource can have at most 50 tags.'],
    ['an empty key', [{ Key: '', Value: 'v' }], "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['a 129-character key', [{ Key: 'k'.repeat(129), Value: 'v' }], `1 validation error detected: Value '${'k'.repeat(129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`],
    ['a 257-character value', [{ Key: 'k', Value: 'v'.repeat(257) }], `1 validation error detected: Value '${'v'.repeat(257)}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`],
    ['an aws: key', [{ Key: 'AWS:owner', Value: 'v' }], 'Tag key AWS:owner uses the reserved prefix aws:.'],
    ['a repeated key', [{ Key: 'k', Value: '1' }, { Key: 'k', Value: '2' }], 'Duplicate tag key k.'],
  ])('rejects %s', async (_case, tags, message) => {
    await expectAwsError(emulator.client().send(new CreateTenantCommand({ TenantName: 't', Tags: tags })), bad(message));
  });

  test.each([
    [50, 'k'.repeat(128), 'v'.repeat(256)],
    [1, 'k', ''],
  ])('accepts %i tags at the key and value limits', async (count, key, value) => {
    const tags = Array.from({ length: count }, (_, i) => ({ Key: `${key.slice(0, 124)}${String(i).padStart(4, '0')}`.slice(-128), Value: value }));
    const out = await emulator.client().send(new CreateTenantCommand({ TenantName: 't', Tags: tags }));
    expect(out.Tags).toHaveLength(count);
  });

  test('keeps suppression attributes given at creation', async () => {
    const client = emulator.client();
    const out = await client.send(
      new CreateTenantCommand({ TenantName: 's', SuppressionAttributes: { SuppressedReasons: ['BOUNCE'], SuppressionScope: 'TENANT' } }),
    );
    expect(out.SuppressionAttributes).toEqual({ SuppressedReasons: ['BOUNCE'], SuppressionScope: 'TENANT' });
  });

  test('refuses tenants beyond the quota with LimitExceededException', async () => {
    const small = await startTestEmulator({ tenantQuota: 2 });
    try {
      const client = small.client('us-east-1', { maxAttempts: 1 });
      await client.send(new CreateTenantCommand({ TenantName: 'one' }));
      await client.send(new CreateTenantCommand({ TenantName: 'two' }));
      await expectAwsError(client.send(new CreateTenantCommand({ TenantName: 'three' })), {
        name: 'LimitExceededException',
        status: 400,
        message: 'Tenant quota of 2 reached for account 123456789012 in region us-east-1.',
      });
      await expectAwsError(client.send(new CreateTenantCommand({ TenantName: 'one' })), { name: 'AlreadyExistsException', status: 400 });
      await expect(small.client('eu-west-1').send(new CreateTenantCommand({ TenantName: 'three' }))).resolves.toBeDefined();
    } finally {
      await small.stop();
    }
  });
});

describe('GetTenant and DeleteTenant', () => {
  test('GetTenant returns tags sorted by key, the sending status and suppression', async () => {
    const client = emulator.client();
    const created = await client.send(new CreateTenantCommand({ TenantName: 'acme', Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '1' }] }));
    const { Tenant } = await client.send(new GetTenantCommand({ TenantName: 'acme' }));
    expect(Tenant).toEqual({
      TenantName: 'acme',
      TenantId: created.TenantId,
      TenantArn: created.TenantArn,
      CreatedTimestamp: created.CreatedTimestamp,
      Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }],
      SendingStatus: 'ENABLED',
    });
  });

  test.each([
    ['GetTenant', (name?: string) => new GetTenantCommand({ TenantName: name })],
    ['DeleteTenant', (name?: string) => new DeleteTenantCommand({ TenantName: name })],
    ['PutTenantSuppressionAttributes', (name?: string) => new PutTenantSuppressionAttributesCommand({ TenantName: name })],
  ] as const)('%s: absent or empty TenantName → "TenantName cannot be empty", unknown → 404', async (_op, command) => {
    const client = emulator.client();
    for (const name of [undefined, '']) {
      await expectAwsError(client.send(command(name) as never), bad('TenantName cannot be empty'));
    }
    await expectAwsError(client.send(command('ghost') as never), {
      name: 'NotFoundException',
      status: 404,
      message: 'The requested tenant ghost does not exist.',
    });
  });

  test('DeleteTenant removes the tenant; a recreated one gets a new id', async () => {
    const client = emulator.client();
    const first = await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    await client.send(new DeleteTenantCommand({ TenantName: 'acme' }));
    await expectAwsError(client.send(new GetTenantCommand({ TenantName: 'acme' })), { name: 'NotFoundException', status: 404 });
    const second = await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    expect(second.TenantId).not.toBe(first.TenantId);
  });
});

describe('PutTenantSuppressionAttributes', () => {
  test('sets, changes and clears the suppression block', async () => {
    const client = emulator.client();
    await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    const get = async () => (await client.send(new GetTenantCommand({ TenantName: 'acme' }))).Tenant?.SuppressionAttributes;
    await client.send(new PutTenantSuppressionAttributesCommand({ TenantName: 'acme', SuppressedReasons: ['BOUNCE', 'COMPLAINT'], SuppressionScope: 'ACCOUNT' }));
    expect(await get()).toEqual({ SuppressedReasons: ['BOUNCE', 'COMPLAINT'], SuppressionScope: 'ACCOUNT' });
    await client.send(new PutTenantSuppressionAttributesCommand({ TenantName: 'acme', SuppressedReasons: [], SuppressionScope: 'TENANT' }));
    expect(await get()).toEqual({ SuppressedReasons: [], SuppressionScope: 'TENANT' });
    await client.send(new PutTenantSuppressionAttributesCommand({ TenantName: 'acme' }));
    expect(await get()).toBeUndefined();
  });

  test.each([
    ['an unknown scope', { SuppressedReasons: ['BOUNCE'], SuppressionScope: 'GLOBAL' }, "1 validation error detected: Value at 'suppressionScope' failed to satisfy constraint: Member must satisfy enum value set: [TENANT, ACCOUNT]"],
    ['a repeated reason', { SuppressedReasons: ['BOUNCE', 'BOUNCE'], SuppressionScope: 'TENANT' }, 'Each suppressed reason can only be specified at most once'],
    ['reasons without scope', { SuppressedReasons: ['BOUNCE'] }, 'SuppressedReasons cannot be specified without SuppressionScope.'],
    ['scope without reasons', { SuppressionScope: 'TENANT' }, 'SuppressionScope cannot be specified without SuppressedReasons.'],
    ['[] without scope', { SuppressedReasons: [] }, 'SuppressionScope is required when SuppressedReasons are provided. Valid values are: TENANT, ACCOUNT'],
  ])('rejects %s, before looking the tenant up', async (_case, attributes, message) => {
    await expectAwsError(
      emulator.client().send(new PutTenantSuppressionAttributesCommand({ TenantName: 'ghost', ...(attributes as object) })),
      bad(message),
    );
  });
});

describe('ListTenants', () => {
  test('orders by name, omits tags, filters by name substring and sending status', async () => {
    const client = emulator.client();
    for (const name of ['charlie', 'alpha', 'bravo-team', 'team-delta']) {
      await client.send(new CreateTenantCommand({ TenantName: name, Tags: [{ Key: 'k', Value: 'v' }] }));
    }
    const { Tenants: all, NextToken } = await client.send(new ListTenantsCommand({}));
    expect(all!.map((t) => t.TenantName)).toEqual(['alpha', 'bravo-team', 'charlie', 'team-delta']);
    expect(NextToken).toBeUndefined();
    expect(Object.keys(all![0]).sort()).toEqual(['CreatedTimestamp', 'SendingStatus', 'TenantArn', 'TenantId', 'TenantName']);

    const named = await client.send(new ListTenantsCommand({ Filter: { TENANT_NAME_CONTAINS: 'team' } }));
    expect(named.Tenants!.map((t) => t.TenantName)).toEqual(['bravo-team', 'team-delta']);

    const { Tenant } = await client.send(new GetTenantCommand({ TenantName: 'charlie' }));
    await client.send(
      new UpdateReputationEntityCustomerManagedStatusCommand({
        ReputationEntityType: 'RESOURCE',
        ReputationEntityReference: Tenant!.TenantArn,
        SendingStatus: 'DISABLED',
      }),
    );
    const disabled = await client.send(new ListTenantsCommand({ Filter: { SENDING_STATUS: 'DISABLED' } }));
    expect(disabled.Tenants).toEqual([expect.objectContaining({ TenantName: 'charlie', SendingStatus: 'DISABLED' })]);
    const enabled = await client.send(new ListTenantsCommand({ Filter: { SENDING_STATUS: 'ENABLED' } }));
    expect(enabled.Tenants).toHaveLength(3);
  });

  test('rejects unknown filter keys and sending statuses', async () => {
    const client = emulator.client();
    await expectAwsError(client.send(new ListTenantsCommand({ Filter: { NAME: 'x' } as never })), {
      name: 'BadRequestException',
      status: 400,
      message: 'Invalid filter key NAME. Valid keys are: TENANT_NAME_CONTAINS, SENDING_STATUS',
    });
    await expectAwsError(client.send(new ListTenantsCommand({ Filter: { SENDING_STATUS: 'PAUSED' } })), {
      name: 'BadRequestException',
      status: 400,
      message: 'Invalid sending status PAUSED. Valid values are: ENABLED, REINSTATED, DISABLED',
    });
  });
});
