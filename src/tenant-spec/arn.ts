import type { ReputationPolicy, ResourceRef, ResourceType } from './tenant-spec';
import { RESOURCE_TYPES } from './tenant-spec';

/** The parts of an SES resource ARN `arn:PARTITION:ses:REGION:ACCOUNT:TYPE/NAME`. */
export interface SesResourceArn {
  /** AWS partition, such as `aws`. */
  readonly partition: string;
  /** Region segment. */
  readonly region: string;
  /** Account segment. */
  readonly account: string;
  /** Resource type: identity, configuration-set or template. */
  readonly type: ResourceType;
  /** Resource name (everything after the first `/`). */
  readonly name: string;
}

/** The six parts of an ARN `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. */
export interface Arn {
  /** AWS partition, such as `aws`. */
  readonly partition: string;
  /** Service, such as `ses`. */
  readonly service: string;
  /** Region segment (empty for global services such as IAM). */
  readonly region: string;
  /** Account segment. */
  readonly account: string;
  /** Everything after the account segment (it may hold `:` and `/`). */
  readonly resource: string;
}

/** The one ARN parser of the package (the emulator, which stands for AWS, keeps its own): undefined when `arn` is not an ARN. */
export function parseArn(arn: string): Arn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

/** The type and name of a resource part `TYPE/NAME` (the name is everything after the first `/`; undefined when empty). */
function typeAndName(resource: string): { type: string; name: string | undefined } {
  const slash = resource.indexOf('/');
  if (slash < 0) return { type: resource, name: undefined };
  return { type: resource.slice(0, slash), name: slash < resource.length - 1 ? resource.slice(slash + 1) : undefined };
}

/** Why an ARN is not an SES identity, configuration-set or template ARN; undefined when it is one. */
export function sesResourceArnProblem(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed) return 'is not an ARN (expected arn:PARTITION:ses:REGION:ACCOUNT:TYPE/NAME)';
  if (parsed.service !== 'ses') return `is not an SES ARN (service "${parsed.service}")`;
  const { type, name } = typeAndName(parsed.resource);
  if (!(RESOURCE_TYPES as readonly string[]).includes(type)) {
    return `has resource type "${type}"; tenants can only be associated with ${RESOURCE_TYPES.join(', ')}`;
  }
  if (name === undefined) return 'has no resource name after the type';
  if (!parsed.region) return 'has no region';
  if (!/^\d{12}$/.test(parsed.account)) return `has account "${parsed.account}", not a 12-digit account ID`;
  return undefined;
}

/** The partition, region and account segments of any ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:...`); undefined when it is not an ARN. */
export function arnLocationOf(arn: string): ArnLocation | undefined {
  const parsed = parseArn(arn);
  return parsed && { partition: parsed.partition, region: parsed.region, account: parsed.account };
}

/** The name segment of an SES resource ARN however its type is spelled: everything after the first `/` of the resource part; undefined when there is none. */
export function resourceNameOfArn(arn: string): string | undefined {
  const parsed = parseArn(arn);
  return parsed && typeAndName(parsed.resource).name;
}

/** Tenant name of a tenant ARN (`...:tenant/NAME/ID`); empty when it has none. */
export function tenantNameOfArn(arn: string): string {
  return parseArn(arn)?.resource.split('/')[1] ?? '';
}

/** Parses an SES identity, configuration-set or template ARN; throws when it is not one. */
export function parseSesResourceArn(arn: string): SesResourceArn {
  const problem = sesResourceArnProblem(arn);
  if (problem) throw new Error(`ARN "${arn}" ${problem}`);
  const { partition, region, account, resource } = parseArn(arn)!;
  const { type, name } = typeAndName(resource);
  return { partition, region, account, type: type as ResourceType, name: name! };
}

/** A resource reference from the ARN of an SES identity, configuration set or template; throws when it is not one. */
export function resourceRefOfArn(arn: string): ResourceRef {
  const { type, name } = parseSesResourceArn(arn);
  return { type, name, arn };
}

/** Where an ARN lives: partition, region and account. */
export interface ArnLocation {
  /** AWS partition, such as `aws`. */
  readonly partition: string;
  /** Region, such as `eu-central-1`. */
  readonly region: string;
  /** 12-digit account ID. */
  readonly account: string;
}

/**
 * Why an SES resource ARN cannot be associated with a tenant that lives at `at` (DESIGN rule 8:
 * one region, one account): one message per segment that differs, worded for `owner` (`the stack`,
 * `the provider`). A segment `at` leaves undefined (not known yet) is not checked.
 */
export function arnPlaceProblems(arn: ArnLocation, at: Partial<ArnLocation>, owner: string): string[] {
  const out: string[] = [];
  if (at.partition !== undefined && arn.partition !== at.partition) out.push(`is in partition "${arn.partition}", ${owner} is in "${at.partition}"`);
  if (at.region !== undefined && arn.region !== at.region) out.push(`is in region ${arn.region}, ${owner} is in ${at.region}; a tenant can only use resources of its own region`);
  if (at.account !== undefined && arn.account !== at.account) out.push(`is in account ${arn.account}, ${owner} is in ${at.account}; a tenant can only use resources of its own account`);
  return out;
}

/** The ARN of an SES identity, configuration set or template. */
export function sesResourceArn(at: ArnLocation, type: ResourceType, name: string): string {
  return `arn:${at.partition}:ses:${at.region}:${at.account}:${type}/${name}`;
}

/** The ARN of a tenant: `arn:PARTITION:ses:REGION:ACCOUNT:tenant/NAME/ID`. */
export function tenantArn(at: ArnLocation, name: string, tenantId: string): string {
  return `${tenantArnPrefix(at, name)}${tenantId}`;
}

/** The prefix of every tenant ARN of a region and account (`…:tenant/`), or of one tenant's ARNs (`…:tenant/NAME/`). */
export function tenantArnPrefix(at: ArnLocation, name?: string): string {
  return `arn:${at.partition}:ses:${at.region}:${at.account}:tenant/${name === undefined ? '' : `${name}/`}`;
}

/** The ARN of an AWS-managed reputation policy (its account segment is the literal `aws`). */
export function reputationPolicyArn(at: Pick<ArnLocation, 'partition' | 'region'>, policy: ReputationPolicy): string {
  return `arn:${at.partition}:ses:${at.region}:aws:reputation-policy/${policy}`;
}

/** The policy name of a reputation policy ARN, or undefined when it is not one of the AWS-managed ones. */
export function reputationPolicyFromArn(arn: string | undefined): ReputationPolicy | undefined {
  const m = /^arn:[a-z0-9-]+:ses:[a-z0-9-]+:aws:reputation-policy\/(none|standard|strict)$/.exec(arn ?? '');
  return m ? (m[1] as ReputationPolicy) : undefined;
}
