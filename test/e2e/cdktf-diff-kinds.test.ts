import * as fs from 'fs';
import { CreateConfigurationSetCommand, DeleteTenantCommand, DeleteTenantResourceAssociationCommand, TagResourceCommand } from '@aws-sdk/client-sesv2';
import { sesGateway } from '../../src/aws/ses-gateway';
import { reputationPolicyArn } from '../../src';
import type { CommandResult } from '../support/packed-package';
import { packedCdktfProject, tenantStackAppSource, type AppTenantSource } from '../support/cdktf-project';
import { describeWithTerraform } from '../support/terraform';
import { APP_REGION, appArn, readLiveTenants, seedGeneratedResources, tenantIds } from '../support/tenant-app';

// What a reviewer sees in `npx cdktf diff` for each kind of change: one stack of 15 tenants,
// deployed once from the packed package against the emulator; then one change per tenant, made at
// the same time, in the code and out of band (through the SDK, or by SES itself), one `cdktf diff`
// that shows each, a deploy, and a second diff with nothing left but the SES pause warning.
// CDKTF_DIFF_OUT=<prefix> writes the raw outputs to <prefix>.diff.txt, .deploy.txt, .rediff.txt.

const STACK = 'mail';
const MARKER = `repo-mail/${STACK}`;
// SES operations that change something.
const WRITE = /^(Create|Delete|Update|Put|Tag|Untag)/;
const MAIL: AppTenantSource = { configurationSets: ['shared'], tags: { team: 'mail' } };

/** The code as first deployed: one tenant per kind of change, and `steady`, which nothing changes. */
const BEFORE: Record<string, AppTenantSource> = {
  steady: MAIL,
  policy: MAIL,
  tag: MAIL,
  'assoc-add': MAIL,
  'assoc-rm': { ...MAIL, configurationSets: ['shared', 'marketing'] },
  paused: MAIL,
  suppressed: MAIL,
  retired: MAIL,
  deleted: { ...MAIL, removalPolicy: 'destroy' },
  renamed: MAIL,
  'oob-tag': MAIL,
  'oob-assoc': { ...MAIL, configurationSets: ['shared', 'marketing'] },
  'oob-policy': MAIL,
  'oob-deleted': MAIL,
  'ses-paused': MAIL,
};

/** The code after the changes: `retired` and `deleted` removed, `renamed` is `renamed-2`, `fresh` is new. */
const AFTER: Record<string, AppTenantSource> = {
  ...Object.fromEntries(Object.entries(BEFORE).filter(([name]) => !['retired', 'deleted', 'renamed'].includes(name))),
  policy: { ...MAIL, reputationPolicy: 'strict' },
  tag: { ...MAIL, tags: { team: 'billing', tier: 'gold' } },
  'assoc-add': { ...MAIL, configurationSets: ['shared', 'marketing'] },
  'assoc-rm': MAIL,
  paused: { ...MAIL, sendingStatus: 'disabled' },
  suppressed: { ...MAIL, suppression: { scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] } },
  'renamed-2': MAIL,
  fresh: MAIL,
};

const SHARED = appArn('configuration-set/shared');
const MARKETING = appArn('configuration-set/marketing');
const HEADER = /^ {2}# sestenants_tenant\.ses_tenant \(ses_tenant\)\["([^"]+)"\] will be /;

/** One warning box of Terraform's output: its summary, the tenant it is `with`, its text as one line, and how many similar ones it stands for. */
interface PlanWarning {
  readonly summary: string;
  readonly tenant: string;
  readonly detail: string;
  readonly folded: number;
}

/** What a reviewer reads in the output of `cdktf diff` (or deploy). */
interface PlanView {
  /** Every line, cdktf's `<stack>  ` prefix (and its blank continuation) removed. */
  readonly text: string;
  /** Each instance's block, its `# ... will be ...` header to the closing brace, by tenant name. */
  readonly blocks: Record<string, string>;
  /** The warning boxes, in the order printed. */
  readonly warnings: PlanWarning[];
  /** The `Plan: ...` line. */
  readonly summary: string | undefined;
}

const FOLDED = /^\(and (one|\d+) more similar warnings? elsewhere\)$/;

