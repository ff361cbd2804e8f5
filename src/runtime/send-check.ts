import { isNotFound, type SendingIdentity, type SesGateway } from '../aws/ses-gateway';
import { listTenantResources } from '../engine/live';
import type { DesiredStack } from '../engine/model';
import { sesResourceArn, tenantArnPrefix } from '../tenant-spec/arn';
import type { ResourceType, StackTarget } from '../tenant-spec/tenant-spec';

/**
 * SES's send gate: would SES accept a send through a tenant, and if not, what to change. The gate
 * and its live view serve `TenantOnboarding.checkSend` and `ses-tenants check-send --live` (the CLI
 * may import the runtime, the runtime not the CLI); the CLI's view of the code is
 * `src/cli/desired-send-view.ts`.
 */

/** What a send would use. */
export interface SendRequest {
  /** Tenant the send goes through. */
  readonly tenant: string;
  /** FromEmailAddress (`Name <a@b>` allowed). */
  readonly from: string;
  /** ConfigurationSetName of the send. @default - the identity's default configuration set */
  readonly configurationSet?: string;
  /** Template of the send. @default - none */
  readonly template?: string;
}

/** SES's refusal codes, in the order SES checks them. */
export type SendRefusalCode = 'NotFoundException' | 'SendingPausedException' | 'AccessDeniedException' | 'MessageRejected';

/** Whether SES would accept a send, and if not, why and what to add to the code. */
export interface SendVerdict {
  /** Accepted or refused. */
  readonly accepted: boolean;
  /** What the verdict was evaluated from: the synthesized stacks or the live account. */
  readonly source: 'desired' | 'live';
  /** The error SES would answer (refused only). */
  readonly code?: SendRefusalCode;
  /** SES's message for that error (refused only). */
  readonly message?: string;
  /** What to change in the code (or the account) so that the send is accepted (refused only). */
  readonly fix?: string;
  /** What this source cannot tell, such as identity verification without `--live`. */
  readonly notes: readonly string[];
}

/** What the gate needs to know, from either source. */
export interface SendView {
  /** The stack of the tenant (its region, account and name). */
  readonly target: StackTarget;
  /** The tenant, undefined when it does not exist. */
  readonly tenant?: {
    /** Who paused it, if anyone. */
    readonly paused?: { readonly by: 'customer' | 'ses'; readonly cause?: string };
    /** ARNs of the associated resources. */
    readonly associated: ReadonlySet<string>;
  };
  /** The identity of the address or of its domain; undefined when none exists. */
  readonly identity?: Partial<SendingIdentity> & { readonly name: string };
  /** Whether the resources exist; undefined when this source cannot tell. */
  readonly configurationSetExists: (name: string) => boolean | undefined;
  /** Whether the template exists; undefined when this source cannot tell. */
  readonly templateExists: (name: string) => boolean | undefined;
  /** Notes of the source. */
  readonly notes: readonly string[];
  /** The source. */
  readonly source: 'desired' | 'live';
  /** Whether the stack's code declares the tenant. */
  readonly declared: boolean;
}

const ADDRESS_IN_ANGLES = /<([^>]+)>/;

/** The bare address of a From value (`Name <a@b>` → `a@b`). */
export function bareAddress(from: string): string {
  return (ADDRESS_IN_ANGLES.exec(from)?.[1] ?? from).trim();
}

/** The domain of an address, lower case. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

const PROP_OF: Readonly<Record<ResourceType, string>> = {
  identity: 'emailIdentities: [EmailIdentity.fromArn(%)]',
  'configuration-set': 'configurationSets: [ConfigurationSet.fromArn(%)]',
  template: 'templates: [EmailTemplate.fromArn(%)]',
};

function refused(view: SendView, code: SendRefusalCode, message: string, fix: string): SendVerdict {
  return { accepted: false, source: view.source, code, message, fix, notes: view.notes };
}

/**
 * SES's send gate over a view of the account, in the emulator's order (src/emulator/sending.ts):
 * tenant exists → not paused → identity (address, else its domain), configuration set (given, else
 * the identity's default) and template associated → a configuration set in effect → configuration set
 * and template exist → identity verified. Pure: the same view and request give the same verdict.
 */
