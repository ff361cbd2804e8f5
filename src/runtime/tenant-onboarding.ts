import pLimit from 'p-limit';
import { assertAccount, whoAmI } from '../aws/account-guard';
import { createSesClient, type SesClientOptions } from '../aws/client';
import { allPages, isAlreadyExists, sesGateway, type SesGateway, type SESv2Client } from '../aws/ses-gateway';
import { applyPlan, type ApplyFailure } from '../engine/apply';
import { OwnershipError } from '../engine/errors';
import { readLiveTenant } from '../engine/live';
import type { FieldChange, LiveTenant, Plan } from '../engine/model';
import { planTenant } from '../engine/plan-tenant';
import { stableStringify, tenantSpecHash, type CanonicalTenant } from '../tenant-spec/canonical';
import { DEFAULT_TENANT_QUOTA, MANAGED_BY_TAG } from '../tenant-spec/limits';
import { describeOwner, ownerMarker } from '../tenant-spec/ownership';
import { stackTargetSchema, tenantNameSchema, tenantSpecSchema, type StackTarget } from '../tenant-spec/tenant-spec';
import { validateStackRules } from '../tenant-spec/validate-stack';
import { schemaViolations } from '../tenant-spec/validate-tenant';
import { SpecValidationError, type SpecViolation } from '../tenant-spec/violation';
import { isOnboardingTenant, onboardingTenantSchema, toTenantSpec, type TenantInput } from './onboarding-tenant';
import { PerTenantQueue } from './per-tenant-queue';
import { readTenantForEnsure } from './read-tenant';
import { evaluateSend, liveSendView, type SendVerdict } from './send-check';

/** The stack part of the managed-by marker of tenants onboarded at run time: `<owner>/runtime`. */
export const RUNTIME_STACK = 'runtime';

/** Re-reads and re-plans after a race (another writer created or changed the tenant meanwhile) before giving up. */
const MAX_REPLANS = 3;

/** From this many specs on, `ensureMany` learns which tenants exist from ListTenants pages (100 a call) instead of one read per tenant. */
const LIST_THRESHOLD = 100;

/** Props of {@link TenantOnboarding}. */
export interface TenantOnboardingProps {
  /** The application's identity; tenants it creates are marked `<owner>/<stack>`. Must not contain `/`. */
  readonly owner: string;
  /** Region of the tenants. */
  readonly region: string;
  /** The stack part of the marker; a name no IaC stack of the same owner uses. @default 'runtime' */
  readonly stack?: string;
  /** The 12-digit account the tenants must be in: refused (before any SES call) when the credentials act elsewhere. @default - the credentials' account (STS GetCallerIdentity) */
  readonly account?: string;
  /** SES v2 endpoint, such as the local emulator's. @default - the SDK's own (AWS_ENDPOINT_URL_SESV2, then AWS) */
  readonly endpoint?: string;
  /** Explicit credentials. @default - the standard credential chain */
  readonly credentials?: SesClientOptions['credentials'];
  /** Shared-config profile. @default - the SDK's own */
  readonly profile?: string;
  /** Role to assume. @default - none */
  readonly assumeRoleArn?: string;
  /** Most SES requests per second this object sends (the account's rate limit). @default - no pacing */
  readonly maxRps?: number;
  /** An SESv2Client of your own (region and credentials are then its own; `endpoint` still tells the account guard where STS is; it is not destroyed by `close`). @default - one built from the props above */
  readonly client?: SESv2Client;
}

/** Options of {@link TenantOnboarding.ensure}. */
export interface EnsureOptions {
  /** Plan only: read, compute the typed plan, write nothing. @default false */
  readonly dryRun?: boolean;
}

/** What `ensure` did (or, on a dry run, would do) to one tenant. */
export interface EnsureResult {
  /** Tenant name. */
  readonly tenantName: string;
  /** TenantId; empty on a dry run of a create. */
  readonly tenantId: string;
  /** Tenant ARN; empty on a dry run of a create. */
  readonly tenantArn: string;
  /** `create`, `update`, or `none` when the tenant already matched. */
  readonly action: 'create' | 'update' | 'none';
  /** The field changes applied (or planned). */
  readonly changes: readonly FieldChange[];
  /** True when nothing was written because of `dryRun`. */
  readonly dryRun: boolean;
  /** The typed plan (one stack, at most one tenant), as the CLI and the provider build it. */
  readonly plan: Plan;
}

