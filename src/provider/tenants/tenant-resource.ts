import { ownershipOf, type LiveTenant, type Ownership } from '../../engine';
import { describeTags, ownerMarker, refusalMessage, sesSendingStatus } from '../../tenant-spec';
import type { TfObject, TfValue } from '../protocol/value';
import { isUnknown, UNKNOWN } from '../protocol/value';
import { Diagnostics, ProviderError } from '../framework/diagnostics';
import { ResourceType } from '../framework/resource';
import { inlineClash } from './declarations';
import { checkPlace, providerPlace } from './provider-place';
import { applyTenant, deleteTenant, rethrowAsDiagnostic } from './tenant-apply';
import { findExisting, readTenant } from './tenant-reads';
import { TENANT_SCHEMA } from './tenant-schema';
import { specOfPlanned, tenantState, type ProviderTenant } from './tenant-state';
import { isOurs, type TenantsTarget } from './tenants-target';

// The resource layer of `sestenants_tenant`: Terraform's calls in, the engine's plan and apply of
// one tenant out (tenant-apply), values converted once (tenant-state), as the hooks do.

/** Warns when SES itself paused the tenant: Terraform cannot undo that, and the plan should say so. */
function warnSesPause(tenant: ProviderTenant, diagnostics: Diagnostics): void {
  if (tenant.awsManagedStatus !== 'DISABLED') return;
  diagnostics.warning(
    `Tenant ${tenant.live.name} paused by SES`,
    `SES paused sending for tenant ${tenant.live.name} (TenantId ${tenant.live.id}): sending_status_aggregate is ${tenant.live.sendingStatusAggregate} whatever sending_status says, ` +
      `and reputation_impact is ${tenant.reputationImpact ?? 'unknown'}. Terraform cannot lift an AWS-managed pause; see the tenant's reputation findings in SES.`,
    ['sending_status_aggregate'],
  );
}

/** `sestenants_tenant`: one SES tenant with its associations, policy, status, suppression and tags. */
export const tenantResource: ResourceType<TenantsTarget> = {
  typeName: 'sestenants_tenant',
  schema: TENANT_SCHEMA,
  validate(config: TfObject, diagnostics: Diagnostics) {
    const over = typeof config.name === 'string' ? providerPlace.declareTenant(config.name) : undefined;
    if (over) diagnostics.error('Too many tenants', over, ['name']);
    const arns = config.resource_associations;
    if (!Array.isArray(arns)) return;
    const seen = new Set<string>();
    (arns as TfValue[]).forEach((arn) => {
      if (typeof arn !== 'string' || isUnknown(arn)) return;
      const key = arn.toLowerCase();
      if (seen.has(key)) diagnostics.error('Duplicate association', `${arn} is listed twice.`, ['resource_associations']);
      seen.add(key);
    });
  },
  // With plan_destroy Terraform plans destroys too, so the plan can say what a removal does.
  async modifyPlan({ prior, planned, replace }, { meta, diagnostics }) {
    // A name not known yet (computed elsewhere) is checked at the apply's plan, when it is.
    if (planned !== null && planned.resource_associations !== null && !isUnknown(planned.name)) {
      const clash = meta.declarations.declareInline(String(planned.name));
      if (clash.length > 0) diagnostics.error(...inlineClash(String(planned.name), clash), ['resource_associations']);
    }
    if (prior === null) return planned === null ? null : planCreate(meta, planned, diagnostics);
    if (planned === null || replace) meta.declarations.removeTenant(String(prior.name));
    if (await notOursAtPlan(meta, prior, planned, diagnostics)) return planned;
    if (planned !== null && !replace) return keepReadOnly(prior, planned);
    const who = `tenant ${String(prior.name)} (TenantId ${String(prior.tenant_id)})`;
    // What a removal does is the removal policy last applied (the state's, as read from SES).
    const removal =
      prior.removal_policy === 'destroy'
        ? `deletes ${who} and its resource associations (removal_policy "destroy"); the TenantId is gone for good`
        : `releases ${who} (removal_policy "retain"): it stays in SES with its TenantId, associations and reputation history, no longer managed here`;
    // The tenant's name is in each summary: Terraform folds warnings with the same summary into one.
    if (planned === null) {
      diagnostics.warning(`Tenant ${String(prior.name)} will be ${prior.removal_policy === 'destroy' ? 'deleted' : 'released'}`, `Destroying this resource ${removal}.`);
    } else if (replace) {
      diagnostics.warning(
        `Tenant ${String(prior.name)} will be replaced`,
        `Renaming to ${String(planned.name)} ${removal}, and creates a new tenant with a new TenantId (SES cannot rename a tenant).`,
        ['name'],
      );
    }
    return planned;
  },
  async read(state, { meta, diagnostics }) {
    const tenant = await readTenant(meta, String(state.name), 'bulk');
    if (!tenant) {
      // Terraform then plans a plain create; say that this is not a new tenant but a lost one.
      diagnostics.warning(
        `Tenant ${String(state.name)} was deleted outside Terraform`,
        `Tenant ${String(state.name)} (TenantId ${String(state.tenant_id)}) is in Terraform's state but not in SES: it was deleted outside Terraform. ` +
          'Applying creates it again with a NEW TenantId; the old TenantId and its reputation history are gone.',
      );
      return null;
    }
    warnSesPause(tenant, diagnostics);
    meta.cache.recordTags(tenant.live.name, tenant.live.tags);
    return tenantState(tenant, state);
  },
  create: (planned, { meta }) => applyPlanned(meta, planned, 'create'),
  update: (_prior, planned, { meta }) => applyPlanned(meta, planned, 'update'),
  async delete(prior, { meta, diagnostics }) {
    const tenant = await readTenant(meta, String(prior.name));
    if (!tenant) return;
    if (!isOurs(meta, tenant.live.tags)) {
      diagnostics.warning(`Tenant ${tenant.live.name} left as it is`, leftAlone(meta, tenant.live));
      return;
    }
    await deleteTenant(meta, tenant.live).catch(rethrowAsDiagnostic);
  },
  async import(id, { meta }) {
    const tenant = await readTenant(meta, id);
    if (!tenant) throw new ProviderError('Cannot import tenant', `No tenant named ${JSON.stringify(id)} in ${meta.target.region} of account ${meta.target.account}.`);
    // The plan that follows refuses it unless it is ours or the configuration adopts it.
    meta.cache.recordTags(tenant.live.name, tenant.live.tags);
    return tenantState(tenant, null);
  },
};