export function evaluateSend(request: SendRequest, view: SendView): SendVerdict {
  const { target } = view;
  const t = request.tenant;
  const where = `stack ${target.stack} (${target.region}/${target.account})`;
  if (view.tenant === undefined) {
    return refused(
      view,
      'NotFoundException',
      `Tenant ${t} for AwsAccountId ${target.account} not found.`,
      !view.declared
        ? `declare the tenant in ${where}: stack.addTenant({ tenantName: ${JSON.stringify(t)}, ... }) or new SesTenant(stack, ${JSON.stringify(t)}, { tenantName: ${JSON.stringify(t)}, ... })`
        : `deploy the stack that declares tenant ${t} (ses-tenants apply --stack ${target.stack}) before sending`,
    );
  }
  if (view.tenant.paused !== undefined) {
    const { by, cause } = view.tenant.paused;
    return refused(
      view,
      'SendingPausedException',
      `Sending is paused for tenant ${t}.`,
      by === 'customer'
        ? `remove sendingStatus: 'disabled' from tenant ${t} in ${where} (or set it to 'enabled') and apply`
        : `SES paused tenant ${t}${cause ? ` (${cause})` : ''}: resolve the reputation finding; the code cannot lift an SES pause`,
    );
  }
  const address = bareAddress(request.from);
  const configurationSet = request.configurationSet ?? view.identity?.configurationSetName;
  const wanted: Array<{ type: ResourceType; name: string }> = [{ type: 'identity', name: view.identity?.name ?? domainOf(address) }];
  if (configurationSet !== undefined) wanted.push({ type: 'configuration-set', name: configurationSet });
  if (request.template !== undefined) wanted.push({ type: 'template', name: request.template });
  const missing = wanted.map((w) => ({ ...w, arn: sesResourceArn(target, w.type, w.name) })).filter((w) => !view.tenant!.associated.has(w.arn));
  if (missing.length > 0) {
    const props = missing.map((m) => PROP_OF[m.type].replace('%', JSON.stringify(m.arn)));
    return refused(
      view,
      'AccessDeniedException',
      `Tenant not associated with resources [${missing.map((m) => m.arn).join(', ')}].`,
      `add to tenant ${t} in ${where}: ${props.join('; ')}`,
    );
  }
  if (configurationSet === undefined) {
    return refused(
      view,
      'AccessDeniedException',
      `Tenant ${t} cannot send without a configuration set: specify ConfigurationSetName, or use an identity whose default configuration set is associated with the tenant.`,
      `send with --configuration-set (a configuration set of tenant ${t} in ${where}), or give the identity a default configuration set (stack.emailIdentity(name, { defaultConfigurationSet })) and associate it with the tenant`,
    );
  }
  if (view.configurationSetExists(configurationSet) === false) {
    return refused(view, 'NotFoundException', `Configuration set ${configurationSet} does not exist:`, `create configuration set ${configurationSet} in ${target.region} (stack.configurationSet(...) or ConfigurationSet)`);
  }
  if (request.template !== undefined && view.templateExists(request.template) === false) {
    return refused(view, 'NotFoundException', `Email template ${request.template} does not exist`, `create template ${request.template} in ${target.region} (stack.emailTemplate(...) or EmailTemplate)`);
  }
  if (view.identity === undefined || view.identity.verified === false) {
    return refused(
      view,
      'MessageRejected',
      `Email address is not verified. The following identities failed the check in region ${target.region.toUpperCase()}: ${address}`,
      view.identity === undefined
        ? `create and verify the identity ${domainOf(address)} (or ${address}) in ${target.region}`
        : `verify the identity ${view.identity.name} in ${target.region} (DNS records of its DKIM tokens, or the confirmation mail)`,
    );
  }
  return { accepted: true, source: view.source, notes: view.notes };
}

/**
 * The view of the live account: the tenant's reputation entity (ListReputationEntities filtered to
 * its ARN prefix: existence and both statuses), its associations (ListTenantResources) and the
 * identity (GetEmailIdentity of the address, then of its domain), in parallel; then the
 * configuration set and the template that the send names (GetConfigurationSet, GetEmailTemplate).
 */
export async function liveSendView(ses: SesGateway, stack: DesiredStack, request: SendRequest): Promise<SendView> {
  const { target } = stack;
  const address = bareAddress(request.from);
  const [page, resources, identity] = await Promise.all([
    ses.listReputationEntitiesPage(tenantArnPrefix(target, request.tenant)),
    listTenantResources(ses, request.tenant).catch((err: unknown) => {
      if (isNotFound(err)) return undefined;
      throw err;
    }),
    ses.findEmailIdentity(address).then(async (found) => found ?? (await ses.findEmailIdentity(domainOf(address)))),
  ]);
  const entity = page.items[0];
  const set = request.configurationSet ?? identity?.configurationSetName;
  const [setExists, templateExists] = await Promise.all([
    set === undefined ? undefined : ses.configurationSetExists(set),
    request.template === undefined ? undefined : ses.emailTemplateExists(request.template),
  ]);
  const paused =
    entity?.SendingStatusAggregate !== 'DISABLED'
      ? undefined
      : entity.AwsSesManagedStatus?.Status === 'DISABLED'
        ? { by: 'ses' as const, ...(entity.AwsSesManagedStatus.Cause ? { cause: entity.AwsSesManagedStatus.Cause } : {}) }
        : { by: 'customer' as const };
  return {
    target,
    source: 'live',
    declared: stack.tenants[request.tenant] !== undefined,
    notes: [],
    ...(entity === undefined || resources === undefined ? {} : { tenant: { ...(paused ? { paused } : {}), associated: new Set(resources.map((r) => r.arn)) } }),
    ...(identity ? { identity } : {}),
    configurationSetExists: (name) => (name === set ? setExists : undefined),
    templateExists: (name) => (name === request.template ? templateExists : undefined),
  };
}
