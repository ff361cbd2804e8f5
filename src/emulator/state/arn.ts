import { BadRequestException, notNullMessage } from '../errors';

/** The kinds of SES resources a tenant can be associated with, by their ARN resource-type segment. */
export type ResourceKind = 'identity' | 'configuration-set' | 'template';

/** The parts of an ARN that SES checks (it never looks at the partition). */
export interface SesArn {
  /** Service, `ses` for every ARN the emulator holds. */
  readonly service: string;
  /** Region segment. */
  readonly region: string;
  /** Account segment. */
  readonly account: string;
  /** Resource type, the text before the first `/` of the resource part. */
  readonly type: string;
  /** The rest of the resource part after the first `/`. */
  readonly name: string;
}

// Not tenant-spec's parseArn: the emulator stands for AWS and imports nothing of the package it serves (lint:layers).
/** `arn:partition:service:region:account:type[/name]`; the resource part after the account may hold `:`. */
const SES_ARN = /^arn:[^:]*:(?<service>[^:]*):(?<region>[^:]*):(?<account>[^:]*):(?<type>[^/]*)(?:\/(?<name>[\s\S]*))?$/;

/** Splits an ARN into the parts SES checks; undefined when it does not have the shape of {@link SES_ARN}. */
export function splitArn(arn: string): SesArn | undefined {
  const groups = SES_ARN.exec(arn)?.groups;
  if (groups === undefined) return undefined;
  const { service, region, account, type, name = '' } = groups;
  return { service, region, account, type, name };
}

/** Builds the ARN of a resource the emulator holds. */
export function resourceArn(region: string, accountId: string, kind: ResourceKind | 'tenant', name: string): string {
  return `arn:aws:ses:${region}:${accountId}:${kind}/${name}`;
}

/** Builds a tenant ARN: `arn:aws:ses:<region>:<account>:tenant/<name>/<id>`. */
export function tenantArn(region: string, accountId: string, name: string, id: string): string {
  return resourceArn(region, accountId, 'tenant', `${name}/${id}`);
}

/** The ARN of one of the three AWS-managed reputation policies. */
export function reputationPolicyArn(region: string, policy: string): string {
  return `arn:aws:ses:${region}:aws:reputation-policy/${policy}`;
}

/** The CloudFormation pattern of a reputation policy ARN. */
export const REPUTATION_POLICY_ARN_PATTERN = /^arn:[a-z0-9-]+:ses:[a-z0-9-]+:aws:reputation-policy\/(none|standard|strict)$/;

/** An associable resource named by an ARN that passed every check of {@link parseAssociableArn}. */
export interface AssociableArn {
  /** The ARN as given. */
  readonly arn: string;
  /** identity, configuration-set or template. */
  readonly kind: ResourceKind;
  /** The resource's name. */
  readonly name: string;
}

const ASSOCIABLE_KINDS: ReadonlySet<string> = new Set<ResourceKind>(['identity', 'configuration-set', 'template']);

/**
 * Checks a ResourceArn of the association operations in the reference's order: present, ARN shape,
 * SES service, resource type, same region, same account (all BadRequest).
 */
export function parseAssociableArn(arn: string | undefined, region: string, accountId: string): AssociableArn {
  if (arn === undefined) throw new BadRequestException(notNullMessage('resourceArn'));
  const parts = splitArn(arn);
  if (parts === undefined || arn.split(':').length !== 6) {
    throw new BadRequestException('Provided resource identifier is not an SES resource');
  }
  if (parts.service !== 'ses') throw new BadRequestException('Provided ARN is not in SES resource ARN format');
  if (!ASSOCIABLE_KINDS.has(parts.type)) throw new BadRequestException(`Unsupported resource type: ${parts.type}`);
  if (parts.region !== region) throw new BadRequestException(`Resource ${arn} must be in the same region`);
  if (parts.account !== accountId) throw new BadRequestException(`Resource ${arn} must be in the same account`);
  return { arn, kind: parts.type as ResourceKind, name: parts.name };
}