/**
 * The read-only attributes report SES's view, refreshed by every read: an update that leaves
 * sending_status alone plans them unchanged (not "known after apply"), so a one-field change
 * shows one field.
 */
function keepReadOnly(prior: TfObject, planned: TfObject): TfObject {
  const same = planned.sending_status === prior.sending_status;
  // Disabled by the customer, the aggregate is DISABLED whatever SES says; enabled again, it
  // depends on SES's own status, which only the apply reads.
  const aggregate = same
    ? prior.sending_status_aggregate
    : planned.sending_status === 'disabled'
      ? sesSendingStatus('disabled')
      : isUnknown(planned.sending_status)
        ? UNKNOWN
        : planned.sending_status_aggregate;
  return { ...planned, reputation_impact: prior.reputation_impact, sending_status_aggregate: aggregate };
}

// A planned known value of a read-only attribute is what the apply returns (Terraform requires
// it); a pause SES imposes meanwhile shows at the next refresh.
function asPlanned(state: TfObject, planned: TfObject): TfObject {
  const keep = (name: string) => (isUnknown(planned[name]) ? state[name] : planned[name]);
  return { ...state, reputation_impact: keep('reputation_impact'), sending_status_aggregate: keep('sending_status_aggregate') };
}

async function applyPlanned(meta: TenantsTarget, planned: TfObject, step: 'create' | 'update'): Promise<TfObject> {
  checkPlace(meta.target, (planned.resource_associations as readonly string[] | null) ?? [], ['resource_associations']);
  const name = String(planned.name);
  // A create makes no read: applyTenant reads only when SES says the name is taken.
  const current = step === 'create' ? undefined : await readTenant(meta, name);
  const after = await applyTenant(meta, specOfPlanned(planned), current, planned.resource_associations !== null).catch(rethrowAsDiagnostic);
  return asPlanned(tenantState(after, planned), planned);
}

/** What ownership messages need of a live tenant. */
type Marked = Pick<LiveTenant, 'name' | 'id' | 'tags'>;

