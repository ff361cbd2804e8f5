import { sesGateway } from '../../src/aws/ses-gateway';
import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { createSesClient } from '../../src/aws/client';
import { applyPlan, computePlan, readLiveRegion } from '../../src/engine';
import type { ApplyOptions, ApplyResult, DesiredStack, LiveRegion, Plan } from '../../src/engine';
import type { TestEmulator } from '../support/emulator';
import { fakeCredentials } from '../support/emulator';
import { ACCOUNT } from './fixtures';

/** The engine against the emulator through the real SDK, as the CLI drives it. */

/** Our client factory pointed at the emulator. */
export function engineClient(emu: TestEmulator, region = 'eu-central-1'): SESv2Client {
  return createSesClient({ region, endpoint: emu.url, credentials: fakeCredentials() });
}

/** Creates the identity and configuration set every fixture spec of these tenants associates. */
export async function seedResources(client: SESv2Client, tenants: readonly string[]): Promise<void> {
  for (const name of tenants) {
    await client.send(new CreateEmailIdentityCommand({ EmailIdentity: `${name}.example.com` }));
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: `${name}-cs` }));
  }
}

/** Reads the live state of every region the stacks target. */
export async function readLive(client: SESv2Client, desired: readonly DesiredStack[]): Promise<LiveRegion[]> {
  const regions = [...new Set(desired.map((d) => d.target.region))].sort();
  return Promise.all(regions.map((region) => readLiveRegion(sesGateway(client), { partition: 'aws', region, account: ACCOUNT })));
}

/** Reads, plans. */
export async function planAgainst(client: SESv2Client, desired: readonly DesiredStack[]): Promise<Plan> {
  return computePlan(desired, await readLive(client, desired));
}

/** Reads, plans and applies. */
export async function converge(client: SESv2Client, desired: readonly DesiredStack[], opts: ApplyOptions = {}): Promise<{ plan: Plan; result: ApplyResult }> {
  const plan = await planAgainst(client, desired);
  const result = await applyPlan(plan, () => sesGateway(client), opts);
  return { plan, result };
}

/** Operation counts the emulator served since its stats were last reset, without zeros. */
export async function served(emu: TestEmulator): Promise<Record<string, number>> {
  return (await emu.admin.stats()).operations;
}
