import { S3Backend } from 'cdktf';
import type { App } from 'cdktf';
import { ConfigurationSet, EmailIdentity, SesTenant, TenantStack } from '../src';
import type { TenantStackProps } from '../src';

/** Account of the example stacks: the local emulator's default account. */
export const EXAMPLE_ACCOUNT = '123456789012';

/** The example app's identity: the managed-by marker of its tenants is `<owner>/<stack>`. */
export const EXAMPLE_OWNER = 'cdktf-ses-tenants-example';

/** Stack names of the example app, by role. */
export const EXAMPLE_STACKS = {
  /** Frankfurt: identities, a shared configuration set and a template created by the stack. */
  eu: 'ses-tenants-eu-central-1',
  /** N. Virginia: the same, with one tenant also declared in Frankfurt. */
  us: 'ses-tenants-us-east-1',
  /**
   * Oregon: every resource is managed elsewhere and referenced by ARN, on the `hooks` backend, so
   * the stack runs no provider at all (what a team whose policy allows no custom provider chooses).
   */
  byArn: 'ses-tenants-us-west-2',
} as const;

/** Where the example app keeps its Terraform state in CI: an S3 bucket (context or environment). */
export const STATE_BUCKET = { context: 'sesTenantsStateBucket', env: 'SES_TENANTS_STATE_BUCKET' } as const;
/** Region of that bucket (context or environment). */
export const STATE_REGION = { context: 'sesTenantsStateRegion', env: 'SES_TENANTS_STATE_REGION' } as const;

/**
 * State that survives CI: with a bucket named (context `sesTenantsStateBucket` or the environment
 * variable SES_TENANTS_STATE_BUCKET, region from `sesTenantsStateRegion` / SES_TENANTS_STATE_REGION,
 * default us-east-1), every stack keeps its state in S3 under `ses-tenants/<stack>.tfstate`, locked
 * with an S3 lock file (`use_lockfile`, Terraform ≥ 1.10). With none (the demo, the tests, a first
 * try on a laptop), the local state file `terraform.<stack>.tfstate`.
 */
export function exampleStateBackend(app: App): TenantStackProps['stateBackend'] {
  const setting = (name: { context: string; env: string }): string | undefined => (app.node.tryGetContext(name.context) as string | undefined) ?? process.env[name.env];
  const bucket = setting(STATE_BUCKET);
  if (!bucket) return undefined;
  const region = setting(STATE_REGION) ?? 'us-east-1';
  return (stack) => {
    const backend = new S3Backend(stack, { bucket, key: `ses-tenants/${stack.node.id}.tfstate`, region, encrypt: true });
    backend.addOverride('use_lockfile', true);
    return backend;
  };
}

/**
 * The example app: one TenantStack per region, a realistic mix of tenants. Frankfurt and
 * N. Virginia are on the default `provider` backend (the `sestenants` provider ships in their
 * stack directories; with native resources, `cdktf deploy --skip-provider-lock` on a fresh runner,
 * see docs/guide-cdktf.md); Oregon is on the `hooks` backend.
 */
export function buildExampleApp(app: App): TenantStack[] {
  const stateBackend = exampleStateBackend(app);
  const eu = new TenantStack(app, EXAMPLE_STACKS.eu, { owner: EXAMPLE_OWNER, region: 'eu-central-1', accountId: EXAMPLE_ACCOUNT, stateBackend });
  const transactional = eu.configurationSet('transactional');
  const marketing = eu.configurationSet('marketing');

  new SesTenant(eu, 'Acme', {
    tenantName: 'acme',
    emailIdentities: [eu.emailIdentity('acme.example', { defaultConfigurationSet: transactional })],
    configurationSets: [transactional, marketing],
    tags: { team: 'payments', 'cost-center': 'cc-1001', tier: 'gold' },
  });
  new SesTenant(eu, 'Globex', {
    tenantName: 'globex',
    emailIdentities: [eu.emailIdentity('globex.example')],
    configurationSets: [transactional],
    reputationPolicy: 'strict',
    tags: { team: 'growth', tier: 'silver' },
  });
  new SesTenant(eu, 'Initech', {
    tenantName: 'initech',
    emailIdentities: [eu.emailIdentity('initech.example')],
    configurationSets: [transactional],
    reputationPolicy: 'none',
    sendingStatus: 'disabled',
    tags: { team: 'growth', 'paused-by': 'trust-and-safety' },
  });
  new SesTenant(eu, 'Umbrella', {
    tenantName: 'umbrella',
    emailIdentities: [eu.emailIdentity('umbrella.example', { defaultConfigurationSet: marketing })],
    configurationSets: [marketing],
    templates: [
      eu.emailTemplate('umbrella-welcome', {
        subject: 'Welcome to Umbrella, {{name}}',
        html: '<h1>Welcome, {{name}}</h1>',
        text: 'Welcome, {{name}}',
      }),
    ],
    suppression: { scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] },
    tags: { team: 'partners' },
  });

  const us = new TenantStack(app, EXAMPLE_STACKS.us, { owner: EXAMPLE_OWNER, region: 'us-east-1', accountId: EXAMPLE_ACCOUNT, stateBackend });
  const usTransactional = us.configurationSet('transactional');
  new SesTenant(us, 'Acme', {
    tenantName: 'acme',
    emailIdentities: [us.emailIdentity('acme.example', { defaultConfigurationSet: usTransactional })],
    configurationSets: [usTransactional],
    tags: { team: 'payments', 'cost-center': 'cc-1001', tier: 'gold' },
  });
  new SesTenant(us, 'Hooli', {
    tenantName: 'hooli',
    emailIdentities: [us.emailIdentity('hooli.example'), us.emailIdentity('alerts@hooli.example')],
    configurationSets: [usTransactional],
    reputationPolicy: 'strict',
    tags: { team: 'platform' },
  });

  const byArn = new TenantStack(app, EXAMPLE_STACKS.byArn, { owner: EXAMPLE_OWNER, region: 'us-west-2', accountId: EXAMPLE_ACCOUNT, stateBackend, backend: 'hooks' });
  const arn = (resource: string) => `arn:aws:ses:us-west-2:${EXAMPLE_ACCOUNT}:${resource}`;
  const shared = ConfigurationSet.fromArn(arn('configuration-set/platform-shared'));
  for (const name of ['stark', 'wayne']) {
    new SesTenant(byArn, name, {
      tenantName: name,
      emailIdentities: [EmailIdentity.fromArn(arn(`identity/${name}.example`))],
      configurationSets: [shared],
      reputationPolicy: name === 'stark' ? 'standard' : 'strict',
      tags: { team: 'platform', managed: 'elsewhere' },
    });
  }
  return [eu, us, byArn];
}
