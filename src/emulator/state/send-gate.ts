import {
  SEND_CHECK_ORDER,
  TENANT_SEND_WITHOUT_CONFIGURATION_SET_ALLOWED,
  pausedTenantMessage,
  tenantSendNeedsConfigurationSetMessage,
  type SendCheck,
} from '../choices';
import { AccessDeniedException, MessageRejected, NotFoundException, SendingPausedException } from '../errors';
import { resourceArn } from './arn';
import type { Identity, RegionState, Tenant } from './region-state';
import { requireResource } from './resources';
import { tenantSendingStatus } from './tenants';

/** What a send asks to use, after its shape was checked and its tenant found. */
export interface SendRequest {
  /** The tenant it goes through, if any. */
  readonly tenant?: Tenant;
  /** The sender as given (`Name <address>` or a bare address). */
  readonly from: string;
  /** The explicit ConfigurationSetName. */
  readonly configurationSetName?: string;
  /** The stored template it uses. */
  readonly templateName?: string;
}

/** What a send was authorized to use. */
export interface AuthorizedSend {
  /** The identity that authorized the sender. */
  readonly identity: Identity;
  /** The configuration set in effect: the explicit one, else the identity's default. */
  readonly configurationSetName?: string;
}

const ADDRESS_IN_ANGLES = /<([^>]+)>/;

function bareAddress(from: string): string {
  return (ADDRESS_IN_ANGLES.exec(from)?.[1] ?? from).trim();
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The tenant a send goes through (none without TenantName), answering the send operations' own 404 wording. */
export function findSendTenant(state: RegionState, name: string | undefined): Tenant | undefined {
  if (name === undefined) return undefined;
  const tenant = state.tenants.get(name);
  if (tenant === undefined) throw new NotFoundException(`Tenant ${name} for AwsAccountId ${state.accountId} not found.`);
  return tenant;
}

/**
 * The checks of SendEmail and SendBulkEmail after the request shape and the tenant lookup, in
 * `SEND_CHECK_ORDER`. The tenant checks (paused, associations) apply only to a tenant send. The
 * association gate answers 403 listing every unassociated identity, configuration set and template
 * ARN; then, per §7 of the reference, a tenant send needs a configuration set (explicit or the
 * identity's default) unless `TENANT_SEND_WITHOUT_CONFIGURATION_SET_ALLOWED`.
 */
export function authorizeSend(state: RegionState, request: SendRequest): AuthorizedSend {
  const { tenant } = request;
  const address = bareAddress(request.from);
  const identity = state.identities.get(address) ?? state.identities.get(domainOf(address));
  const configurationSetName = request.configurationSetName ?? identity?.configurationSetName;
  const checks: Record<SendCheck, () => void> = {
    paused: () => {
      if (tenant !== undefined && tenantSendingStatus(tenant) === 'DISABLED') {
        throw new SendingPausedException(pausedTenantMessage(tenant.name));
      }
    },
    associations: () => {
      if (tenant === undefined) return;
      const arn = (kind: 'identity' | 'configuration-set' | 'template', name: string) => resourceArn(state.region, state.accountId, kind, name);
      const wanted = [arn('identity', identity?.name ?? domainOf(address))];
      if (configurationSetName !== undefined) wanted.push(arn('configuration-set', configurationSetName));
      if (request.templateName !== undefined) wanted.push(arn('template', request.templateName));
      const missing = wanted.filter((want) => !tenant.associations.has(want));
      if (missing.length > 0) throw new AccessDeniedException(`Tenant not associated with resources [${missing.join(', ')}].`);
      if (configurationSetName === undefined && !TENANT_SEND_WITHOUT_CONFIGURATION_SET_ALLOWED) {
        throw new AccessDeniedException(tenantSendNeedsConfigurationSetMessage(tenant.name));
      }
    },
    'resources-exist': () => {
      if (configurationSetName !== undefined) requireResource(state, 'configuration-set', configurationSetName);
      if (request.templateName !== undefined) requireResource(state, 'template', request.templateName);
    },
    'identity-verified': () => {
      if (identity === undefined || !identity.verified) {
        throw new MessageRejected(
          `Email address is not verified. The following identities failed the check in region ${state.region.toUpperCase()}: ${address}`,
        );
      }
    },
  };
  for (const check of SEND_CHECK_ORDER) checks[check]();
  return { identity: identity as Identity, configurationSetName };
}
