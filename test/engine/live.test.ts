import { sesGateway } from '../../src/aws/ses-gateway';
import { CreateTenantCommand, CreateTenantResourceAssociationCommand, PutTenantSuppressionAttributesCommand } from '@aws-sdk/client-sesv2';
import { countCalls } from '../../src/aws/call-counter';
import { readLiveRegion, readLiveTenant } from '../../src/engine';
import { withEmulator } from '../support/emulator';
import { ACCOUNT, arn } from './fixtures';
import { engineClient, seedResources, served } from './emulated';

const emu = withEmulator();
const at = { partition: 'aws', region: 'eu-central-1', account: ACCOUNT };

describe('readLiveRegion', () => {
  test('reads 250 tenants with one GetTenant and one ListTenantResources each plus the list pages', async () => {
    const client = engineClient(emu);
    for (let i = 0; i < 250; i++) await client.send(new CreateTenantCommand({ TenantName: `t${String(i).padStart(3, '0')}` }));
    await emu.admin.resetStats();
    const progress: number[] = [];
    const counter = countCalls(client);
    counter.reset();
    const live = await readLiveRegion(sesGateway(client), at, { concurrency: 8, onProgress: (done) => progress.push(done) });
    expect(Object.keys(live.tenants)).toHaveLength(250);
    expect(Object.keys(live.tenants)[0]).toBe('t000');
    expect(await served(emu)).toEqual({ ListTenants: 3, ListReputationEntities: 3, GetTenant: 250, ListTenantResources: 250 });
    expect(counter.snapshot()).toEqual({ total: 506, attempts: 506, byOperation: { GetTenant: 250, ListReputationEntities: 3, ListTenantResources: 250, ListTenants: 3 } });
    expect(progress[progress.length - 1]).toBe(250);
  });

  test('a tenant is read with its policy, statuses, tags, suppression and resources typed from their ARNs', async () => {
    const client = engineClient(emu);
    await seedResources(client, ['acme']);
    await client.send(new CreateTenantCommand({ TenantName: 'acme', Tags: [{ Key: 'z', Value: '1' }, { Key: 'a', Value: '2' }] }));
    await client.send(new PutTenantSuppressionAttributesCommand({ TenantName: 'acme', SuppressionScope: 'TENANT', SuppressedReasons: ['COMPLAINT', 'BOUNCE'] }));
    await client.send(new CreateTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn: arn('identity', 'acme.example.com') }));
    await client.send(new CreateTenantResourceAssociationCommand({ TenantName: 'acme', ResourceArn: arn('configuration-set', 'acme-cs') }));
    const fromRegion = (await readLiveRegion(sesGateway(client), at)).tenants.acme;
    expect(fromRegion).toEqual({
      name: 'acme',
      id: expect.stringMatching(/^tn-[0-9a-f]+$/),
      arn: expect.stringMatching(/^arn:aws:ses:eu-central-1:123456789012:tenant\/acme\/tn-/),
      reputationPolicy: 'standard',
      customerStatus: 'ENABLED',
      sendingStatusAggregate: 'ENABLED',
      tags: { a: '2', z: '1' },
      suppression: { scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] },
      resources: [
        { type: 'configuration-set', name: 'acme-cs', arn: arn('configuration-set', 'acme-cs') },
        { type: 'identity', name: 'acme.example.com', arn: arn('identity', 'acme.example.com') },
      ],
    });
    expect(Object.keys(fromRegion.tags)).toEqual(['a', 'z']);
    await emu.admin.resetStats();
    expect(await readLiveTenant(sesGateway(client), at, 'acme')).toEqual(fromRegion);
    expect(await served(emu)).toEqual({ GetTenant: 1, ListTenantResources: 1, ListReputationEntities: 1 });
  });

  test('readLiveTenant of a missing tenant is undefined', async () => {
    expect(await readLiveTenant(sesGateway(engineClient(emu)), at, 'nobody')).toBeUndefined();
  });

  test('an empty region reads as no tenants', async () => {
    expect(await readLiveRegion(sesGateway(engineClient(emu, 'us-east-1')), { ...at, region: 'us-east-1' })).toEqual({ ...at, region: 'us-east-1', tenants: {} });
  });
});
