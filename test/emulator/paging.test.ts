import {
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  ListReputationEntitiesCommand,
  ListResourceTenantsCommand,
  ListTenantResourcesCommand,
  ListTenantsCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { withEmulator } from '../support/emulator';
import { expectAwsError } from './expect-aws-error';
import { ACCOUNT } from './fixtures';

const emulator = withEmulator({}, false);
const bad = (message: string) => ({ name: 'BadRequestException', status: 400, message });
const TENANTS = 250;
const names = Array.from({ length: TENANTS }, (_, i) => `tenant-${String((i * 7919) % TENANTS).padStart(3, '0')}`);
const domains = Array.from({ length: 30 }, (_, i) => `d${String(i).padStart(2, '0')}.example`);

/** Collects every item of a list by following NextToken; checks each page's size. */
async function pageThrough<T>(pageSize: number, fetch: (token?: string) => Promise<{ items?: T[]; token?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    expect(page.items!.length).toBeLessThanOrEqual(pageSize);
    if (page.token !== undefined) expect(page.items).toHaveLength(pageSize);
    all.push(...page.items!);
    token = page.token;
  } while (token !== undefined);
  return all;
}

let client: SESv2Client;

beforeAll(async () => {
  client = emulator.client();
  await emulator.admin.reset();
  await Promise.all(names.map((TenantName) => client.send(new CreateTenantCommand({ TenantName }))));
  for (const EmailIdentity of domains) await client.send(new CreateEmailIdentityCommand({ EmailIdentity }));
  for (const domain of [...domains].reverse()) {
    await client.send(new CreateTenantResourceAssociationCommand({ TenantName: 'tenant-000', ResourceArn: `arn:aws:ses:us-east-1:${ACCOUNT}:identity/${domain}` }));
  }
  for (const TenantName of names.slice(1, 40)) {
    await client.send(new CreateTenantResourceAssociationCommand({ TenantName, ResourceArn: `arn:aws:ses:us-east-1:${ACCOUNT}:identity/d00.example` }));
  }
});

describe.each([1, 7, 100])('with PageSize %i', (PageSize) => {
  test('ListTenants returns every tenant exactly once, in name order', async () => {
    const all = await pageThrough(PageSize, async (NextToken) => {
      const out = await client.send(new ListTenantsCommand({ PageSize, NextToken }));
      return { items: out.Tenants, token: out.NextToken };
    });
    expect(all.map((t) => t.TenantName)).toEqual([...names].sort());
  });

  test('ListReputationEntities returns every tenant entity exactly once, in reference order', async () => {
    const all = await pageThrough(PageSize, async (NextToken) => {
      const out = await client.send(new ListReputationEntitiesCommand({ PageSize, NextToken }));
      return { items: out.ReputationEntities, token: out.NextToken };
    });
    const refs = all.map((e) => e.ReputationEntityReference as string);
    expect(refs).toHaveLength(TENANTS);
    expect(new Set(refs).size).toBe(TENANTS);
    expect(refs).toEqual([...refs].sort());
  });

  test('ListTenantResources returns every resource exactly once, in ARN order', async () => {
    const all = await pageThrough(PageSize, async (NextToken) => {
      const out = await client.send(new ListTenantResourcesCommand({ TenantName: 'tenant-000', PageSize, NextToken }));
      return { items: out.TenantResources, token: out.NextToken };
    });
    expect(all.map((r) => r.ResourceArn)).toEqual(domains.map((d) => `arn:aws:ses:us-east-1:${ACCOUNT}:identity/${d}`));
  });

  test('ListResourceTenants returns every tenant exactly once, in association order', async () => {
    const all = await pageThrough(PageSize, async (NextToken) => {
      const out = await client.send(
        new ListResourceTenantsCommand({ ResourceArn: `arn:aws:ses:us-east-1:${ACCOUNT}:identity/d00.example`, PageSize, NextToken }),
      );
      return { items: out.ResourceTenants, token: out.NextToken };
    });
    expect(all.map((r) => r.TenantName)).toEqual(['tenant-000', ...names.slice(1, 40)]);
  });
});

test('ListTenants with a name filter pages over the matches only', async () => {
  const all = await pageThrough(3, async (NextToken) => {
    const out = await client.send(new ListTenantsCommand({ PageSize: 3, NextToken, Filter: { TENANT_NAME_CONTAINS: '-01' } }));
    return { items: out.Tenants, token: out.NextToken };
  });
  expect(all.map((t) => t.TenantName)).toEqual(names.filter((n) => n.includes('-01')).sort());
});

test('ListReputationEntities with ENTITY_REFERENCE_PREFIX lists only matching references', async () => {
  const prefix = `arn:aws:ses:us-east-1:${ACCOUNT}:tenant/tenant-24`;
  const all = await pageThrough(4, async (NextToken) => {
    const out = await client.send(new ListReputationEntitiesCommand({ PageSize: 4, NextToken, Filter: { ENTITY_REFERENCE_PREFIX: prefix } }));
    return { items: out.ReputationEntities, token: out.NextToken };
  });
  expect(all.map((e) => e.ReputationEntityReference!.split('/')[1])).toEqual(names.filter((n) => n.startsWith('tenant-24')).sort());
});

describe('paging errors (all three tenant lists)', () => {
  const lists = [
    ['ListTenants', (p: object) => new ListTenantsCommand(p)],
    ['ListTenantResources', (p: object) => new ListTenantResourcesCommand({ TenantName: 'ghost', ...p })],
    ['ListResourceTenants', (p: object) => new ListResourceTenantsCommand({ ResourceArn: 'not-an-arn', ...p })],
    ['ListReputationEntities', (p: object) => new ListReputationEntitiesCommand(p)],
  ] as const;

  test.each(lists)('%s: PageSize and NextToken limits, both reported together', async (_op, command) => {
    const send = (p: object) => client.send(command(p) as never);
    const prefix = '1 validation error detected: ';
    const tooSmall = (n: number) => `Value '${n}' at 'pageSize' failed to satisfy constraint: Member must have value greater than or equal to 1`;
    const tooBig = `Value '101' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 100`;
    const emptyToken = `Value '' at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1`;
    await expectAwsError(send({ PageSize: 0 }), bad(prefix + tooSmall(0)));
    await expectAwsError(send({ PageSize: -5 }), bad(prefix + tooSmall(-5)));
    await expectAwsError(send({ PageSize: 101 }), bad(prefix + tooBig));
    await expectAwsError(send({ NextToken: '' }), bad(prefix + emptyToken));
    await expectAwsError(send({ NextToken: '', PageSize: 0 }), bad(`2 validation errors detected: ${emptyToken}; ${tooSmall(0)}`));
    await expectAwsError(send({ NextToken: 'garbage!' }), bad('Invalid Next Token'));
  });

  test('a token is bound to its list, its arguments and its region', async () => {
    const first = await client.send(new ListTenantsCommand({ PageSize: 1 }));
    const token = first.NextToken as string;
    await expectAwsError(client.send(new ListReputationEntitiesCommand({ NextToken: token })), bad('Invalid Next Token'));
    await expectAwsError(client.send(new ListTenantsCommand({ NextToken: token, Filter: { TENANT_NAME_CONTAINS: 'x' } })), bad('Invalid Next Token'));
    await expectAwsError(emulator.client('eu-west-1').send(new ListTenantsCommand({ NextToken: token })), bad('Invalid Next Token'));
    const resources = await client.send(new ListTenantResourcesCommand({ TenantName: 'tenant-000', PageSize: 1 }));
    await client.send(new CreateTenantCommand({ TenantName: 'other' })).catch(() => undefined);
    await expectAwsError(
      client.send(new ListTenantResourcesCommand({ TenantName: 'other', NextToken: resources.NextToken })),
      bad('Invalid Next Token'),
    );
    await expect(client.send(new ListTenantsCommand({ NextToken: token, PageSize: 1 }))).resolves.toBeDefined();
  });
});
