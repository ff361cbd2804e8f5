import { z } from 'zod';
import {
  REMOVAL_POLICIES,
  REPUTATION_POLICIES,
  SENDING_STATUSES,
  resourceRefSchema,
  stackTargetSchema,
  suppressionSchema,
  tenantNameSchema,
  tenantSpecSchema,
} from '../../tenant-spec/tenant-spec';
import { SES_SENDING_STATUSES } from '../../tenant-spec/sending-status';

/**
 * The plan, defined once: this schema validates a plan file read back from disk, the Plan types
 * are `z.infer` of it (`types.ts`), and the JSON renderer prints exactly this shape.
 */

/** Version of the plan file format; bumped on any incompatible change. */
export const PLAN_FORMAT_VERSION = 2;

/** Customer-managed or aggregate sending status as SES reports it. */
export const liveSendingStatusSchema = z.enum(SES_SENDING_STATUSES);

const policy = z.enum(REPUTATION_POLICIES);

/** One field-level change of a tenant (`tag` from/to null: absent). */
export const fieldChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('association'), op: z.enum(['add', 'remove']), resource: resourceRefSchema }).strict(),
  z.object({ kind: z.literal('reputation-policy'), from: policy.nullable(), to: policy }).strict(),
  z.object({ kind: z.literal('sending-status'), from: liveSendingStatusSchema.nullable(), to: z.enum(SENDING_STATUSES) }).strict(),
  z.object({ kind: z.literal('tag'), key: z.string(), from: z.string().nullable(), to: z.string().nullable() }).strict(),
  z.object({ kind: z.literal('suppression'), from: suppressionSchema.nullable(), to: suppressionSchema.nullable() }).strict(),
  z.object({ kind: z.literal('removal-policy'), from: z.enum(REMOVAL_POLICIES), to: z.enum(REMOVAL_POLICIES) }).strict(),
  z
    .object({
      kind: z.literal('adopt'),
      /** The managed-by marker the tenant has (`owner/stack`), null when it has none. */
      managedBy: z.string().nullable(),
      /** Set when the tenant was released by this same stack, which takes it back without `adopt`. */
      releasedBy: z.string().optional(),
    })
    .strict(),
]);

/**
 * Why a tenant differs: `code` (the code changed since the last apply), `drift` (the live tenant
 * changed outside the code), `adopt` (the stack takes over a tenant it did not manage),
 * `unfinished` (an apply created or changed it and was interrupted before its last step).
 */
export const CHANGE_ORIGINS = ['code', 'drift', 'adopt', 'unfinished'] as const;

/** The plan of one tenant. */
export const tenantChangeSchema = z
  .object({
    /** Tenant name. */
    tenant: tenantNameSchema,
    /** What happens to it. */
    action: z.enum(['create', 'update', 'release', 'delete', 'no-op']),
    /** Code change, drift, adoption or an unfinished apply; absent for create, release and delete. */
    origin: z.enum(CHANGE_ORIGINS).optional(),
    /** TenantId of the live tenant (absent for create). */
    tenantId: z.string().optional(),
    /** Field-level changes, in a stable order. */
    changes: z.array(fieldChangeSchema),
    /** The desired spec (create and update). */
    spec: tenantSpecSchema.optional(),
    /** Display-only explanation, such as why a delete happens. */
    reason: z.string().optional(),
    /** The `ses-tenants:spec-hash` tag: the live value (null when absent) and the hash apply writes; apply skips the write when equal. */
    specHash: z.object({ from: z.string().nullable(), to: z.string() }).strict().optional(),
  })
  .strict()
  .refine((c) => c.action === 'delete' || c.action === 'release' || c.action === 'no-op' || c.spec !== undefined, { message: 'create and update need the spec' })
  .refine((c) => c.action === 'create' || c.tenantId !== undefined, { message: 'update and delete need the TenantId' });

/** A live tenant that belongs to someone else: another app or stack, or nobody (created outside cdktf-ses-tenants). */
const foreignTenantSchema = z.object({ tenant: z.string(), tenantId: z.string() });

/** A live tenant that the stack does not manage. */
export const unmanagedTenantSchema = foreignTenantSchema
  .extend({
    /** The managed-by marker (`owner/stack`) of another app or stack; absent when nobody manages it. */
    managedBy: z.string().optional(),
    /** The released-by marker (`owner/stack`) of the stack that released it; absent when none did. */
    releasedBy: z.string().optional(),
  })
  .strict();

/** A declared tenant that exists live and belongs to someone else: the stack refuses to take it over without an explicit adopt. */
export const refusedAdoptSchema = foreignTenantSchema
  .extend({
    tenant: tenantNameSchema,
    /** The managed-by marker it has (`owner/stack`), null when it was created outside cdktf-ses-tenants. */
    managedBy: z.string().nullable(),
  })
  .strict();

/** The plan of one stack. */
export const stackPlanSchema = z
  .object({
    /** Stack name, region, account, partition and credentials. */
    target: stackTargetSchema,
    /** Hash of the live state the plan was computed from (the stack's region and account). */
    liveFingerprint: z.string(),
    /** Hash of each live tenant's state, so that a stale plan can say which tenant moved. */
    liveTenantHashes: z.record(z.string(), z.string()),
    /** Every tenant that changes, sorted by name (no-op tenants are only counted). */
    changes: z.array(tenantChangeSchema),
    /** How many declared tenants need no change. */
    unchanged: z.number().int().nonnegative(),
    /** Live tenants that no stack of this app manages, sorted by name. */
    unmanaged: z.array(unmanagedTenantSchema),
    /** Declared tenants that belong to another owner or to nobody and are not adopted explicitly, sorted by name: apply refuses the plan. */
    refused: z.array(refusedAdoptSchema),
    /**
     * Declared tenants that SES paused (aggregate DISABLED while the customer status is not), sorted:
     * information for the reviewer, not a change and not drift. Absent when there are none.
     */
    pausedBySes: z.array(z.string()).optional(),
  })
  .strict();

const count = z.number().int().nonnegative();

/** Counts over a whole plan: tenants to create, update (of those, `drifted`), release and delete, declared tenants unchanged, live tenants unmanaged, adoptions refused. */
export const planSummarySchema = z
  .object({ create: count, update: count, release: count, delete: count, unchanged: count, drifted: count, unmanaged: count, refused: count })
  .strict();

/** The plan file schema: a plan over one or more stacks (sorted by stack name) with its summary. */
export const planSchema = z
  .object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    tool: z.literal('cdktf-ses-tenants'),
    stacks: z.array(stackPlanSchema),
    summary: planSummarySchema,
  })
  .strict();
