import * as fs from 'fs';
import * as path from 'path';
import { CreateConfigurationSetCommand, CreateTenantCommand, TagResourceCommand, UpdateReputationEntityPolicyCommand } from '@aws-sdk/client-sesv2';
import type { TenantStackBackend } from '../../src';
import { NODE_22_BIN, node22Leg } from '../support/node-legs';
import { runCommand } from '../support/packed-package';
import { describeWithTerraform } from '../support/terraform';
import { APP_REGION, appArn, readLiveTenants, seedGeneratedResources, tenantIds } from '../support/tenant-app';
import { CDKTF_FLAVOUR, packedCdktfProject, tenantStackAppSource, type AppTenantSource, type ProjectFlavour } from '../support/cdktf-project';

// The user's own workflow, end to end: a cdktf project on the packed package (npm pack, installed
// as the README says) whose app declares a TenantStack (resources by ARN, nothing to download),
// deployed and destroyed with `npx cdktf deploy` and `npx cdktf destroy` against SES through
// AWS_ENDPOINT_URL_SESV2 (the emulator): once on the default provider backend (the provider
// shipped in the stack directory), once on the hooks backend (the bundled hook program). Both run
// three times: on cdktf and the running node, on cdktf and Node 22, and on CDK Terrain (the README's cdktn install block,
// `npx cdktn`) with Node 22 (test/support/node-legs.ts) first on the PATH, so npx,
// cdktn-cli (which needs Node >= 22.19), the app, the provider and the hook program all run on it.

const STACK = 'mail';
const MARKER = `repo-mail/${STACK}`;
// SES operations that change something; a deploy with nothing to do makes none.
const WRITE = /^(Create|Delete|Update|Put|Tag|Untag)/;

const NODE_22 = node22Leg();
const FLAVOURS: readonly ProjectFlavour[] = [
  CDKTF_FLAVOUR,
  { installBlock: 'install', cli: 'cdktf', nodeBin: NODE_22_BIN },
  { installBlock: 'cdktn install', cli: 'cdktn', nodeBin: NODE_22_BIN },
];

/**
 * A fresh project on the packed package and an emulator of its own, seeded with the identities of
 * acme and globex, the configuration sets `shared` and `marketing`, and a tenant no stack manages
 * (`outsider`).
 */
function cdktfProject(prefix: string, flavour: ProjectFlavour) {
  return packedCdktfProject(prefix, async (client) => {
    await seedGeneratedResources(client, ['acme', 'globex']);
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    await client.send(new CreateTenantCommand({ TenantName: 'outsider' }));
  }, flavour);
}

