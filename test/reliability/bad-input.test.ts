import * as fs from 'fs';
import { App } from 'cdktf';
import { ConfigurationSet, EmailIdentity, SesTenant, TenantStack } from '../../src';
import type { SesTenantProps } from '../../src';
import type { TenantSpec } from '../../src/tenant-spec';
import { withEmulator } from '../support/emulator';
import { runCliProcess } from '../support/cli-process';
import { APP_ACCOUNT, APP_OWNER, APP_REGION, appArn, removeDir, stackJsonPath, synthTenantApp, tempDir } from '../support/tenant-app';

// A corpus of hostile and malformed tenant declarations. Each is rejected with a message naming the
// tenant and the field: at synth when declared through SesTenant/TenantStack, and at plan time, before
// any SES request, when it was written into a synthesized cdk.tf.json by hand.

const LONG_KEY = 'k'.repeat(129);
const FIFTY_ONE_TAGS = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'v']));

interface BadInput {
  /** What is wrong. */
  readonly what: string;
  /** Tenant name. */
  readonly name: string;
  /** Props beyond a valid sending tenant's. */
  readonly over?: Partial<SesTenantProps>;
  /** The identity ARN it sends from. */
  readonly identityArn?: string;
  /** Field the message names. */
  readonly field: string;
  /** The rule the message states. */
  readonly rule: string;
}

const CORPUS: readonly BadInput[] = [
  { what: 'an empty name', name: '', field: 'name', rule: 'must be 1-64 characters' },
  { what: 'a 65-character name', name: 'n'.repeat(65), field: 'name', rule: 'must be 1-64 characters' },
  { what: 'a unicode name', name: 'tënant', field: 'name', rule: 'must be 1-64 characters' },
  { what: 'a name with spaces', name: 'acme corp', field: 'name', rule: 'must be 1-64 characters' },
  { what: 'a path in the name', name: '../etc', field: 'name', rule: 'must be 1-64 characters' },
  { what: 'shell metacharacters in the name', name: 'x;touch pwned', field: 'name', rule: 'must be 1-64 characters' },
  { what: 'a command substitution in the name', name: '$(touch pwned)', field: 'name', rule: 'must be 1-64 characters' },
  { what: 'a 129-character tag key', name: 'long-key', over: { tags: { [LONG_KEY]: 'v' } }, field: `tags["${LONG_KEY}"]`, rule: 'tag keys must have at most 128 characters' },
  { what: 'a 257-character tag value', name: 'long-value', over: { tags: { team: 'v'.repeat(257) } }, field: 'tags["team"]', rule: 'tag values must have at most 256 characters' },
  { what: 'an aws: tag key', name: 'aws-key', over: { tags: { 'aws:cost': 'x' } }, field: 'tags["aws:cost"]', rule: 'tag keys must not start with "aws:"' },
  { what: 'a reserved ses-tenants: tag key', name: 'reserved-key', over: { tags: { 'ses-tenants:managed-by': 'me' } }, field: 'tags["ses-tenants:managed-by"]', rule: 'must not start with "ses-tenants:"' },
  { what: '51 tags', name: 'many-tags', over: { tags: FIFTY_ONE_TAGS }, field: 'tags', rule: 'at most 47 tags' },
  { what: 'an unknown policy', name: 'lenient', over: { reputationPolicy: 'lenient' as never }, field: 'reputationPolicy', rule: 'must be one of "standard", "strict", "none"' },
  { what: 'an ARN of another region', name: 'other-region', identityArn: appArn('identity/a.example.com', 'us-east-1'), field: 'resources[0].arn', rule: 'is in region us-east-1, the stack is in eu-central-1' },
  { what: 'an ARN of another account', name: 'other-account', identityArn: appArn('identity/a.example.com', APP_REGION, '210987654321'), field: 'resources[0].arn', rule: 'is in account 210987654321, the stack is in 123456789012' },
  { what: 'an ARN of another service', name: 'other-service', identityArn: `arn:aws:sns:${APP_REGION}:${APP_ACCOUNT}:identity/topic`, field: 'resources[0].arn', rule: 'is not an SES ARN (service "sns")' },
  { what: 'an ARN of another resource type', name: 'other-type', identityArn: appArn('dedicated-ip-pool/pool'), field: 'resources[0].arn', rule: 'has resource type "dedicated-ip-pool"' },
];

function props(input: BadInput): SesTenantProps {
  return {
    tenantName: input.name,
    emailIdentities: [EmailIdentity.fromArn(input.identityArn ?? appArn(`identity/${input.name || 'x'}.example.com`))],
    configurationSets: [ConfigurationSet.fromArn(appArn('configuration-set/shared'))],
    ...input.over,
  };
}

/** The message must name the tenant, the field and the rule on one line. */
function expectNamed(message: string, input: BadInput): void {
  const line = message.split('\n').find((l) => l.includes(`tenant ${JSON.stringify(input.name)}: ${input.field}:`));
  expect({ what: input.what, line }).toEqual({ what: input.what, line: expect.stringContaining(input.rule) });
}

describe('hostile and malformed tenants are rejected at synth', () => {
  test.each(CORPUS)('given $what, SesTenant or the stack synth throws naming tenant and field', (input) => {
    const dir = tempDir('rel-bad-synth');
    try {
      let message = '';
      try {
        const app = new App({ outdir: dir });
        const stack = new TenantStack(app, 'rel', { owner: APP_OWNER, region: APP_REGION, accountId: APP_ACCOUNT });
        new SesTenant(stack, 'bad', props(input));
        app.synth();
      } catch (err) {
        message = (err as Error).message;
      }
      expectNamed(message, input);
      expect(fs.existsSync(stackJsonPath(dir))).toBe(false);
    } finally {
      removeDir(dir);
    }
  });
});

describe('hostile and malformed tenants written into cdk.tf.json are rejected by plan before any SES request', () => {
  const emu = withEmulator();

  test(`given ${CORPUS.length} bad tenants in a hand-edited stack, plan exits 1, names each tenant and field, and SES saw no request`, async () => {
    const dir = tempDir('rel-bad-plan');
    try {
      synthTenantApp(dir, [props({ what: 'valid', name: 'good', field: '', rule: '' })]);
      const file = stackJsonPath(dir);
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      const good: TenantSpec = json.locals.ses_tenants.good;
      for (const input of CORPUS) {
        const identity = input.identityArn ?? appArn(`identity/${input.name || 'x'}.example.com`);
        json.locals.ses_tenants[input.name] = {
          ...good,
          name: input.name,
          resources: [{ type: 'identity', name: identity.split('/').pop(), arn: identity }, good.resources.find((r) => r.type === 'configuration-set')],
          ...(input.over?.tags ? { tags: input.over.tags } : {}),
          ...(input.over?.reputationPolicy ? { reputationPolicy: input.over.reputationPolicy } : {}),
        };
      }
      fs.writeFileSync(file, JSON.stringify(json));

      const plan = await runCliProcess(['plan', '--app', dir, '--endpoint', emu.url]);

      expect(plan.code).toBe(1);
      expect(plan.stdout).toBe('');
      // The synthesized spec is canonical: the configuration set sorts before the identity.
      for (const input of CORPUS) expectNamed(plan.stderr, { ...input, field: input.field.replace('resources[0]', 'resources[1]') });
      expect((await emu.admin.stats()).total).toBe(0);
    } finally {
      removeDir(dir);
    }
  });
});