/** What `release` / `remove` did. */
export interface RemoveResult {
  /** Tenant name. */
  readonly tenantName: string;
  /** TenantId of the tenant; empty when it did not exist. */
  readonly tenantId: string;
  /** `release` (kept with its TenantId and associations, marker removed), `delete`, or `none` when it did not exist. */
  readonly action: 'release' | 'delete' | 'none';
}

/** Options of {@link TenantOnboarding.remove}. */
export interface RemoveOptions {
  /** `true` deletes the tenant (its TenantId and reputation history are lost for good), `false` releases it. @default - the `removalPolicy` the tenant was last ensured with (`retain`: release) */
  readonly delete?: boolean;
}

/** A send to check with {@link TenantOnboarding.checkSend}. */
export interface CheckSendInput {
  /** The tenant the send names (`TenantName`). */
  readonly tenantName: string;
  /** FromEmailAddress. */
  readonly from: string;
  /** ConfigurationSetName of the send. @default - the identity's default configuration set */
  readonly configurationSet?: string;
  /** Template of the send. @default - none */
  readonly template?: string;
}

/** Progress of {@link TenantOnboarding.ensureMany}: one event per tenant as it finishes. */
export interface EnsureProgress {
  /** Tenants finished so far (this one included). */
  readonly done: number;
  /** Tenants in the batch. */
  readonly total: number;
  /** The tenant that finished. */
  readonly tenantName: string;
  /** Its result, when it succeeded. */
  readonly result?: EnsureResult;
  /** Its error, when it failed. */
  readonly error?: Error;
}

/** Options of {@link TenantOnboarding.ensureMany}. */
export interface EnsureManyOptions extends EnsureOptions {
  /** Tenants ensured at once. @default 8 */
  readonly concurrency?: number;
  /** Receives one event per tenant as it finishes. @default - none */
  readonly onProgress?: (event: EnsureProgress) => void;
}

/** What `ensureMany` did: per-tenant results and failures (a failure of one tenant does not stop the others). */
export interface EnsureManyResult {
  /** Results of the tenants that succeeded, in input order. */
  readonly results: readonly EnsureResult[];
  /** Tenants that failed, with their error, in input order. */
  readonly failures: readonly { readonly tenantName: string; readonly error: Error }[];
  /** Tenants by outcome. */
  readonly counts: { readonly created: number; readonly updated: number; readonly unchanged: number; readonly failed: number };
}

/** A step of an apply failed in a way no re-read resolves. */
export class OnboardingApplyError extends Error {
  /** The failure as apply reported it. */
  readonly failure: ApplyFailure;

  constructor(failure: ApplyFailure) {
    super(`tenant ${failure.tenant}: ${failure.action} failed: ${failure.error.name}: ${failure.error.message}`);
    this.name = 'OnboardingApplyError';
    this.failure = failure;
  }
}

/** A race another writer can cause, resolved by reading the tenant again and planning again. */
function isResolvableRace(failure: ApplyFailure): boolean {
  return (failure.action === 'create' && isAlreadyExists(failure.error)) || failure.error.name === 'ConflictException';
}

/**
 * Onboards SES tenants from application code (customer sign-up, backfills) through the same
 * engine as the CLI, the hooks and the provider: a single-tenant plan (`planTenant`) applied by
 * `applyPlan`, with the ownership marker `<owner>/runtime`, so an application never touches a
 * stack's tenants nor a stack the application's, without `adopt`. Loads no cdktf, cdktn or
 * constructs.
 */
export class TenantOnboarding {
  private readonly client: SESv2Client;
  private readonly gateway: SesGateway;
  private readonly ownsClient: boolean;
  private readonly queue = new PerTenantQueue();
  private target: Promise<StackTarget> | undefined;

  constructor(private readonly props: TenantOnboardingProps) {
    const checked = stackTargetSchema.safeParse(this.targetWith(props.account ?? '000000000000', 'aws'));
    if (!checked.success) {
      throw new SpecValidationError(
        checked.error.issues.map((i) => ({ tenant: '(all)', field: i.path.join('.'), rule: i.message, value: (props as unknown as Record<string, unknown>)[String(i.path[0])] })),
        'Invalid TenantOnboarding props',
      );
    }
    this.ownsClient = props.client === undefined;
    this.client =
      props.client ??
      createSesClient({
        region: props.region,
        endpoint: props.endpoint,
        profile: props.profile,
        assumeRoleArn: props.assumeRoleArn,
        credentials: props.credentials,
        maxRequestsPerSecond: props.maxRps,
      });
    this.gateway = sesGateway(this.client);
  }

  /** The managed-by marker of this onboarding's tenants: `<owner>/<stack>`. */
  get marker(): string {
    return ownerMarker({ owner: this.props.owner, stack: this.props.stack ?? RUNTIME_STACK });
  }

