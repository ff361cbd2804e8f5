import * as http from 'http';
import type { AddressInfo } from 'net';
import { CreateTenantCommand, ListTenantsCommand } from '@aws-sdk/client-sesv2';
import { countCalls } from '../../src/aws/call-counter';
import { createSesClient, DEFAULT_MAX_ATTEMPTS, TOOL_VERSION } from '../../src/aws/client';
import { fakeCredentials, withEmulator } from '../support/emulator';

const emu = withEmulator();

describe('createSesClient', () => {
  test('builds no NodeVersionSupportWarning and leaves the environment as it was', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const before = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    createSesClient({ region: 'eu-central-1', endpoint: emu.url, credentials: fakeCredentials() });
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(warnings.filter((w) => w.includes('NodeVersionSupportWarning'))).toEqual([]);
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe(before);
  });

  test('uses standard retries (adaptive mode stalls under steady throttling), the default attempts and a user agent naming the tool', async () => {
    const client = createSesClient({ region: 'eu-central-1', endpoint: emu.url, credentials: fakeCredentials() });
    expect(((await client.config.retryStrategy()) as { mode?: string }).mode).toBe('standard');
    expect(await client.config.maxAttempts()).toBe(DEFAULT_MAX_ATTEMPTS);
    const agents: string[] = [];
    client.middlewareStack.add(
      (next) => (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        agents.push(`${headers['user-agent']} ${headers['x-amz-user-agent'] ?? ''}`);
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low' },
    );
    await client.send(new ListTenantsCommand({}));
    expect(agents[0]).toContain(`cdktf-ses-tenants/${TOOL_VERSION}`);
  });

  test('takes the endpoint from AWS_ENDPOINT_URL_SESV2 when none is given', async () => {
    process.env.AWS_ENDPOINT_URL_SESV2 = emu.url;
    try {
      const client = createSesClient({ region: 'eu-central-1', credentials: fakeCredentials() });
      await client.send(new CreateTenantCommand({ TenantName: 'via-env' }));
      expect((await emu.admin.stats()).operations.CreateTenant).toBe(1);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_SESV2;
    }
  });

  test('assumes the role through STS and calls SES with the role\'s credentials', async () => {
    const requests: string[] = [];
    const sts = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push(body);
        res.setHeader('content-type', 'text/xml');
        res.end(
          '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>' +
            '<AccessKeyId>210987654321</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>' +
            '<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/deploy/x</Arn>' +
            '<AssumedRoleId>AROA:x</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>',
        );
      });
    });
    await new Promise<void>((r) => sts.listen(0, '127.0.0.1', r));
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${(sts.address() as AddressInfo).port}`,
      AWS_ACCESS_KEY_ID: 'AKIDSOURCE',
      AWS_SECRET_ACCESS_KEY: 'source-secret',
    });
    try {
      const client = createSesClient({ region: 'eu-central-1', endpoint: emu.url, assumeRoleArn: 'arn:aws:iam::210987654321:role/deploy' });
      const out = await client.send(new CreateTenantCommand({ TenantName: 'assumed' }));
      await client.send(new ListTenantsCommand({}));
      expect(out.TenantArn).toMatch(/^arn:aws:ses:eu-central-1:210987654321:tenant\/assumed\//);
      expect(requests).toHaveLength(1);
      expect(decodeURIComponent(requests[0])).toContain('RoleArn=arn:aws:iam::210987654321:role/deploy');
    } finally {
      process.env = saved;
      await new Promise((r) => sts.close(r));
    }
  });
});

describe('countCalls', () => {
  test('counts operations and HTTP attempts of one client, once however often it is asked', async () => {
    const client = createSesClient({ region: 'eu-central-1', endpoint: emu.url, credentials: fakeCredentials() });
    const counter = countCalls(client);
    expect(countCalls(client)).toBe(counter);
    await client.send(new ListTenantsCommand({}));
    await client.send(new CreateTenantCommand({ TenantName: 'x' }));
    await client.send(new CreateTenantCommand({ TenantName: 'x' })).catch(() => undefined);
    expect(counter.snapshot()).toEqual({ total: 3, attempts: 3, byOperation: { CreateTenant: 2, ListTenants: 1 } });
    counter.reset();
    expect(counter.total).toBe(0);
  });
});
