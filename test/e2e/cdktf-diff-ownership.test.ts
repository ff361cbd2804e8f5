import * as fs from 'fs';
import { CreateTenantCommand } from '@aws-sdk/client-sesv2';
import { packedCdktfProject, tenantStackAppSource, type AppTenantSource } from '../support/cdktf-project';
import { describeWithTerraform } from '../support/terraform';
import { readLiveTenants, seedGeneratedResources } from '../support/tenant-app';

// Plan-time truth through the constructs' door (issue 18 item 4): `cdktf diff` of a stack that
// would take another app's tenant fails at the diff, with the fix named as a SesTenant prop; with
// adopt: true the diff says the tenant will be adopted, with the TenantId it keeps, and the
// deploy adopts it. CDKTF_DIFF_OUT=<prefix> writes the outputs to <prefix>.refused.txt and .adopt.txt
// (docs/cdktf-diff.md "Another app's tenant" quotes them).

const STACK = 'mail';
const WRITE = /^(Create|Delete|Update|Put|Tag|Untag)/;
const MAIL: AppTenantSource = { configurationSets: ['shared'], tags: { team: 'mail' } };
const oneLine = (text: string) => text.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');

describeWithTerraform('cdktf diff refuses another app\'s tenant in the constructs\' language, and shows an adoption', () => {
  const { ctx, cdktf } = packedCdktfProject('e2e-cdktf-diff-ownership', async (client) => {
    await seedGeneratedResources(client, ['ours', 'theirs']);
    await client.send(new CreateTenantCommand({ TenantName: 'theirs', Tags: [{ Key: 'ses-tenants:managed-by', Value: 'billing-app/prod' }, { Key: 'team', Value: 'billing' }] }));
  });
  const dump = (name: string, output: string): void => {
    if (process.env.CDKTF_DIFF_OUT) fs.writeFileSync(`${process.env.CDKTF_DIFF_OUT}.${name}.txt`, output);
  };
  const writes = async (): Promise<string[]> => Object.keys((await ctx.emu.admin.stats()).operations).filter((op) => WRITE.test(op));

  test('the diff of a stack declaring another app\'s tenant fails, naming the owner, the TenantId and adopt: true on SesTenant; nothing is written', async () => {
    const theirs = (await readLiveTenants(ctx.client)).theirs;
    ctx.project.writeApp(tenantStackAppSource(STACK, 'repo-mail', { ours: MAIL, theirs: MAIL }));
    await ctx.emu.admin.resetStats();
    const diff = await cdktf('diff', STACK);
    dump('refused', diff.output);
    expect(diff.code).not.toBe(0);
    const said = oneLine(diff.output);
    expect(said).toContain('Error: Tenant theirs is not this configuration\'s');
    expect(said).toContain(
      `Tenant theirs (${theirs.id}) exists and is managed by app billing-app stack prod; repo-mail/mail does not take it over unless you set adopt: true on its SesTenant (or in the addTenant props). Nothing was changed.`,
    );
    expect(said).not.toContain('adopt = true');
    expect(await writes()).toEqual([]);
  }, 900_000);

  test('with adopt: true the diff says it will be adopted with its TenantId, and the deploy adopts it', async () => {
    const theirs = (await readLiveTenants(ctx.client)).theirs;
    ctx.project.writeApp(tenantStackAppSource(STACK, 'repo-mail', { ours: MAIL, theirs: { ...MAIL, adopt: true } }));
    await ctx.emu.admin.resetStats();
    const diff = await cdktf('diff', STACK);
    dump('adopt', diff.output);
    expect(diff.code).toBe(0);
    const said = oneLine(diff.output);
    expect(said).toContain('Warning: Tenant theirs will be adopted');
    expect(said).toContain(`Tenant theirs (TenantId ${theirs.id}) exists and is managed by app billing-app stack prod; adopt is set, so the apply marks it repo-mail/mail`);
    expect(said).toContain(`tenant_id = "${theirs.id}"`);
    expect(await writes()).toEqual([]);

    const deployed = await cdktf('deploy', STACK, '--auto-approve');
    expect(deployed.code).toBe(0);
    const after = (await readLiveTenants(ctx.client)).theirs;
    expect(after.id).toBe(theirs.id);
    expect(after.tags).toMatchObject({ team: 'mail', 'ses-tenants:managed-by': 'repo-mail/mail' });
  }, 900_000);
});