for (const flavour of FLAVOURS) {
  // Without the flavour's node (Node 22 from its npm package) the suite is skipped; without terraform, failed in CI.
  const describeIfReady = flavour.nodeBin === undefined || NODE_22 !== undefined ? describeWithTerraform : describe.skip;
  const on = `${flavour.cli}${flavour.nodeBin ? ' on Node 22' : ''}`;
  /** Source of the project's app: tenants `name → AppTenantSource`, everything by ARN; `backend` left out means the default. */
  const appSource = (tenants: Readonly<Record<string, AppTenantSource>>, backend?: TenantStackBackend): string => tenantStackAppSource(STACK, 'repo-mail', tenants, backend, flavour.cli);

  describeIfReady(`npx ${flavour.cli} deploy / diff / destroy of a TenantStack on the default (provider) backend (${on})`, () => {
    const { ctx, cdktf } = cdktfProject(`e2e-${on.replace(/ /g, '-')}-deploy-provider`, flavour);
    const writes = async (): Promise<Record<string, number>> =>
      Object.fromEntries(Object.entries((await ctx.emu.admin.stats()).operations).filter(([op, n]) => WRITE.test(op) && Number(n) > 0)) as Record<string, number>;
    let ids: Record<string, string>;

    test('deploy creates the tenants through the provider shipped in the stack directory', async () => {
      ctx.project.writeApp(
        appSource({
          acme: { tags: { team: 'payments' }, configurationSets: ['shared'] },
          globex: { tags: { team: 'growth' }, configurationSets: ['shared'], removalPolicy: 'destroy' },
        }),
      );

      const deployed = await cdktf('deploy', STACK, '--auto-approve');

      const node = await runCommand(['node', '--version'], ctx.project.dir, ctx.env);
      expect(node.output.trim()).toMatch(flavour.nodeBin ? /^v22\./ : /^v/);
      expect(fs.existsSync(path.join(ctx.project.dir, 'node_modules', flavour.cli === 'cdktn' ? 'cdktf' : 'cdktn'))).toBe(false);
      expect(deployed.output).not.toMatch(/Error|providers lock/);
      expect(deployed.code).toBe(0);
      const json = JSON.parse(fs.readFileSync(path.join(ctx.project.dir, 'cdktf.out', 'stacks', STACK, 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(json.resource)).toEqual(['sestenants_tenant', 'terraform_data']);
      expect(fs.existsSync(path.join(ctx.project.dir, `terraform.${STACK}.tfstate`))).toBe(true);
      const live = await readLiveTenants(ctx.client);
      expect(Object.keys(live).sort()).toEqual(['acme', 'globex', 'outsider']);
      expect(live.acme.tags).toMatchObject({ team: 'payments', 'ses-tenants:managed-by': MARKER });
      expect(live.globex.tags).toMatchObject({ team: 'growth', 'ses-tenants:managed-by': MARKER, 'ses-tenants:removal-policy': 'destroy' });
      expect(live.acme.resources.map((r) => r.arn)).toEqual([appArn('configuration-set/shared'), appArn('identity/acme.example.com')]);
      ids = tenantIds(live);
    }, 600_000);

    test('a second deploy of the same code, with the --skip-provider-lock of examples/github-actions.yml, changes nothing: no SES write, the same TenantIds', async () => {
      await ctx.emu.admin.resetStats();

      const redeployed = await cdktf('deploy', STACK, '--auto-approve', '--skip-provider-lock');

      expect(redeployed.code).toBe(0);
      expect(redeployed.output).toContain('No changes.');
      expect(await writes()).toEqual({});
      expect(tenantIds(await readLiveTenants(ctx.client))).toEqual(ids);
    }, 600_000);

    test('cdktf diff shows an out-of-band tag change as one attribute of one tenant', async () => {
      await ctx.client.send(new TagResourceCommand({ ResourceArn: (await readLiveTenants(ctx.client)).acme.arn, Tags: [{ Key: 'team', Value: 'hijacked' }] }));

      const diff = await cdktf('diff', STACK);

      expect(diff.code).toBe(0);
      expect(diff.output).toMatch(/# sestenants_tenant\.ses_tenant \(ses_tenant\)\["acme"\] will be updated in-place/);
      expect(diff.output).toContain('~ "team" = "hijacked" -> "payments"');
      expect(diff.output).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
      expect(diff.output).not.toMatch(/\["globex"\] will be/);
      if (process.env.CDKTF_DEPLOY_OUT) fs.writeFileSync(`${process.env.CDKTF_DEPLOY_OUT}.diff.txt`, diff.output);
    }, 600_000);

    test('diff shows an out-of-band reputation policy change as one attribute of one tenant', async () => {
      await ctx.client.send(
        new UpdateReputationEntityPolicyCommand({
          ReputationEntityType: 'RESOURCE',
          ReputationEntityReference: (await readLiveTenants(ctx.client)).acme.arn,
          ReputationEntityPolicy: `arn:aws:ses:${APP_REGION}:aws:reputation-policy/strict`,
        }),
      );

      const diff = await cdktf('diff', STACK);

      expect(diff.code).toBe(0);
      expect(diff.output).toMatch(/# sestenants_tenant\.ses_tenant \(ses_tenant\)\["acme"\] will be updated in-place/);
      expect(diff.output).toMatch(/~ reputation_policy\s+= "strict" -> "standard"/);
      expect(diff.output).not.toMatch(/\["globex"\] will be/);
    }, 600_000);

    test('destroy honours the removal policy: retain releases acme (still in SES, same TenantId, unmarked, released-by), destroy deletes globex; the unmanaged tenant is untouched', async () => {
      const destroyed = await cdktf('destroy', STACK, '--auto-approve');

      if (process.env.CDKTF_DEPLOY_OUT) fs.writeFileSync(`${process.env.CDKTF_DEPLOY_OUT}.destroy.txt`, destroyed.output);
      expect(destroyed.code).toBe(0);
      expect(destroyed.output).toContain('Tenant acme will be released');
      expect(destroyed.output).toContain('Tenant globex will be deleted');
      const after = await readLiveTenants(ctx.client);
      expect(Object.keys(after).sort()).toEqual(['acme', 'outsider']);
      expect(after.acme.id).toBe(ids.acme);
      expect(after.acme.tags['ses-tenants:managed-by']).toBeUndefined();
      expect(after.acme.tags['ses-tenants:released-by']).toBe(MARKER);
      expect(after.acme.resources).toHaveLength(2);
      expect(after.outsider.tags).toEqual({});
    }, 600_000);
  });

  describeIfReady(`npx ${flavour.cli} deploy / destroy of a TenantStack on the hooks backend (${on})`, () => {
    const { ctx, cdktf } = cdktfProject(`e2e-${on.replace(/ /g, '-')}-deploy-hooks`, flavour);

    test('deploy creates the tenants with their tags and associations; a code change and a second deploy keep the TenantIds; destroy releases the tenants (kept in SES, unmarked) and leaves the unmanaged one alone', async () => {
      ctx.project.writeApp(
        appSource({
          acme: { tags: { team: 'payments' }, configurationSets: ['shared'] },
          globex: { tags: { team: 'growth' }, configurationSets: ['shared'] },
        }, 'hooks'),
      );

      const deployed = await cdktf('deploy', STACK, '--auto-approve');

      expect(deployed.output).not.toMatch(/Error/);
      expect(deployed.code).toBe(0);
      // The stack's local backend keeps the state in the project, next to cdktf.out.
      expect(fs.existsSync(path.join(ctx.project.dir, `terraform.${STACK}.tfstate`))).toBe(true);
      let live = await readLiveTenants(ctx.client);
      expect(Object.keys(live).sort()).toEqual(['acme', 'globex', 'outsider']);
      expect(live.acme.tags).toMatchObject({ team: 'payments', 'ses-tenants:managed-by': MARKER });
      expect(live.acme.resources.map((r) => r.arn)).toEqual([appArn('configuration-set/shared'), appArn('identity/acme.example.com')]);
      const ids = tenantIds(live);

      ctx.project.writeApp(
        appSource({
          acme: { reputationPolicy: 'strict', tags: { team: 'payments', tier: 'gold' }, configurationSets: ['shared', 'marketing'] },
          globex: { tags: { team: 'growth' }, configurationSets: ['shared'] },
        }, 'hooks'),
      );
      await ctx.emu.admin.resetStats();
      const redeployed = await cdktf('deploy', STACK, '--auto-approve');

      expect(redeployed.code).toBe(0);
      const stats = await ctx.emu.admin.stats();
      expect(stats.operations.CreateTenant ?? 0).toBe(0);
      expect(stats.operations.DeleteTenant ?? 0).toBe(0);
      expect(stats.operations.CreateTenantResourceAssociation).toBe(1);
      live = await readLiveTenants(ctx.client);
      expect(tenantIds(live)).toEqual(ids);
      expect(live.acme.reputationPolicy).toBe('strict');
      expect(live.acme.tags).toMatchObject({ team: 'payments', tier: 'gold' });
      expect(live.acme.resources.map((r) => r.name)).toEqual(['marketing', 'shared', 'acme.example.com']);

      const destroyed = await cdktf('destroy', STACK, '--auto-approve');

      expect(destroyed.code).toBe(0);
      // A destroy-time hook cannot tell a destroy from a replace: cdktf destroy releases, never deletes.
      const after = await readLiveTenants(ctx.client);
      expect(tenantIds(after)).toEqual(ids);
      expect(after.acme.tags['ses-tenants:managed-by']).toBeUndefined();
      expect(after.acme.tags['ses-tenants:released-by']).toBe(MARKER);
      expect(after.acme.resources).toHaveLength(3);
      expect(after.outsider.tags).toEqual({});
    });
  });
}