  private targetWith(account: string, partition: string): StackTarget {
    return {
      formatVersion: 2,
      owner: this.props.owner,
      stack: this.props.stack ?? RUNTIME_STACK,
      region: this.props.region,
      account,
      partition,
      tenantQuota: DEFAULT_TENANT_QUOTA,
    };
  }

  /** The target, after the account guard (one STS GetCallerIdentity per TenantOnboarding). */
  private resolveTarget(): Promise<StackTarget> {
    this.target ??= (async () => {
      const { account, partition } = await whoAmI(this.client, this.props.region, { sesEndpoint: this.props.endpoint });
      const target = this.targetWith(this.props.account ?? account, partition);
      if (this.props.account !== undefined) await assertAccount(this.client, { account: this.props.account, region: this.props.region, stack: this.marker });
      return target;
    })();
    this.target.catch(() => (this.target = undefined));
    return this.target;
  }

  /** Shape errors of the inputs, all at once, before any call. */
  private static shapeViolations(inputs: readonly TenantInput[]): SpecViolation[] {
    return inputs.flatMap((input, i) => schemaViolations(isOnboardingTenant(input) ? onboardingTenantSchema : tenantSpecSchema, input, inputs.length > 1 ? `[${i}]` : undefined));
  }

  /** Validates every input (shape, then the stack rules against the target) and returns their canonical specs. */
  private async specsOf(inputs: readonly TenantInput[]): Promise<{ target: StackTarget; specs: CanonicalTenant[] }> {
    const shape = TenantOnboarding.shapeViolations(inputs);
    if (shape.length > 0) throw new SpecValidationError(shape);
    const target = await this.resolveTarget();
    const specs = inputs.map((input) => toTenantSpec(input, target));
    const rules = validateStackRules({
      target,
      tenants: specs.map((spec, i) => ({ spec, allowIncompleteSending: isOnboardingTenant(inputs[i]) && inputs[i].allowIncompleteSending === true })),
    });
    if (rules.length > 0) throw new SpecValidationError(rules);
    return { target, specs };
  }

  /**
   * Makes the tenant match `input`: creates it (TenantId returned) or updates it in place, never
   * recreating it. Idempotent: a second call reads and writes nothing. Invalid input throws
   * SpecValidationError before any call; a tenant of another owner throws OwnershipError naming
   * it, unless `adopt: true`. A create that loses a race to another writer of the same owner
   * re-reads and converges instead of failing.
   */
  async ensure(input: TenantInput, options: EnsureOptions = {}): Promise<EnsureResult> {
    const { target, specs } = await this.specsOf([input]);
    return this.ensureSpec(target, specs[0], options.dryRun === true, false);
  }

  /**
   * Ensures many tenants (a backfill), `concurrency` at a time, with one progress event per
   * tenant. Every input is validated before any call. From 100 tenants on, which ones exist is
   * learnt from ListTenants pages, so a new tenant costs only its writes.
   */
  async ensureMany(inputs: readonly TenantInput[], options: EnsureManyOptions = {}): Promise<EnsureManyResult> {
    const { target, specs } = await this.specsOf(inputs);
    const existing = specs.length >= LIST_THRESHOLD ? new Set((await allPages((token) => this.gateway.listTenantsPage(token))).map((t) => t.TenantName)) : undefined;
    const limit = pLimit(options.concurrency ?? 8);
    let done = 0;
    const outcomes = await Promise.all(
      specs.map((spec) =>
        limit(async () => {
          let outcome: EnsureResult | Error;
          try {
            outcome = await this.ensureSpec(target, spec, options.dryRun === true, existing !== undefined && !existing.has(spec.name));
          } catch (err) {
            outcome = err instanceof Error ? err : new Error(String(err));
          }
          done++;
          options.onProgress?.({ done, total: specs.length, tenantName: spec.name, ...(outcome instanceof Error ? { error: outcome } : { result: outcome }) });
          return { tenantName: spec.name, outcome };
        }),
      ),
    );
    const results = outcomes.flatMap((o) => (o.outcome instanceof Error ? [] : [o.outcome]));
    const failures = outcomes.flatMap((o) => (o.outcome instanceof Error ? [{ tenantName: o.tenantName, error: o.outcome }] : []));
    return {
      results,
      failures,
      counts: {
        created: results.filter((r) => r.action === 'create').length,
        updated: results.filter((r) => r.action === 'update').length,
        unchanged: results.filter((r) => r.action === 'none').length,
        failed: failures.length,
      },
    };
  }

