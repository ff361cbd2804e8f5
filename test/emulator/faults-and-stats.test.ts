import { CreateTenantCommand, GetTenantCommand, ListTenantsCommand } from '@aws-sdk/client-sesv2';
import { startTestEmulator, withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';

const emulator = withEmulator();
const noRetries = { maxAttempts: 1 };

describe('fault injection', () => {
  test('throttle fraction 1.0 answers every SES request with 429 TooManyRequestsException', async () => {
    await emulator.admin.setFaults({ throttleFraction: 1 });
    await expectAwsError(emulator.client('us-east-1', noRetries).send(new ListTenantsCommand({})), {
      name: 'TooManyRequestsException',
      status: 429,
      message: 'Too Many Requests',
    });
    const stats = await emulator.admin.stats();
    expect(stats).toMatchObject({ total: 1, throttled: 1, throttledByOperation: { ListTenants: 1 }, errors: { TooManyRequestsException: 1 } });
  });

  test('the SDK retries throttled requests, and every attempt is counted', async () => {
    await emulator.admin.setFaults({ throttleFraction: 1 });
    await expectAwsError(emulator.client('us-east-1', { maxAttempts: 3, retryStrategy: undefined }).send(new ListTenantsCommand({})), {
      name: 'TooManyRequestsException',
      status: 429,
    });
    expect((await emulator.admin.stats()).operations).toEqual({ ListTenants: 3 });
  });

  test('a throttle fraction throttles exactly that share of requests, evenly', async () => {
    await emulator.admin.setFaults({ throttleFraction: 0.25 });
    const client = emulator.client('us-east-1', noRetries);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(await client.send(new ListTenantsCommand({})).then(() => 'ok', (err: Error) => err.name));
    }
    expect(outcomes.filter((o) => o === 'TooManyRequestsException')).toHaveLength(3);
    expect(outcomes.slice(0, 4)).toEqual(['ok', 'ok', 'ok', 'TooManyRequestsException']);
    expect((await emulator.admin.stats()).throttled).toBe(3);
  });

  test('a rate limit lets a burst through and throttles the rest', async () => {
    await emulator.admin.setFaults({ rateLimit: 1, burst: 2 });
    const client = emulator.client('us-east-1', noRetries);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => client.send(new ListTenantsCommand({})).then(() => 'ok', (err: Error) => err.name)),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'TooManyRequestsException')).toHaveLength(4);
    const other = await emulator.client('eu-west-1', noRetries).send(new ListTenantsCommand({}));
    expect(other.Tenants).toEqual([]);
    expect((await emulator.admin.faults()).rateLimit).toBe(1);
  });

  test('latency is added to every SES request and reported in the stats', async () => {
    await emulator.admin.setFaults({ latencyMs: 15 });
    const client = emulator.client();
    await client.send(new ListTenantsCommand({}));
    await client.send(new CreateTenantCommand({ TenantName: 'acme' }));
    await emulator.admin.state();
    expect(await emulator.admin.stats()).toMatchObject({ total: 2, delayed: 2, injectedLatencyMs: 30 });
  });

  test('invalid fault settings are refused', async () => {
    await expect(emulator.admin.setFaults({ throttleFraction: 2 })).rejects.toThrow('throttleFraction must be between 0 and 1, got 2');
    await expect(emulator.admin.setFaults({ rateLimit: 0 })).rejects.toThrow('rateLimit must be a number > 0 or null, got 0');
  });

  test('options set the faults at start', async () => {
    const throttled = await startTestEmulator({ throttleFraction: 1 });
    try {
      await expectAwsError(throttled.client('us-east-1', noRetries).send(new ListTenantsCommand({})), { name: 'TooManyRequestsException', status: 429 });
      expect(await throttled.admin.faults()).toEqual({ latencyMs: 0, throttleFraction: 1, rateLimit: null, burst: 0 });
    } finally {
      await throttled.stop();
    }
  });
});

describe('stats', () => {
  test('counts every SES request by operation, failed ones included, and no admin request', async () => {
    const client = emulator.client();
    await client.send(new CreateTenantCommand({ TenantName: 'a' }));
    await client.send(new CreateTenantCommand({ TenantName: 'b' }));
    await client.send(new GetTenantCommand({ TenantName: 'a' }));
    await client.send(new GetTenantCommand({ TenantName: 'ghost' })).catch(() => undefined);
    await emulator.admin.state();
    await emulator.admin.messages();
    await fetch(`${emulator.url}/v2/email/no-such-operation`, { method: 'POST', body: '{}' });
    expect(await emulator.admin.stats()).toEqual({
      total: 5,
      operations: { CreateTenant: 2, GetTenant: 2, UnknownOperation: 1 },
      throttled: 0,
      throttledByOperation: {},
      errors: { NotFoundException: 1, UnknownOperationException: 1 },
      delayed: 0,
      injectedLatencyMs: 0,
      persistence: { flushes: 0, compactions: 0, writesAcknowledged: 0, bytesWritten: 0, flushMsTotal: 0, flushMsMax: 0 },
    });
    await emulator.admin.resetStats();
    expect((await emulator.admin.stats()).total).toBe(0);
  });

  test('every answer carries x-amzn-requestid, errors carry x-amzn-errortype and both message keys', async () => {
    const response = await fetch(`${emulator.url}/v2/email/tenants/get`, { method: 'POST', body: '{"TenantName":"ghost"}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      message: 'The requested tenant ghost does not exist.',
      Message: 'The requested tenant ghost does not exist.',
    });
  });

  test('a body that is not JSON, or a TenantName that is not a string, is a SerializationException', async () => {
    const notJson = await fetch(`${emulator.url}/v2/email/tenants`, { method: 'POST', body: '{' });
    expect([notJson.status, notJson.headers.get('x-amzn-errortype')]).toEqual([400, 'SerializationException']);
    const notString = await fetch(`${emulator.url}/v2/email/outbound-emails`, {
      method: 'POST',
      body: JSON.stringify({ TenantName: 5, Content: { Simple: { Subject: { Data: 'x' } } } }),
    });
    expect([notString.status, notString.headers.get('x-amzn-errortype')]).toEqual([400, 'SerializationException']);
  });
});
