import { DEFAULT_REGION, type BackendSettings, type EmulatorBackend } from '../state/backend';
import { BadRequestException, NotFoundException } from '../errors';
import type { FaultInjector, FaultSettings } from './faults';
import type { Draws } from '../state/draws';
import { optionalString } from '../http/input';
import { saveState } from '../persistence/snapshot';
import { SENDING_STATUSES } from '../state/reputation';
import { requireTenant } from '../state/tenants';
import type { StatsRecorder } from './stats';

/** What the admin endpoints act on. */
export interface AdminContext {
  /** All state. */
  readonly backend: EmulatorBackend;
  /** Fault injection. */
  readonly faults: FaultInjector;
  /** Request counts. */
  readonly stats: StatsRecorder;
  /** The account used when a body names none. */
  readonly defaultAccountId: string;
}

/** Body of `POST /_emulator/identities/verify`: which identities to verify (all pending ones when `identity` is absent). */
export interface VerifyIdentitiesRequest {
  /** @default the emulator's default account */
  accountId?: string;
  /** @default us-east-1 */
  region?: string;
  /** One identity to verify. @default every identity of that account and region */
  identity?: string;
}

/** Body of `POST /_emulator/reputation/aws-managed-status`: sets the SES-managed status of a tenant's reputation entity. */
export interface AwsManagedStatusRequest {
  /** @default the emulator's default account */
  accountId?: string;
  /** @default us-east-1 */
  region?: string;
  /** The tenant. */
  tenantName: string;
  /** ENABLED, REINSTATED or DISABLED. */
  status: string;
  /** @default "Status updated by the emulator admin endpoint." */
  cause?: string;
}

/** An admin operation: the handler and whether it changes persisted state. */
export interface AdminRoute {
  /** HTTP method. */
  readonly method: 'GET' | 'POST';
  /** Path under `/_emulator`. */
  readonly path: string;
  /** Whether a success changes persisted state. */
  readonly mutates: boolean;
  /** The handler: JSON body and query in, JSON out. */
  readonly handler: (admin: AdminContext, body: Record<string, unknown>, query: URLSearchParams, draws: Draws) => unknown;
}

function regionOf(admin: AdminContext, body: Record<string, unknown>) {
  return admin.backend.region(optionalString(body, 'accountId') ?? admin.defaultAccountId, optionalString(body, 'region') ?? DEFAULT_REGION);
}

function verifyIdentities(admin: AdminContext, body: Record<string, unknown>): unknown {
  const state = regionOf(admin, body);
  const only = optionalString(body, 'identity');
  const verified: string[] = [];
  for (const identity of state.identities.values()) {
    if (only !== undefined && identity.name !== only) continue;
    identity.verified = true;
    verified.push(identity.name);
  }
  if (only !== undefined && verified.length === 0) throw new NotFoundException(`Identity ${only} does not exist`);
  return { verified };
}

function setAwsManagedStatus(admin: AdminContext, body: Record<string, unknown>, _query: URLSearchParams, draws: Draws): unknown {
  const state = regionOf(admin, body);
  const name = optionalString(body, 'tenantName') ?? '';
  const status = optionalString(body, 'status') ?? '';
  if (!SENDING_STATUSES.includes(status)) {
    throw new BadRequestException(`status must be ENABLED, REINSTATED or DISABLED, got ${status}`);
  }
  requireTenant(state, name).awsStatus = {
    Status: status,
    Cause: optionalString(body, 'cause') ?? 'Status updated by the emulator admin endpoint.',
    LastUpdatedTimestamp: draws.now(),
  };
  return {};
}

function updateSettings(admin: AdminContext, body: Record<string, unknown>): BackendSettings {
  const settings = admin.backend.settings;
  if (body.verifyIdentities !== undefined) {
    if (typeof body.verifyIdentities !== 'boolean') throw new BadRequestException('verifyIdentities must be a boolean');
    settings.verifyIdentities = body.verifyIdentities;
  }
  if (body.tenantQuota !== undefined) {
    if (!Number.isInteger(body.tenantQuota) || (body.tenantQuota as number) < 0) {
      throw new BadRequestException('tenantQuota must be an integer >= 0');
    }
    settings.tenantQuota = body.tenantQuota as number;
  }
  return settings;
}

function messages(admin: AdminContext, query: URLSearchParams): unknown {
  const tenant = query.get('tenant');
  const region = query.get('region');
  return {
    messages: admin.backend
      .sentMessages()
      .filter((m) => (tenant === null || m.TenantName === tenant) && (region === null || m.Region === region)),
  };
}

/** The admin endpoints, the only surface that AWS does not have. Not counted, throttled or delayed. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  { method: 'POST', path: '/reset', mutates: true, handler: (a) => (a.backend.reset(), {}) },
  { method: 'GET', path: '/state', mutates: false, handler: (a) => saveState(a.backend) },
  { method: 'GET', path: '/faults', mutates: false, handler: (a) => a.faults.settings },
  { method: 'POST', path: '/faults', mutates: false, handler: (a, body) => a.faults.update(body as Partial<FaultSettings>) },
  { method: 'GET', path: '/messages', mutates: false, handler: (a, _body, query) => messages(a, query) },
  { method: 'GET', path: '/stats', mutates: false, handler: (a) => a.stats.snapshot() },
  { method: 'POST', path: '/stats/reset', mutates: false, handler: (a) => (a.stats.reset(), {}) },
  { method: 'GET', path: '/settings', mutates: false, handler: (a) => a.backend.settings },
  { method: 'POST', path: '/settings', mutates: false, handler: updateSettings },
  { method: 'POST', path: '/identities/verify', mutates: true, handler: verifyIdentities },
  { method: 'POST', path: '/reputation/aws-managed-status', mutates: true, handler: setAwsManagedStatus },
];
