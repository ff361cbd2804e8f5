import { DEFAULT_TENANT_QUOTA } from '../../tenant-spec';
import { cty } from '../protocol/cty-type';
import type { TfObject } from '../protocol/value';
import { BlockSchema } from '../framework/schema';
import { Diagnostics, ProviderError } from '../framework/diagnostics';
import { parseArn, stackTargetSchema, type FrontDoor } from '../../tenant-spec';
import { zodProblems } from './zod-attribute';
import { Declarations } from './declarations';
import { callerAccount, providerGateway } from './provider-gateway';
import { ReadCache } from './read-cache';
import type { TenantsTarget } from './tenants-target';
import { providerPlace } from './provider-place';

/** Values of `declared_by`: where the configuration comes from, so fixes are named in its language. */
const DECLARED_BY: Record<string, FrontDoor> = { hcl: 'hcl', cdktf: 'constructs' };

/** The `provider "sestenants"` block, named as hashicorp/aws names the same settings. */
export const PROVIDER_SCHEMA: BlockSchema = {
  description: 'Amazon SES v2 tenants, planned and applied by the cdktf-ses-tenants engine.',
  attributes: {
    region: { type: cty.string, optional: true, description: 'AWS region of the tenants. Default: AWS_REGION, then AWS_DEFAULT_REGION.' },
    profile: { type: cty.string, optional: true, description: 'Shared-config profile of the credentials. Default: the standard credential chain.' },
    account_id: {
      type: cty.string,
      optional: true,
      description: 'Account of the tenants (the account segment of their ARNs). Default: the account of assume_role.role_arn.',
      validate: (v) => (/^\d{12}$/.test(String(v)) ? [] : [`must be a 12-digit AWS account ID, got ${JSON.stringify(v)}`]),
    },
    owner: {
      type: cty.string,
      required: true,
      description:
        'The app that owns these tenants (a name unique to your organization, such as the repository): the owner part of the ses-tenants:managed-by marker (<owner>/<stack>). ' +
        'A tenant marked by another owner or stack, or by none, is refused at plan unless adopt is set. No default: two configurations sharing one would take over and delete each other\'s tenants.',
      validate: (v) => zodProblems(stackTargetSchema.shape.owner, v),
    },
    stack: {
      type: cty.string,
      required: true,
      description:
        'The stack part of the ses-tenants:managed-by marker: names this configuration among the owner\'s (such as ses-eu, or the workspace). ' +
        'No default: the provider cannot see the backend key or workspace, and two configurations of one owner with the same stack share their tenants.',
      validate: (v) => zodProblems(stackTargetSchema.shape.stack, v),
    },
    declared_by: {
      type: cty.string,
      optional: true,
      description:
        'Where the configuration is written, so that refusals name the fix in its language: "hcl" (adopt = true on sestenants_tenant) or "cdktf" (adopt: true on SesTenant; TenantStack sets it). Default: "hcl".',
      validate: (v) => (typeof v !== 'string' || v in DECLARED_BY ? [] : [`must be "hcl" or "cdktf", got ${JSON.stringify(v)}`]),
    },
    tenant_quota: {
      type: cty.number,
      optional: true,
      description: `Tenants allowed in the region and account (the SES quota; raise it through Service Quotas first): a configuration that declares more is refused at plan. Default: ${DEFAULT_TENANT_QUOTA}.`,
      validate: (v) => (Number.isInteger(v) && Number(v) > 0 ? [] : [`must be a positive whole number, got ${JSON.stringify(v)}`]),
    },
    allowed_account_ids: { type: cty.set(cty.string), optional: true, description: 'Accounts the provider may change; any other is refused before any write.' },
    max_rps: {
      type: cty.number,
      optional: true,
      description: 'Most SES requests per second (client-side pacing, retries included), as the CLI has. Default: no pacing.',
      validate: (v) => (Number(v) > 0 ? [] : [`must be a positive number, got ${JSON.stringify(v)}`]),
    },
  },
  blocks: {
    assume_role: {
      nesting: 'single',
      block: { attributes: { role_arn: { type: cty.string, required: true, description: 'Role to assume with STS.' } } },
    },
    endpoints: {
      nesting: 'single',
      block: { attributes: { sesv2: { type: cty.string, optional: true, description: 'SES v2 endpoint URL. Default: AWS_ENDPOINT_URL_SESV2, then AWS.' } } },
    },
  },
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Checks the provider settings that need no AWS call. */
export function validateProviderConfig(config: TfObject, diagnostics: Diagnostics): void {
  const role = config.assume_role as TfObject | null;
  const arn = text(role?.role_arn);
  const region = text(config.region) ?? text(process.env.AWS_REGION) ?? text(process.env.AWS_DEFAULT_REGION);
  providerPlace.learn({ region, partition: region && partitionOf(region), account: text(config.account_id) ?? (arn ? parseArn(arn)?.account : undefined) });
  if (typeof config.tenant_quota === 'number') providerPlace.learnQuota(config.tenant_quota);
  if (arn && !/^arn:[a-z-]+:iam::\d{12}:role\/.+$/.test(arn)) {
    diagnostics.error('Invalid role_arn', `must be an IAM role ARN such as arn:aws:iam::123456789012:role/deploy, got ${JSON.stringify(arn)}`, ['assume_role', 'role_arn']);
  }
}

/** Builds the SES client and target from the provider configuration; refuses an account not allowed. */
export async function configureTenantsProvider(config: TfObject, env: NodeJS.ProcessEnv = process.env): Promise<TenantsTarget> {
  const region = text(config.region) ?? text(env.AWS_REGION) ?? text(env.AWS_DEFAULT_REGION);
  if (!region) throw new ProviderError('No region', 'Set region in the provider block, or AWS_REGION.', ['region']);
  const roleArn = text((config.assume_role as TfObject | null)?.role_arn);
  const endpoint = text((config.endpoints as TfObject | null)?.sesv2) ?? text(env.AWS_ENDPOINT_URL_SESV2);
  const gateway = providerGateway({
    region,
    endpoint,
    profile: text(config.profile),
    assumeRoleArn: roleArn,
    maxRequestsPerSecond: typeof config.max_rps === 'number' ? config.max_rps : undefined,
  });
  // The account guard: the account the credentials really act in (STS GetCallerIdentity), checked
  // against account_id and allowed_account_ids before any SES call.
  const actual = await callerAccount(gateway, region, endpoint);
  const declared = text(config.account_id) ?? (roleArn ? parseArn(roleArn)?.account : undefined);
  if (declared !== undefined && declared !== actual) {
    throw new ProviderError(
      'Wrong account',
      `The credentials act in account ${actual} (STS GetCallerIdentity), but the provider is configured for account ${declared}; nothing was changed.`,
      [config.account_id !== null && config.account_id !== undefined ? 'account_id' : 'assume_role'],
    );
  }
  const account = actual;
  const allowed = config.allowed_account_ids as readonly string[] | null;
  if (allowed && !allowed.includes(account)) {
    throw new ProviderError(
      'Account not allowed',
      `The credentials act in account ${account} (STS GetCallerIdentity), which is not in allowed_account_ids (${[...allowed].sort().join(', ')}); nothing was changed.`,
      ['allowed_account_ids'],
    );
  }
  providerPlace.learn({ region, account, partition: partitionOf(region) });
  return {
    gateway,
    cache: new ReadCache(),
    declarations: new Declarations(),
    door: DECLARED_BY[text(config.declared_by) ?? 'hcl'],
    target: {
      formatVersion: 2,
      owner: String(config.owner),
      stack: String(config.stack),
      region,
      account,
      partition: partitionOf(region),
      tenantQuota: typeof config.tenant_quota === 'number' ? config.tenant_quota : DEFAULT_TENANT_QUOTA,
    },
  };
}
