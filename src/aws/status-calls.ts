import {
  GetConfigurationSetCommand,
  GetEmailIdentityCommand,
  GetEmailTemplateCommand,
  GetTenantCommand,
  ListReputationEntitiesCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  type ReputationEntity,
  type SESv2Client,
  type Tag,
  type Tenant,
} from '@aws-sdk/client-sesv2';
import type { STSClient } from '@aws-sdk/client-sts';

/**
 * The SES and STS calls of `status`, `check-send` and the account guard, each a typed function
 * taking the client (kept in one file so that they fold into one SES gateway).
 */

/** Largest page ListReputationEntities accepts. */
export const REPUTATION_PAGE_SIZE = 100;

function isNotFound(err: unknown): boolean {
  return err instanceof NotFoundException || (err as { name?: string } | null)?.name === 'NotFoundException';
}

async function orUndefinedWhenNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Who the credentials are, as STS says. */
export interface CallerIdentity {
  /** The account the credentials act in. */
  readonly account: string;
  /** The partition of the caller's ARN (`aws`, `aws-cn`, ...). */
  readonly partition: string;
}

/** STS GetCallerIdentity: the account (and partition) the credentials act in. */
export async function callerIdentity(sts: STSClient): Promise<CallerIdentity> {
  // Loaded on first use, so that a process that never checks its account does not load STS.
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const out = await sts.send(new GetCallerIdentityCommand({}));
  if (!out.Account) throw new Error('STS GetCallerIdentity returned no account');
  return { account: out.Account, partition: out.Arn?.split(':')[1] || 'aws' };
}

/** One page of ListReputationEntities whose references start with `prefix`. */
export async function listReputationEntitiesPage(
  ses: SESv2Client,
  prefix: string,
  token: string | undefined,
): Promise<{ readonly entities: readonly ReputationEntity[]; readonly nextToken?: string }> {
  const page = await ses.send(new ListReputationEntitiesCommand({ Filter: { ENTITY_REFERENCE_PREFIX: prefix }, PageSize: REPUTATION_PAGE_SIZE, NextToken: token }));
  return { entities: page.ReputationEntities ?? [], ...(page.NextToken ? { nextToken: page.NextToken } : {}) };
}

/** ListTagsForResource of one ARN; undefined when the resource vanished. */
export function listResourceTags(ses: SESv2Client, arn: string): Promise<readonly Tag[] | undefined> {
  return orUndefinedWhenNotFound(ses.send(new ListTagsForResourceCommand({ ResourceArn: arn })).then((out) => out.Tags ?? []));
}

/** GetTenant; undefined when the tenant does not exist. */
export function findTenant(ses: SESv2Client, name: string): Promise<Tenant | undefined> {
  return orUndefinedWhenNotFound(ses.send(new GetTenantCommand({ TenantName: name })).then((out) => out.Tenant));
}

/** What a send needs of an email identity. */
export interface SendingIdentity {
  /** Identity name (an address or a domain). */
  readonly name: string;
  /** Whether SES lets it send. */
  readonly verified: boolean;
  /** Its default configuration set, if any. */
  readonly configurationSetName?: string;
}

/** GetEmailIdentity; undefined when the identity does not exist. */
export async function findEmailIdentity(ses: SESv2Client, name: string): Promise<SendingIdentity | undefined> {
  const out = await orUndefinedWhenNotFound(ses.send(new GetEmailIdentityCommand({ EmailIdentity: name })));
  if (out === undefined) return undefined;
  const set = out.ConfigurationSetName;
  return { name, verified: out.VerifiedForSendingStatus === true, ...(set ? { configurationSetName: set } : {}) };
}

/** Whether a configuration set exists (GetConfigurationSet). */
export async function configurationSetExists(ses: SESv2Client, name: string): Promise<boolean> {
  return (await orUndefinedWhenNotFound(ses.send(new GetConfigurationSetCommand({ ConfigurationSetName: name })))) !== undefined;
}

/** Whether an email template exists (GetEmailTemplate). */
export async function emailTemplateExists(ses: SESv2Client, name: string): Promise<boolean> {
  return (await orUndefinedWhenNotFound(ses.send(new GetEmailTemplateCommand({ TemplateName: name })))) !== undefined;
}
