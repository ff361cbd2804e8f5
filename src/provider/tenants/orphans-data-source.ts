import { ownerMarker } from '../../tenant-spec';
import { cty } from '../protocol/cty-type';
import { isUnknown, type TfValue } from '../protocol/value';
import { DataSourceType } from '../framework/resource';
import { markedTenants, type MarkedTenant } from './tenant-reads';
import type { TenantsTarget } from './tenants-target';

// After a lost or truncated state, the tenants whose release was cut off keep this stack's marker
// while no state holds them: no plan releases them and no other stack may take them. Terraform
// only asks the provider about what the configuration or the state names, so the configuration
// hands the declared names to this data source, which reports the rest. A data source (not only a
// `check` block) because the provider must read SES for the markers; its warning names every
// orphan and the repair, and its `tenants` lets a `check` block or a postcondition act on them.

/** At most this many names in the warning; `tenants` lists all. */
const NAMES_IN_WARNING = 1000;

const orphanType = cty.object({ name: cty.string, tenant_id: cty.string, arn: cty.string });

/** The warning of orphaned tenants: which, why, and the repair. */
export function orphansWarning(target: { readonly owner: string; readonly stack: string }, orphans: readonly MarkedTenant[]): [string, string] {
  const marker = ownerMarker(target);
  const shown = orphans.slice(0, NAMES_IN_WARNING).map((o) => `${o.name} (${o.id})`);
  const more = orphans.length > shown.length ? ` and ${orphans.length - shown.length} more (see the data source's tenants)` : '';
  return [
    `${orphans.length} tenant${orphans.length === 1 ? '' : 's'} marked ${marker} not in the configuration`,
    `SES has ${orphans.length} tenant${orphans.length === 1 ? '' : 's'} marked ses-tenants:managed-by = ${marker} that this configuration does not declare ` +
      `and this plan does not remove: ${shown.join(', ')}${more}. ` +
      'Terraform\'s state does not hold them (an apply killed while it released them, a truncated or deleted state file), so no plan will release them, ' +
      'and they still count as this stack\'s. Repair, per tenant: to keep it, declare it again (the next apply takes it back with its TenantId); ' +
      'to let it go, release it: `npx ses-tenants apply --stack ${target.stack}` in the cdktf project of a TenantStack releases what the stack no longer declares; in plain HCL, ' +
      'declare it with an import block (`import { to = sestenants_tenant.<x>, id = "<name>" }`), apply, then remove both and apply again. ' +
      'Then run `terraform apply` once so the state holds the declared tenants again. Keep the state remote (the S3 backend with use_lockfile) so that it is not lost.',
  ];
}

/** `data "sestenants_orphaned_tenants"`: tenants this owner and stack still mark that the configuration does not declare. */
export const orphanedTenantsDataSource: DataSourceType<TenantsTarget> = {
  typeName: 'sestenants_orphaned_tenants',
  schema: {
    description:
      'Tenants of the provider\'s region that carry this provider\'s ses-tenants:managed-by marker (owner/stack) but that the configuration does not declare ' +
      'and the plan does not remove: what a lost or truncated state leaves behind. Reading it warns with their names and the repair. ' +
      'Refer to the tenant resources in declared (for example [for t in sestenants_tenant.all : t.name]): Terraform then reads it after planning them, ' +
      'so the tenants this plan releases are not reported.',
    attributes: {
      declared: {
        type: cty.set(cty.string),
        required: true,
        description: 'Names of every tenant the configuration declares with this provider.',
      },
      tenants: {
        type: cty.list(orphanType),
        computed: true,
        description: 'The orphaned tenants, sorted by name (empty when none).',
      },
    },
  },
  async read(config, { meta, diagnostics }) {
    const declared = ((config.declared as readonly TfValue[] | null) ?? []).filter((n): n is string => typeof n === 'string' && !isUnknown(n));
    const skip = new Set([...declared, ...meta.declarations.removedTenants]);
    const orphans = await markedTenants(meta, skip);
    if (orphans.length > 0) diagnostics.warning(...orphansWarning(meta.target, orphans));
    return { declared: config.declared, tenants: orphans.map((o) => ({ name: o.name, tenant_id: o.id, arn: o.arn })) };
  },
};