  /** One tenant's ensure, coalesced in this process with identical concurrent calls for the same tenant. */
  private ensureSpec(target: StackTarget, spec: CanonicalTenant, dryRun: boolean, knownAbsent: boolean): Promise<EnsureResult> {
    const key = stableStringify({ op: 'ensure', hash: tenantSpecHash(spec), adopt: spec.adopt, dryRun });
    return this.queue.run(spec.name, key, () => this.converge(target, spec, dryRun, knownAbsent));
  }

  private async converge(target: StackTarget, spec: CanonicalTenant, dryRun: boolean, knownAbsent: boolean): Promise<EnsureResult> {
    for (let attempt = 0; ; attempt++) {
      // A tenant known to be absent (listed just now) is created without a read; a race sends it to the next round.
      const live = knownAbsent && attempt === 0 ? undefined : await readTenantForEnsure(this.gateway, target, spec.name);
      const plan = planTenant({ target, desired: spec, live });
      const change = plan.stacks[0].changes[0];
      const base = { tenantName: spec.name, plan, dryRun };
      if (!change) return { ...base, tenantId: live?.id ?? '', tenantArn: live?.arn ?? '', action: 'none', changes: [] };
      const action = change.action === 'create' ? 'create' : 'update';
      if (dryRun) return { ...base, tenantId: live?.id ?? '', tenantArn: live?.arn ?? '', action, changes: change.changes };
      const result = await applyPlan(plan, () => this.gateway, { onNameTaken: 'fail' });
      const failure = result.failures[0];
      if (!failure) {
        const created = result.created[0];
        return { ...base, tenantId: created?.tenantId ?? live?.id ?? '', tenantArn: created?.arn ?? live?.arn ?? '', action, changes: change.changes };
      }
      if (!isResolvableRace(failure) || attempt >= MAX_REPLANS) throw new OnboardingApplyError(failure);
    }
  }

  /** Releases a tenant of this owner: it stays in SES with its TenantId and associations; only the marker goes. */
  release(tenantName: string): Promise<RemoveResult> {
    return this.remove(tenantName, { delete: false });
  }

  /**
   * Removes a tenant of this owner from its management: by the `removalPolicy` it was last ensured
   * with (a release unless `destroy`), or as `delete` says (`true` deletes, `false` releases). A
   * tenant of another owner (or of none) is refused with OwnershipError.
   */
  async remove(tenantName: string, options: RemoveOptions = {}): Promise<RemoveResult> {
    const named = tenantNameSchema.safeParse(tenantName);
    if (!named.success) throw new SpecValidationError([{ tenant: String(tenantName), field: 'tenantName', rule: named.error.issues[0].message, value: tenantName }]);
    const target = await this.resolveTarget();
    const policy = options.delete === undefined ? undefined : options.delete ? 'destroy' : 'retain';
    return this.queue.run(tenantName, `remove:${policy}`, async () => {
      const live = await readLiveTenant(this.gateway, target, tenantName, 'tenant');
      if (!live) return { tenantName, tenantId: '', action: 'none' };
      this.checkOwned(live);
      // Without `delete`, the policy is the live tenant's removal-policy tag (planTenant's default).
      const plan = planTenant({ target, desired: undefined, live, ...(policy ? { removalPolicy: policy } : {}) });
      const change = plan.stacks[0].changes[0];
      const result = await applyPlan(plan, () => this.gateway, { allowDelete: true });
      if (result.failures[0]) throw new OnboardingApplyError(result.failures[0]);
      return { tenantName, tenantId: live.id, action: change?.action === 'delete' ? 'delete' : 'release' };
    });
  }

  private checkOwned(live: LiveTenant): void {
    const marker = live.tags[MANAGED_BY_TAG];
    if (marker === this.marker) return;
    throw new OwnershipError(`tenant ${live.name} (${live.id}) is ${describeOwner(marker)}; ${this.marker} releases or deletes only its own tenants`);
  }

  /** Would SES accept this send through the tenant now? The send gate of `ses-tenants check-send --live`. */
  async checkSend(input: CheckSendInput): Promise<SendVerdict> {
    const target = await this.resolveTarget();
    const request = { tenant: input.tenantName, from: input.from, ...(input.configurationSet ? { configurationSet: input.configurationSet } : {}), ...(input.template ? { template: input.template } : {}) };
    return evaluateSend(request, await liveSendView(this.gateway, { target, tenants: {} }, request));
  }

  /** Releases the SES client's sockets (when this object built the client). */
  close(): void {
    if (this.ownsClient) this.client.destroy();
  }
}

