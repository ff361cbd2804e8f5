import { z } from 'zod';
import { REMOVAL_POLICIES, resourceRefSchema, stackTargetSchema, tenantNameSchema, tenantSpecSchema } from './tenant-spec';
import { TENANT_DEFAULTS } from './tenant-defaults';

/**
 * The hook contract, part of the spec's language: the constructs emit it, the hook program
 * (`src/hooks/`) reads it. What Terraform's `terraform_data` hooks pass to the bundled hook program.
 *
 * Each hook runs `node <stack dir>/assets/ses-tenants-hook/<hash>/hook.js` through local-exec with
 * `interpreter = ["node"]` (no shell is involved), and passes everything as environment values:
 *
 * - `SES_TENANTS_HOOK_ACTION`: one of HOOK_ACTIONS.
 * - `SES_TENANTS_HOOK_INPUT`: the JSON document of HookInput for that action.
 *
 * What Terraform keeps in state (mirrored in `output`) is only what a destroy-time hook needs,
 * since those can read nothing but `self`: the tenant instance stores TenantDeleteHookInput, the
 * association instance AssociationHookInput, each as one JSON string; the settings instance
 * stores nothing but its triggers. The create-time hooks (`tenant-create`, `settings-apply`) get
 * the tenant's whole spec from the configuration being applied (`each.value`), not from state.
 *
 * The hook inherits Terraform's environment, so `AWS_ENDPOINT_URL_SESV2`, credentials and
 * `AWS_PROFILE` work as for any SDK program; the region, and the profile or role declared on the
 * TenantStack, come from the input's `target` so that hooks act where the stack's AwsProvider does.
 *
 * Destroy-time hooks (`tenant-delete`, `association-delete`) also read the CURRENT configuration,
 * the stack's `cdk.tf.json` in Terraform's working directory: a tenant or association still
 * declared there is being replaced (taint, a trigger change), not removed, so nothing is undone
 * (a tenant is released, then taken back by its create hook).
 *
 * Exit codes: 0 done (or nothing to do), 1 the AWS call failed, 2 the input is invalid.
 * On failure the hook prints one line to stderr: `ses-tenants hook <action> <tenant>: <reason>`.
 */

/** Environment variable naming the action. */
export const HOOK_ACTION_ENV = 'SES_TENANTS_HOOK_ACTION';
/** Environment variable holding the JSON input. */
export const HOOK_INPUT_ENV = 'SES_TENANTS_HOOK_INPUT';

/** Hook exit codes. */
export const HOOK_EXIT = { ok: 0, failed: 1, invalidInput: 2 } as const;

/** What a hook does. */
export const HOOK_ACTIONS = [
  'tenant-create',
  'tenant-delete',
  'association-create',
  'association-delete',
  'settings-apply',
] as const;
/** What a hook does. */
export type HookAction = (typeof HOOK_ACTIONS)[number];

/** Input of `tenant-create` and `settings-apply`: the stack target and the tenant's whole spec. */
export const tenantHookInputSchema = z.object({ target: stackTargetSchema, tenant: tenantSpecSchema }).strict();
/**
 * Input of `tenant-delete`: the stack target, the tenant name and its removal policy (what release
 * or delete needs). The full {@link tenantHookInputSchema} of a state written before the inputs
 * were trimmed is accepted too, and read as its name and removal policy.
 */
export const tenantDeleteHookInputSchema = z
  .object({ target: stackTargetSchema, tenant: tenantNameSchema, removalPolicy: z.enum(REMOVAL_POLICIES) })
  .strict();
const legacyTenantDeleteInputSchema = tenantHookInputSchema.transform((legacy) => ({
  target: legacy.target,
  tenant: legacy.tenant.name,
  removalPolicy: legacy.tenant.removalPolicy ?? TENANT_DEFAULTS.removalPolicy,
}));
/**
 * Input of `association-create` and `association-delete`: the stack target, the tenant name, one
 * resource, and the tenant's removal policy (a retained tenant keeps its associations when released).
 */
export const associationHookInputSchema = z
  .object({ target: stackTargetSchema, tenant: tenantNameSchema, resource: resourceRefSchema, removalPolicy: z.enum(REMOVAL_POLICIES) })
  .strict();

/** Input of a tenant-create or settings hook. */
export type TenantHookInput = z.infer<typeof tenantHookInputSchema>;
/** Input of a tenant-delete hook. */
export type TenantDeleteHookInput = z.infer<typeof tenantDeleteHookInputSchema>;
/** Input of an association hook. */
export type AssociationHookInput = z.infer<typeof associationHookInputSchema>;

/** The input schema of each action. */
export const HOOK_INPUT_SCHEMAS = {
  'tenant-create': tenantHookInputSchema,
  'tenant-delete': z.union([tenantDeleteHookInputSchema, legacyTenantDeleteInputSchema]),
  'settings-apply': tenantHookInputSchema,
  'association-create': associationHookInputSchema,
  'association-delete': associationHookInputSchema,
} as const;