function planOf(output: string): PlanView {
  const prefix = new RegExp(`^(?:${STACK}| {${STACK.length}}) {2}`);
  const lines = output.split('\n').map((line) => line.replace(prefix, '').trimEnd());
  const blocks: Record<string, string> = {};
  const warnings: PlanWarning[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = HEADER.exec(lines[i]);
    if (header) {
      let end = i + 1;
      while (end < lines.length && lines[end] !== '    }') end++;
      blocks[header[1]] = lines.slice(i, end + 1).join('\n');
    }
    if (lines[i] !== '╷') continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '╵') end++;
    const box = lines.slice(i + 1, end).map((line) => line.replace(/^│ ?/, ''));
    // Summary, blank, `with ...`, `on ...`, the source line, blank, then the detail (and the folded note).
    const tail = box.slice(6).filter((line) => line !== '');
    const folded = FOLDED.exec(tail[tail.length - 1] ?? '');
    warnings.push({
      summary: box[0].replace(/^Warning: /, ''),
      tenant: /\["([^"]+)"\]/.exec(box[2])?.[1] ?? '?',
      detail: (folded ? tail.slice(0, -1) : tail).join(' '),
      folded: folded ? (folded[1] === 'one' ? 1 : Number(folded[1])) : 0,
    });
    i = end;
  }
  const text = lines.join('\n');
  return { text, blocks, warnings, summary: /^Plan: .*$/m.exec(text)?.[0] };
}

const UPDATE = (name: string) => [`  # sestenants_tenant.ses_tenant (ses_tenant)["${name}"] will be updated in-place`, `  ~ resource "sestenants_tenant" "ses_tenant" {`, `        name                     = "${name}"`];
const TAGS_MAIL = ['        tags                     = {', '            "team" = "mail"', '        }'];
const HIDDEN = (n: number) => [`        # (${n} unchanged attributes hidden)`];
const END = ['    }'];

/** The whole block `cdktf diff` prints for each in-place update, line for line (Terraform always shows `name` and `tags` as context). */
const IN_PLACE: Record<string, string[]> = {
  policy: [...UPDATE('policy'), '      ~ reputation_policy        = "standard" -> "strict"', ...TAGS_MAIL, ...HIDDEN(9), ...END],
  tag: [...UPDATE('tag'), '      ~ tags                     = {', '          ~ "team" = "mail" -> "billing"', '          + "tier" = "gold"', '        }', ...HIDDEN(10), ...END],
  'assoc-add': [...UPDATE('assoc-add'), '      ~ resource_associations    = [', `          + "${MARKETING}",`, '            # (2 unchanged elements hidden)', '        ]', ...TAGS_MAIL, ...HIDDEN(9), ...END],
  'assoc-rm': [...UPDATE('assoc-rm'), '      ~ resource_associations    = [', `          - "${MARKETING}",`, '            # (2 unchanged elements hidden)', '        ]', ...TAGS_MAIL, ...HIDDEN(9), ...END],
  paused: [...UPDATE('paused'), '      ~ sending_status           = "enabled" -> "disabled"', '      ~ sending_status_aggregate = "ENABLED" -> "DISABLED"', ...TAGS_MAIL, ...HIDDEN(8), ...END],
  suppressed: [
    ...UPDATE('suppressed'), ...TAGS_MAIL, ...HIDDEN(10), '',
    '      + suppression {', '          + reasons = [', '              + "BOUNCE",', '              + "COMPLAINT",', '            ]', '          + scope   = "TENANT"', '        }', ...END,
  ],
  'oob-tag': [...UPDATE('oob-tag'), '      ~ tags                     = {', '          ~ "team" = "hijacked" -> "mail"', '        }', ...HIDDEN(10), ...END],
  'oob-assoc': [...UPDATE('oob-assoc'), '      ~ resource_associations    = [', `          + "${MARKETING}",`, '            # (2 unchanged elements hidden)', '        ]', ...TAGS_MAIL, ...HIDDEN(9), ...END],
  'oob-policy': [...UPDATE('oob-policy'), '      ~ reputation_policy        = "none" -> "standard"', ...TAGS_MAIL, ...HIDDEN(9), ...END],
};

