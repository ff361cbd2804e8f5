import { BadRequestException } from '../errors';
import { optionalArray, optionalString, requiredString } from '../http/input';
import type { Identity } from '../state/region-state';
import { deleteResource, refuseIfExists, requireResource } from '../state/resources';
import type { OperationContext } from './context';
import { listByName } from './list-input';
import { readTags, tagList } from './tag-input';

function requireIdentity(ctx: OperationContext): Identity {
  return requireResource(ctx.state, 'identity', ctx.params.EmailIdentity) as Identity;
}

function dkimAttributes(identity: Identity): Record<string, unknown> {
  if (identity.type === 'EMAIL_ADDRESS') return { SigningEnabled: false, Status: 'NOT_STARTED', SigningAttributesOrigin: 'AWS_SES' };
  return {
    SigningEnabled: true,
    Status: identity.verified ? 'SUCCESS' : 'PENDING',
    Tokens: ['a', 'b', 'c'].map((suffix) => `emulator${suffix}${identity.name.length}`),
    SigningAttributesOrigin: 'AWS_SES',
    CurrentSigningKeyLength: 'RSA_2048_BIT',
    NextSigningKeyLength: 'RSA_2048_BIT',
  };
}

function verificationStatus(identity: Identity): string {
  return identity.verified ? 'SUCCESS' : 'PENDING';
}

function requireConfigurationSetIfNamed(ctx: OperationContext, name: string | undefined): void {
  if (name !== undefined) requireResource(ctx.state, 'configuration-set', name);
}

/** CreateEmailIdentity: a domain, or an address when it contains `@`; verified at once unless the emulator keeps identities pending. */
export function CreateEmailIdentity(ctx: OperationContext): unknown {
  const name = requiredString(ctx.body, 'EmailIdentity');
  if (name.trim() === '') throw new BadRequestException('EmailIdentity cannot be empty');
  const tags = readTags(optionalArray(ctx.body, 'Tags'));
  const configurationSetName = optionalString(ctx.body, 'ConfigurationSetName');
  refuseIfExists(ctx.state, 'identity', name);
  requireConfigurationSetIfNamed(ctx, configurationSetName);
  const identity: Identity = {
    name,
    type: name.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
    createdAt: ctx.draws.now(),
    verified: ctx.settings.verifyIdentities,
    configurationSetName,
    tags,
  };
  ctx.state.identities.set(identity);
  return { IdentityType: identity.type, VerifiedForSendingStatus: identity.verified, DkimAttributes: dkimAttributes(identity) };
}

/** GetEmailIdentity: type, verification, DKIM, default configuration set and tags. */
export function GetEmailIdentity(ctx: OperationContext): unknown {
  const identity = requireIdentity(ctx);
  return {
    IdentityType: identity.type,
    FeedbackForwardingStatus: true,
    VerifiedForSendingStatus: identity.verified,
    VerificationStatus: verificationStatus(identity),
    DkimAttributes: dkimAttributes(identity),
    MailFromAttributes: { BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    Policies: {},
    Tags: tagList(identity.tags),
    ConfigurationSetName: identity.configurationSetName,
  };
}

/** ListEmailIdentities, served on both the POST `/v2/email/list-identities` and the old GET `/v2/email/identities`. */
export function ListEmailIdentities(ctx: OperationContext): unknown {
  const page = listByName(ctx, 'ListEmailIdentities', ctx.state.identities, { maxSize: 1000 }, (identity) => ({
    IdentityType: identity.type,
    IdentityName: identity.name,
    SendingEnabled: identity.verified,
    VerificationStatus: verificationStatus(identity),
  }));
  return { EmailIdentities: page.items, NextToken: page.nextToken };
}

/** DeleteEmailIdentity: refused while tenants are associated with the identity. */
export function DeleteEmailIdentity(ctx: OperationContext): unknown {
  deleteResource(ctx.state, 'identity', ctx.params.EmailIdentity);
  return {};
}

/** PutEmailIdentityConfigurationSetAttributes: sets or clears the identity's default configuration set. */
export function PutEmailIdentityConfigurationSetAttributes(ctx: OperationContext): unknown {
  const identity = requireIdentity(ctx);
  const name = optionalString(ctx.body, 'ConfigurationSetName');
  requireConfigurationSetIfNamed(ctx, name);
  identity.configurationSetName = name;
  return {};
}