/** Why a destroy leaves a tenant that is not ours as it is. */
function leftAlone(meta: TenantsTarget, live: Marked): string {
  return (
    `Tenant ${live.name} (TenantId ${live.id}) is ${describeTags(live.tags)}, not ${ownerMarker(meta.target)}: destroying this resource only removes it from ` +
    'Terraform\'s state; nothing is released and nothing is deleted (a tenant is changed only by the configuration whose marker it has, or one that adopts it).'
  );
}

/**
 * The plan of a create, with the truth about the name in SES (one listing of names per process,
 * one GetTenant for a name that exists): a tenant of another owner, or of none, is refused unless
 * adopt is set; one that will be adopted, taken back or finished is announced with the TenantId
 * it keeps, which the plan shows instead of "known after apply".
 */
async function planCreate(meta: TenantsTarget, planned: TfObject, diagnostics: Diagnostics): Promise<TfObject> {
  if (isUnknown(planned.name) || isUnknown(planned.adopt)) return planned;
  const name = String(planned.name);
  const existing = await findExisting(meta, name, planned.adopt === true);
  if (existing === undefined) return planned;
  const { live, ownership } = existing;
  if (ownership === 'refused') {
    diagnostics.error(`Tenant ${name} is not this configuration's`, `${capitalize(refusalMessage(meta.target, live, meta.door))}. Nothing was changed.`, ['adopt']);
    return planned;
  }
  meta.cache.recordAdopted(name);
  diagnostics.warning(...takeOverWarning(meta, live, ownership), ownership === 'adopt' ? ['adopt'] : ['name']);
  return { ...planned, tenant_id: live.id, arn: live.arn, created_at: existing.createdAt };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Summary and detail of a plan that takes over a live tenant instead of creating one. */
function takeOverWarning(meta: TenantsTarget, live: Marked, ownership: Ownership): [string, string] {
  const who = `Tenant ${live.name} (TenantId ${live.id})`;
  const keeps = 'keeping its TenantId, associations and reputation history, and makes it match this configuration (tags, settings, and associations when resource_associations is set).';
  const me = ownerMarker(meta.target);
  if (ownership === 'ours') {
    return [`Tenant ${live.name} will be finished, not created`, `${who} exists, marked ${me}, but is not in Terraform's state (an interrupted apply, or a lost state): the apply takes it as it is, ${keeps}`];
  }
  if (ownership === 'take-back') {
    return [`Tenant ${live.name} will be taken back`, `${who} exists and is ${describeTags(live.tags)}: the apply takes it back for ${me}, ${keeps}`];
  }
  return [`Tenant ${live.name} will be adopted`, `${who} exists and is ${describeTags(live.tags)}; adopt is set, so the apply marks it ${me}, ${keeps}`];
}

/**
 * For a tenant in Terraform's state whose marker this process has read (refresh, import): a tenant
 * of another owner or of none is refused unless adopted. A destroy reads the marker if it was not
 * read, and says it touches nothing when the marker is not ours. Returns whether the plan is
 * answered (a refusal, or a destroy that touches nothing).
 */
async function notOursAtPlan(meta: TenantsTarget, prior: TfObject, planned: TfObject | null, diagnostics: Diagnostics): Promise<boolean> {
  // A destroy plan may run in a process that did not refresh (terraform destroy refreshes in a plan of its own): it reads the marker.
  const tags = planned === null ? await meta.cache.tagsOf(meta.gateway, String(prior.name)) : await meta.cache.knownTags(String(prior.name));
  if (tags === undefined || isOurs(meta, tags)) return false;
  const live: Marked = { name: String(prior.name), id: String(prior.tenant_id), tags };
  if (planned === null) {
    diagnostics.warning(`Tenant ${live.name} will be left as it is`, leftAlone(meta, live));
    return true;
  }
  if (isUnknown(planned.adopt)) return false;
  const ownership = ownershipOf(meta.target, live, planned.adopt === true);
  if (ownership === 'refused') {
    diagnostics.error(
      `Tenant ${live.name} is not this configuration's`,
      `${capitalize(refusalMessage(meta.target, live, meta.door))}. Nothing was changed. ` +
        'To stop managing it here instead, remove it from the configuration: the plan then drops it from the state and leaves the tenant as it is.',
      ['adopt'],
    );
    return true;
  }
  meta.cache.recordAdopted(live.name);
  diagnostics.warning(...takeOverWarning(meta, live, ownership), ['adopt']);
  return false;
}