describeWithTerraform('what npx cdktf diff shows for each kind of change, on the default (provider) backend', () => {
  const names = [...new Set([...Object.keys(BEFORE), ...Object.keys(AFTER)])];
  const { ctx, cdktf } = packedCdktfProject('e2e-cdktf-diff-kinds', async (client) => {
    await seedGeneratedResources(client, names);
    await client.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
  });
  const dump = (name: string, output: string): void => {
    if (process.env.CDKTF_DIFF_OUT) fs.writeFileSync(`${process.env.CDKTF_DIFF_OUT}.${name}.txt`, output);
  };
  const writes = async (): Promise<Record<string, number>> =>
    Object.fromEntries(Object.entries((await ctx.emu.admin.stats()).operations).filter(([op, n]) => WRITE.test(op) && Number(n) > 0)) as Record<string, number>;
  let ids: Record<string, string>;
  let plan: PlanView;

  beforeAll(async () => {
    ctx.project.writeApp(tenantStackAppSource(STACK, 'repo-mail', BEFORE));
    const deployed = await cdktf('deploy', STACK, '--auto-approve');
    if (deployed.code !== 0) throw new Error(`first deploy failed:\n${deployed.output}`);
    const live = await readLiveTenants(ctx.client);
    ids = tenantIds(live);

    // Out of band, through the SDK and by SES itself.
    const ses = sesGateway(ctx.client);
    await ctx.client.send(new TagResourceCommand({ ResourceArn: live['oob-tag'].arn, Tags: [{ Key: 'team', Value: 'hijacked' }] }));
    await ctx.client.send(new DeleteTenantResourceAssociationCommand({ TenantName: 'oob-assoc', ResourceArn: MARKETING }));
    await ses.putReputationPolicy(live['oob-policy'].arn, reputationPolicyArn({ partition: 'aws', region: APP_REGION }, 'none'));
    await ctx.client.send(new DeleteTenantCommand({ TenantName: 'oob-deleted' }));
    await ctx.emu.admin.setAwsManagedStatus({ region: APP_REGION, tenantName: 'ses-paused', status: 'DISABLED' });
    // In the code.
    ctx.project.writeApp(tenantStackAppSource(STACK, 'repo-mail', AFTER));

    const diff = await cdktf('diff', STACK);
    dump('diff', diff.output);
    if (diff.code !== 0) throw new Error(`cdktf diff failed:\n${diff.output}`);
    plan = planOf(diff.output);
  }, 900_000);

  test('the plan counts every kind once: 3 to add (new, rename, deleted out of band), 9 to change, 3 to destroy (released, deleted, renamed away); the unchanged and the SES-paused tenants have no block', () => {
    expect(plan.summary).toBe('Plan: 3 to add, 9 to change, 3 to destroy.');
    expect(Object.keys(plan.blocks).sort()).toEqual(names.filter((n) => !['steady', 'ses-paused'].includes(n)).sort());
  });

  test('an in-place update, in the code or out of band, shows the changed attribute (set elements, map keys, nested block) and Terraform\'s context lines, nothing else', () => {
    for (const [name, block] of Object.entries(IN_PLACE)) expect([name, plan.blocks[name]]).toEqual([name, block.join('\n')]);
  });

  test('a new tenant, the new name of a rename and a tenant deleted out of band are plain creates, alike but for the name', () => {
    const create = (name: string) => plan.blocks[name].replaceAll(`"${name}"`, '"NAME"').replaceAll(`${name}.example.com`, 'NAME.example.com');
    expect(plan.blocks.fresh).toContain('# sestenants_tenant.ses_tenant (ses_tenant)["fresh"] will be created');
    expect(plan.blocks.fresh).toContain('+ tenant_id                = (known after apply)');
    expect(plan.blocks.fresh).toMatch(/\+ removal_policy +?= "retain"/);
    expect(create('renamed-2')).toBe(create('fresh'));
    expect(create('oob-deleted')).toBe(create('fresh'));
  });

  test('a tenant deleted out of band is named by a warning: deleted outside Terraform, with its old TenantId, and the create gives a new one', () => {
    expect(plan.warnings.filter((w) => w.tenant === 'oob-deleted')).toEqual([
      {
        summary: 'Tenant oob-deleted was deleted outside Terraform',
        tenant: 'oob-deleted',
        detail:
          `Tenant oob-deleted (TenantId ${ids['oob-deleted']}) is in Terraform's state but not in SES: it was deleted outside Terraform. ` +
          'Applying creates it again with a NEW TenantId; the old TenantId and its reputation history are gone.',
        folded: 0,
      },
    ]);
  });

  test('a removal is a destroy "because key is not in for_each map" listing every attribute, and a warning per tenant says release or delete with the TenantId', () => {
    for (const name of ['retired', 'deleted', 'renamed']) {
      expect(plan.blocks[name]).toContain(`# sestenants_tenant.ses_tenant (ses_tenant)["${name}"] will be destroyed\n  # (because key ["${name}"] is not in for_each map)`);
      expect(plan.blocks[name]).toContain(`- tenant_id                = "${ids[name]}" -> null`);
    }
    expect(plan.blocks.deleted).toMatch(/- removal_policy +?= "destroy" -> null/);
    expect(plan.blocks.retired).toMatch(/- removal_policy +?= "retain" -> null/);
    expect(plan.warnings.filter((w) => w.summary.endsWith(' will be deleted'))).toEqual([
      {
        summary: 'Tenant deleted will be deleted',
        tenant: 'deleted',
        detail: `Destroying this resource deletes tenant deleted (TenantId ${ids.deleted}) and its resource associations (removal_policy "destroy"); the TenantId is gone for good.`,
        folded: 0,
      },
    ]);
    // The tenant's name is in the summary, so Terraform does not fold the two releases into one.
    const released = plan.warnings.filter((w) => w.summary.endsWith(' will be released'));
    expect(released.map((w) => w.tenant).sort()).toEqual(['renamed', 'retired']);
    for (const w of released) {
      expect(w).toEqual({
        summary: `Tenant ${w.tenant} will be released`,
        tenant: w.tenant,
        detail: `Destroying this resource releases tenant ${w.tenant} (TenantId ${ids[w.tenant]}) (removal_policy "retain"): it stays in SES with its TenantId, associations and reputation history, no longer managed here.`,
        folded: 0,
      });
    }
  });

  test('a pause by SES is a warning only, with the TenantId', () => {
    expect(plan.warnings.filter((w) => w.tenant === 'ses-paused')).toEqual([
      {
        summary: 'Tenant ses-paused paused by SES',
        tenant: 'ses-paused',
        detail:
          `SES paused sending for tenant ses-paused (TenantId ${ids['ses-paused']}): sending_status_aggregate is DISABLED whatever sending_status says, and reputation_impact is NONE. ` +
          "Terraform cannot lift an AWS-managed pause; see the tenant's reputation findings in SES.",
        folded: 0,
      },
    ]);
    expect(plan.warnings).toHaveLength(5);
  });

  describe('after npx cdktf deploy', () => {
    let rediff: PlanView;
    let deployed: CommandResult;
    let deployOps: Record<string, number>;
    let rediffOps: Record<string, number>;
    beforeAll(async () => {
      await ctx.emu.admin.resetStats();
      deployed = await cdktf('deploy', STACK, '--auto-approve');
      dump('deploy', deployed.output);
      deployOps = await writes();
      if (deployed.code !== 0) throw new Error(`deploy failed:\n${deployed.output}`);
      await ctx.emu.admin.resetStats();
      const again = await cdktf('diff', STACK);
      dump('rediff', again.output);
      rediffOps = await writes();
      rediff = planOf(again.output);
    }, 900_000);

    test('the deploy applies the plan: 3 tenants created, 1 deleted, the rest updated in place (no create or delete for them)', () => {
      expect(planOf(deployed.output).text).toContain('Apply complete! Resources: 3 added, 9 changed, 3 destroyed.');
      expect(deployOps.CreateTenant).toBe(3);
      expect(deployOps.DeleteTenant).toBe(1);
    });

    test('a second cdktf diff shows no changes, only the SES pause warning, which stays', () => {
      expect(rediff.text).toContain('No changes. Your infrastructure matches the configuration.');
      expect(rediff.blocks).toEqual({});
      expect(rediffOps).toEqual({});
      expect(rediff.warnings.map((w) => [w.summary, w.tenant])).toEqual([['Tenant ses-paused paused by SES', 'ses-paused']]);
    });

    test('SES has the code: in-place updates kept their TenantIds, removals released or deleted, a rename has a new TenantId', async () => {
      const live = await readLiveTenants(ctx.client);
      for (const name of ['steady', 'policy', 'tag', 'assoc-add', 'assoc-rm', 'paused', 'suppressed', 'oob-tag', 'oob-assoc', 'oob-policy', 'ses-paused']) {
        expect([name, live[name]?.id]).toEqual([name, ids[name]]);
        expect(live[name].tags['ses-tenants:managed-by']).toBe(MARKER);
      }
      expect(live.policy.reputationPolicy).toBe('strict');
      expect(live.tag.tags).toMatchObject({ team: 'billing', tier: 'gold' });
      expect(live['assoc-add'].resources.map((r) => r.arn)).toEqual([MARKETING, SHARED, appArn('identity/assoc-add.example.com')]);
      expect(live['assoc-rm'].resources.map((r) => r.arn)).toEqual([SHARED, appArn('identity/assoc-rm.example.com')]);
      expect(live.paused.customerStatus).toBe('DISABLED');
      expect(live.suppressed.suppression).toEqual({ scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] });
      expect(live['oob-tag'].tags.team).toBe('mail');
      expect(live['oob-assoc'].resources.map((r) => r.arn)).toContain(MARKETING);
      expect(live['oob-policy'].reputationPolicy).toBe('standard');
      expect(live['ses-paused'].sendingStatusAggregate).toBe('DISABLED');
      // Removed with retain, and the old name of a rename: released, same TenantId, unmarked.
      for (const name of ['retired', 'renamed']) {
        expect(live[name].id).toBe(ids[name]);
        expect(live[name].tags['ses-tenants:managed-by']).toBeUndefined();
        expect(live[name].tags['ses-tenants:released-by']).toBe(MARKER);
      }
      expect(live.deleted).toBeUndefined();
      expect(live['renamed-2'].id).not.toBe(ids.renamed);
      expect(live['oob-deleted'].id).not.toBe(ids['oob-deleted']);
      expect(live.fresh.tags['ses-tenants:managed-by']).toBe(MARKER);
    });
  });
});
