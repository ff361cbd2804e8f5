import { CreateTenantCommand } from '@aws-sdk/client-sesv2';
import { pagesOf } from '../../bench/support/fleet';
import { describeWithTerraform } from '../../support/terraform';
import { providerWorkdir, type ProviderWorkdir } from '../support/provider-workdir';

// The bulk read at plan (issue 18): planning creates learns whether each name is taken from ONE
// listing of the region's tenant names per provider process, shared by every instance; a name
// that exists costs one GetTenant, a name that does not costs nothing more.

const CREATES = 1000;
const OTHERS = 250;

describeWithTerraform(`the SES calls of planning ${CREATES} creates`, () => {
  let w: ProviderWorkdir;
  beforeAll(async () => {
    w = await providerWorkdir('sestenants-plan-calls');
    for (let i = 0; i < OTHERS; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, OTHERS - i) }, (_, k) => w.client.send(new CreateTenantCommand({ TenantName: `other-${String(i + k).padStart(4, '0')}` }))),
      );
    }
    const blocks = Array.from({ length: CREATES }, (_, i) => `resource "sestenants_tenant" "t${i}" {\n  name = "new-${String(i).padStart(4, '0')}"\n}`);
    w.write(blocks.join('\n'));
    w.tf(['init']);
  }, 300_000);
  afterAll(() => w.close());

  test(`${CREATES} creates among ${OTHERS} other tenants: the list pages of names and nothing else (1.00x the pages)`, async () => {
    await w.emu.admin.resetStats();
    const plan = w.tf(['plan']);
    expect(plan.stdout).toContain(`Plan: ${CREATES} to add, 0 to change, 0 to destroy.`);
    const stats = await w.emu.admin.stats();
    expect(stats.operations).toEqual({ ListTenants: pagesOf(OTHERS) });
    expect(stats.total).toBe(pagesOf(OTHERS));
  }, 300_000);
});
