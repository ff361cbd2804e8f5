import { AssetType, TerraformAsset } from 'cdktf';
import type { LocalExecProvisioner, TerraformStack } from 'cdktf';
import { HOOK_ACTION_ENV, HOOK_INPUT_ENV, type HookAction } from '../../tenant-spec/hook-contract';
import { SYNTH_NAMES } from '../../tenant-spec/synth-names';
import { hookProgramPath } from './hook-program';
import { TerraformData } from './terraform-data';

const TENANTS = `local.${SYNTH_NAMES.tenantsLocal}`;
const TARGET = `local.${SYNTH_NAMES.targetLocal}`;

/**
 * One association per (tenant, resource), keyed `tenant|type|name`: the
 * key is known at plan time even when an ARN is not.
 */
const ASSOCIATIONS =
  `{for a in flatten([for t in ${TENANTS} : [for r in t.resources : ` +
  `{key = join("|", [t.name, r.type, r.name]), tenant = t.name, resource = r, removalPolicy = t.removalPolicy}]]) : ` +
  `a.key => {tenant = a.tenant, resource = a.resource, removalPolicy = a.removalPolicy}}`;

/** The three hook blocks of a TenantStack and the asset of the hook program they run. */
export interface HookBlocks {
  /** `terraform_data.ses_tenant`: one instance per tenant. */
  readonly tenant: TerraformData;
  /** `terraform_data.ses_tenant_association`: one instance per (tenant, resource). */
  readonly association: TerraformData;
  /** `terraform_data.ses_tenant_settings`: one instance per tenant, replaced when its settings change. */
  readonly settings: TerraformData;
  /** The bundled hook program, copied into the stack directory. */
  readonly asset: TerraformAsset;
}

/**
 * The input as the hook program reads it, from `self.input`: a JSON string (what this version
 * stores), or an object (an instance stored before the inputs were trimmed, read by its destroy hook).
 */
const STORED_INPUT = '${try(tostring(self.input), jsonencode(self.input))}';

/**
 * A local-exec provisioner that runs the hook program with node. The command is the asset's
 * relative path, a constant; the data travels JSON-encoded in the environment (`input`, a
 * Terraform expression of a JSON string), never through a shell.
 */
function hook(command: string, action: HookAction, input: string, when?: 'destroy'): LocalExecProvisioner {
  return {
    type: 'local-exec',
    interpreter: ['node'],
    command,
    environment: { [HOOK_ACTION_ENV]: action, [HOOK_INPUT_ENV]: input },
    ...(when ? { when } : {}),
  };
}

/**
 * Adds the hook program asset and the three for_each hook blocks, which are emitted even when there is no tenant.
 *
 * State holds only what the destroy-time hooks need, since they can read nothing but `self` (and
 * the current cdk.tf.json): each `input` is one JSON string (no type annotation in state), mirrored
 * in `output`. The create-time hooks read the tenant's whole spec from the configuration being
 * applied (`each.value`), so the settings hook writes the spec-hash of the whole spec, exactly.
 */
export function addHookBlocks(stack: TerraformStack): HookBlocks {
  const asset = new TerraformAsset(stack, SYNTH_NAMES.hookAsset, { path: hookProgramPath(), type: AssetType.FILE });
  const command = asset.path;
  // tenant-create and settings-apply: the target and the whole spec, from the configuration.
  const wholeSpec = `\${jsonencode({target = ${TARGET}, tenant = each.value})}`;

  const tenant = new TerraformData(stack, SYNTH_NAMES.tenantHook, {
    forEachExpression: TENANTS,
    triggersReplace: { name: '${each.value.name}', region: `\${${TARGET}.region}`, account: `\${${TARGET}.account}` },
    // What release or delete needs: a removal-policy change updates it in place and runs no hook.
    input: `\${jsonencode({target = ${TARGET}, tenant = each.value.name, removalPolicy = each.value.removalPolicy})}`,
    provisioners: [hook(command, 'tenant-create', wholeSpec), hook(command, 'tenant-delete', STORED_INPUT, 'destroy')],
  });

  // No tenant instance id in the triggers below: a replaced tenant hook (taint) releases and takes
  // back the same tenant, so its associations and settings have nothing to redo (DESIGN rule 2).
  const association = new TerraformData(stack, SYNTH_NAMES.associationHook, {
    forEachExpression: ASSOCIATIONS,
    triggersReplace: {
      tenant: '${each.value.tenant}',
      type: '${each.value.resource.type}',
      name: '${each.value.resource.name}',
      arn: '${each.value.resource.arn}',
      region: `\${${TARGET}.region}`,
      account: `\${${TARGET}.account}`,
    },
    input: `\${jsonencode({target = ${TARGET}, tenant = each.value.tenant, resource = each.value.resource, removalPolicy = each.value.removalPolicy})}`,
    dependsOn: [tenant],
    provisioners: [hook(command, 'association-create', STORED_INPUT), hook(command, 'association-delete', STORED_INPUT, 'destroy')],
  });

  // The settings hook runs last (after the associations) whenever anything of the tenant's spec
  // changed, and writes the spec-hash of the whole spec: so the hash is never stale. It has no
  // destroy hook, so it stores no input: the trigger's hash of the spec is all its state holds.
  const settings = new TerraformData(stack, SYNTH_NAMES.settingsHook, {
    forEachExpression: TENANTS,
    triggersReplace: {
      name: '${each.value.name}',
      region: `\${${TARGET}.region}`,
      account: `\${${TARGET}.account}`,
      spec: '${sha256(jsonencode(each.value))}',
    },
    dependsOn: [tenant, association],
    provisioners: [hook(command, 'settings-apply', wholeSpec)],
  });

  return { tenant, association, settings, asset };
}
