import * as path from 'path';
import { CreateConfigurationSetCommand, CreateEmailIdentityCommand, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { EmailIdentity } from '../../src';
import { withEmulator } from '../support/emulator';
import { runCliProcess } from '../support/cli-process';
import { APP_REGION, appArn, generatedTenant, removeDir, seedGeneratedResources, synthTenantApp, tempDir } from '../support/tenant-app';

// check-send against a real SendEmail after an apply: for every case, the CLI's verdict (from the
// code, and with --live from the account) and SES's answer agree: accepted, or the same error code.

const TENANTS = ['acme', 'globex', 'held', 'flagged', 'unverified', 'defaulted'];

interface Case {
  readonly what: string;
  readonly tenant: string;
  readonly from: string;
  readonly configurationSet?: string;
  readonly template?: string;
  /** SES's answer: 'accepted' or the error name. */
  readonly ses: string;
  /** The fix the refusal names. */
  readonly fix?: string;
  /** The code cannot know it (an SES pause, verification, an identity's default set): --live only. */
  readonly liveOnly?: boolean;
}

const CASES: Case[] = [
  { what: 'everything associated', tenant: 'acme', from: 'Acme <news@acme.example.com>', configurationSet: 'shared', template: 'welcome', ses: 'accepted' },
  { what: 'no configuration set and no default one', tenant: 'acme', from: 'news@acme.example.com', ses: 'AccessDeniedException', fix: 'send with --configuration-set' },
  { what: 'a tenant no stack declares', tenant: 'nobody', from: 'news@acme.example.com', ses: 'NotFoundException', fix: 'declare the tenant in stack rel' },
  { what: 'a tenant the code pauses', tenant: 'held', from: 'news@held.example.com', ses: 'SendingPausedException', fix: "remove sendingStatus: 'disabled' from tenant held" },
  { what: 'a tenant SES paused', tenant: 'flagged', from: 'news@flagged.example.com', ses: 'SendingPausedException', fix: 'SES paused tenant flagged (Complaint rate too high.)', liveOnly: true },
  {
    what: "another tenant's identity",
    tenant: 'acme',
    from: 'news@globex.example.com',
    ses: 'AccessDeniedException',
    fix: `add to tenant acme in stack rel (eu-central-1/123456789012): emailIdentities: [EmailIdentity.fromArn("${appArn('identity/globex.example.com')}")]`,
  },
  { what: 'a configuration set not associated', tenant: 'acme', from: 'news@acme.example.com', configurationSet: 'marketing', ses: 'AccessDeniedException', fix: 'configurationSets: [ConfigurationSet.fromArn(' },
  { what: 'a template not associated', tenant: 'globex', from: 'news@globex.example.com', template: 'promo', ses: 'AccessDeniedException', fix: 'templates: [EmailTemplate.fromArn(' },
  { what: 'an address identity that is not verified', tenant: 'unverified', from: 'me@unverified.example.com', configurationSet: 'shared', ses: 'MessageRejected', fix: 'verify the identity me@unverified.example.com', liveOnly: true },
  { what: "the identity's default configuration set, not associated", tenant: 'defaulted', from: 'news@defaulted.example.com', ses: 'AccessDeniedException', fix: 'marketing', liveOnly: true },
];

describe('ses-tenants check-send and SendEmail agree', () => {
  const emu = withEmulator({}, false);
  let dir: string;
  let app: string;
  /** The same app with one more tenant, not applied yet. */
  let next: string;
  const client = () => emu.client(APP_REGION);

  beforeAll(async () => {
    dir = tempDir('cli-check-send');
    await emu.admin.reset();
    await seedGeneratedResources(client(), [...TENANTS.filter((t) => t !== 'unverified' && t !== 'defaulted'), 'later']);
    await client().send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    await client().send(new CreateEmailIdentityCommand({ EmailIdentity: 'defaulted.example.com', ConfigurationSetName: 'marketing' }));
    await fetch(`${emu.url}/_emulator/settings`, { method: 'POST', body: JSON.stringify({ verifyIdentities: false }) });
    await client().send(new CreateEmailIdentityCommand({ EmailIdentity: 'me@unverified.example.com' }));
    await fetch(`${emu.url}/_emulator/settings`, { method: 'POST', body: JSON.stringify({ verifyIdentities: true }) });
    const identity = (name: string) => ({ emailIdentities: [EmailIdentity.fromArn(appArn(`identity/${name}`))] });
    app = synthTenantApp(path.join(dir, 'out'), [
      generatedTenant('acme'),
      generatedTenant('globex', { templates: [] }),
      generatedTenant('held', { sendingStatus: 'disabled' }),
      generatedTenant('flagged'),
      generatedTenant('unverified', identity('me@unverified.example.com')),
      generatedTenant('defaulted', identity('defaulted.example.com')),
    ]);
    next = synthTenantApp(path.join(dir, 'next'), [generatedTenant('acme'), generatedTenant('later')]);
    const applied = await runCliProcess(['apply', '--app', app, '--auto-approve', '--endpoint', emu.url]);
    expect(applied.code).toBe(0);
    await emu.admin.setAwsManagedStatus({ region: APP_REGION, tenantName: 'flagged', status: 'DISABLED', cause: 'Complaint rate too high.' });
  });
  afterAll(() => removeDir(dir));

  const sesAnswer = async (c: Case): Promise<string> => {
    try {
      await client().send(
        new SendEmailCommand({
          TenantName: c.tenant,
          FromEmailAddress: c.from,
          Destination: { ToAddresses: ['someone@example.org'] },
          ...(c.configurationSet ? { ConfigurationSetName: c.configurationSet } : {}),
          Content: c.template
            ? { Template: { TemplateName: c.template, TemplateData: '{}' } }
            : { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
        }),
      );
      return 'accepted';
    } catch (err) {
      return (err as Error).name;
    }
  };
  const checkSend = async (c: Case, live: boolean) => {
    const args = ['check-send', '--app', app, '--stack', 'rel', '--tenant', c.tenant, '--from', c.from, '--format', 'json'];
    if (c.configurationSet) args.push('--configuration-set', c.configurationSet);
    if (c.template) args.push('--template', c.template);
    if (live) args.push('--live', '--endpoint', emu.url);
    const run = await runCliProcess(args);
    expect(run.stderr).toBe('');
    return { code: run.code, verdict: JSON.parse(run.stdout) as { accepted: boolean; code?: string; fix?: string; message?: string } };
  };

  test.each(CASES)('$what: SES says $ses, and so does check-send', async (c) => {
    const ses = await sesAnswer(c);
    expect(ses).toBe(c.ses);
    for (const live of c.liveOnly ? [true] : [false, true]) {
      const { code, verdict } = await checkSend(c, live);
      expect({ live, answer: verdict.accepted ? 'accepted' : verdict.code }).toEqual({ live, answer: ses });
      expect(code).toBe(ses === 'accepted' ? 0 : 2);
      if (c.fix) expect(verdict.fix).toContain(c.fix);
    }
  });

  test('the text verdict names the missing ARNs as SES does and what to add to the code', async () => {
    const run = await runCliProcess(['check-send', '--app', app, '--stack', 'rel', '--tenant', 'acme', '--from', 'news@acme.example.com', '--configuration-set', 'marketing']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `REFUSED: AccessDeniedException: Tenant not associated with resources [${appArn('configuration-set/marketing')}].\n` +
        '  checked against the code of stack rel\n' +
        `  fix: add to tenant acme in stack rel (eu-central-1/123456789012): configurationSets: [ConfigurationSet.fromArn("${appArn('configuration-set/marketing')}")]\n` +
        "  note: from the code: identity verification and an identity's default configuration set are not checked (use --live)\n",
    );
  });

  test('a tenant the code declares but that is not deployed yet: accepted from the code (once deployed), refused live with "deploy", as SES refuses now', async () => {
    const c: Case = { what: 'not deployed', tenant: 'later', from: 'news@later.example.com', configurationSet: 'shared', template: 'welcome', ses: 'NotFoundException' };
    expect(await sesAnswer(c)).toBe('NotFoundException');
    const args = ['check-send', '--app', next, '--stack', 'rel', '--tenant', 'later', '--from', c.from, '--configuration-set', 'shared', '--template', 'welcome', '--format', 'json'];
    const fromCode = await runCliProcess(args);
    const live = await runCliProcess([...args, '--live', '--endpoint', emu.url]);
    expect(fromCode.code).toBe(0);
    expect(JSON.parse(fromCode.stdout)).toMatchObject({ accepted: true, source: 'desired' });
    expect(live.code).toBe(2);
    expect(JSON.parse(live.stdout)).toMatchObject({ accepted: false, source: 'live', code: 'NotFoundException', fix: 'deploy the stack that declares tenant later (ses-tenants apply --stack rel) before sending' });
  });
});
