import * as fs from 'fs';
import * as path from 'path';
import { Token } from 'cdktf';
import type { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import type { ISynthesisSession } from 'cdktf/lib/synthesize/types';
import { Construct } from 'constructs';
import { SestenantsProvider } from '../../bindings/provider';
import type { SestenantsProviderConfig } from '../../bindings/provider';
import { Tenant } from '../../bindings/tenant';
import { DataSestenantsOrphanedTenants } from '../../bindings/data-sestenants-orphaned-tenants';
import { TerraformData } from './terraform-data';
import type { TenantConfig } from '../../bindings/tenant';
import { SYNTH_NAMES } from '../../tenant-spec/synth-names';
import type { StackTarget } from '../../tenant-spec';
import { mirrorPlatforms, PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE, providerProgram } from './provider-program';
import type { ProviderProgram } from './provider-program';

/** Construct id (and Terraform name) of the one `sestenants_tenant` block: `sestenants_tenant.ses_tenant["<name>"]`. */
export const TENANT_BLOCK = 'ses_tenant';
/** Where a stack directory holds the provider: Terraform's implied local mirror, relative to the stack directory. */
export const PLUGIN_DIR = path.join('terraform.d', 'plugins', PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE);
/** Construct id (and Terraform name) of the data source that warns about orphaned tenants: `data.sestenants_orphaned_tenants.ses_tenant_orphans`. */
export const ORPHANS_BLOCK = 'ses_tenant_orphans';
/**
 * Construct id of a `terraform_data` block with no instance that depends on the tenant block: the
 * orphans data source refers to it, so Terraform reads it after planning every tenant instance
 * (the removed ones too) yet never defers the read to apply (a block with no instance has no change).
 */
export const TENANTS_PLANNED_BLOCK = 'ses_tenants_planned';
const LOCK_FILE = '.terraform.lock.hcl';
const ADDRESS = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;
const EACH = 'each.value';

/** The provider backend of a TenantStack: the `sestenants` provider and the one for_each tenant block. */
export interface ProviderBlocks {
  /** `provider "sestenants"`, configured from the stack target. */
  readonly provider: SestenantsProvider;
  /** `sestenants_tenant.ses_tenant`: one instance per tenant of `locals.ses_tenants`. */
  readonly tenant: Tenant;
  /** `data.sestenants_orphaned_tenants`: warns at plan about tenants this stack still marks but no longer declares (a lost state). */
  readonly orphans: DataSestenantsOrphanedTenants;
  /** The provider executable the stack directory ships, and its version (pinned in `required_providers`). */
  readonly program: ProviderProgram;
}

/** Options of the provider backend. */
export interface ProviderBlocksOptions {
  /**
   * SES v2 endpoint written into the provider block (`endpoints { sesv2 }`).
   * @default - none: the provider uses AWS_ENDPOINT_URL_SESV2, then AWS
   */
  readonly endpoint?: string;
}

/**
 * Declares the sestenants provider through the generated bindings, pinned to the exact version
 * of the executable this package ships, and emits the tenants as ONE `sestenants_tenant` block with
 * `for_each` over `locals.ses_tenants`: each attribute is an expression on the canonical spec
 * (`each.value.xxx`), so synth costs one block whatever the number of tenants. The stack directory
 * gets the executable (an implied local mirror) and its lock entry, see {@link ProviderMirror}.
 */
export function addProviderBlocks(stack: TerraformStack, target: StackTarget, options: ProviderBlocksOptions = {}): ProviderBlocks {
  const program = providerProgram();
  // The generated config marks single-nesting blocks with a required attribute as required; they are optional in the schema.
  const providerConfig: Omit<SestenantsProviderConfig, 'assumeRole'> & Partial<Pick<SestenantsProviderConfig, 'assumeRole'>> = {
    region: target.region,
    owner: target.owner,
    stack: target.stack,
    // Refusals at plan then name the fix as a SesTenant prop (adopt: true), not as HCL.
    declaredBy: 'cdktf',
    accountId: target.account,
    allowedAccountIds: [target.account],
    // The provider refuses at plan what synth refuses: more tenants than the stack's quota.
    tenantQuota: target.tenantQuota,
    profile: target.profile,
    assumeRole: target.assumeRoleArn !== undefined ? { roleArn: target.assumeRoleArn } : undefined,
    endpoints: options.endpoint !== undefined ? { sesv2: options.endpoint } : undefined,
  };
  const provider = new SestenantsProvider(stack, PROVIDER_TYPE, providerConfig as SestenantsProviderConfig);
  stack.addOverride(`terraform.required_providers.${PROVIDER_TYPE}.version`, program.version);

  const tenantConfig: Omit<TenantConfig, 'suppression'> = {
    provider,
    name: `\${${EACH}.name}`,
    resourceAssociations: Token.asList(`\${[for r in ${EACH}.resources : r.arn]}`),
    reputationPolicy: `\${${EACH}.reputationPolicy}`,
    sendingStatus: `\${${EACH}.sendingStatus}`,
    tags: Token.asStringMap(`\${${EACH}.tags}`),
    removalPolicy: `\${${EACH}.removalPolicy}`,
    adopt: Token.asAny(`\${${EACH}.adopt}`),
  };
  const tenant = new Tenant(stack, TENANT_BLOCK, tenantConfig as TenantConfig);
  tenant.addOverride('for_each', `\${local.${SYNTH_NAMES.tenantsLocal}}`);
  // suppression is null (SES defaults) or one block: a dynamic block of at most one element.
  tenant.addOverride('dynamic.suppression', {
    for_each: `\${${EACH}.suppression == null ? [] : [${EACH}.suppression]}`,
    content: { scope: '${suppression.value.scope}', reasons: '${suppression.value.reasons}' },
  });
  const planned = new TerraformData(stack, TENANTS_PLANNED_BLOCK, { count: 0, dependsOn: [tenant] });
  const orphans = new DataSestenantsOrphanedTenants(stack, ORPHANS_BLOCK, {
    provider,
    declared: Token.asList(`\${length(${planned.terraformResourceType}.${TENANTS_PLANNED_BLOCK}) == 0 ? keys(local.${SYNTH_NAMES.tenantsLocal}) : []}`),
  });
  new ProviderMirror(stack, 'sestenants-provider-mirror', program);
  return { provider, tenant, orphans, program };
}

/**
 * Writes the provider executable into the stack directory at synth, under
 * `terraform.d/plugins/registry.terraform.io/cdktf-ses-tenants/sestenants/<version>/<os>_<arch>/`
 * (where `terraform init` finds it with no CLI config and no network), removing other versions,
 * and records it in the stack's `.terraform.lock.hcl` (other providers' entries are kept). With
 * the lock entry in place, `cdktf deploy` neither runs `terraform providers lock` (which cannot
 * lock a provider that only a mirror has) nor needs `init -upgrade` after the executable changed.
 */
export class ProviderMirror extends Construct {
  constructor(
    scope: TerraformStack,
    id: string,
    private readonly program: ProviderProgram,
  ) {
    super(scope, id);
    addCustomSynthesis(this, { onSynthesize: (session) => this.write(session) });
  }

  private write(session: ISynthesisSession): void {
    const stackDir = path.join(session.outdir, session.manifest.forStack(this.node.scope as TerraformStack).workingDirectory);
    const plugins = path.join(stackDir, PLUGIN_DIR);
    if (fs.existsSync(plugins)) {
      for (const version of fs.readdirSync(plugins)) if (version !== this.program.version) fs.rmSync(path.join(plugins, version), { recursive: true, force: true });
    }
    for (const platform of mirrorPlatforms()) {
      const dir = path.join(plugins, this.program.version, platform);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, this.program.fileName);
      const current = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
      if (!current?.equals(this.program.bytes)) fs.writeFileSync(file, this.program.bytes);
      fs.chmodSync(file, 0o755);
    }
    const lockFile = path.join(stackDir, LOCK_FILE);
    fs.writeFileSync(lockFile, withLockEntry(fs.existsSync(lockFile) ? fs.readFileSync(lockFile, 'utf8') : '', this.program));
  }
}

const LOCK_HEADER = '# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n';

/** A lock file with the provider's entry (version, exact constraint, `h1:` hash) in place of any earlier one. */
export function withLockEntry(lockFile: string, program: Pick<ProviderProgram, 'version' | 'lockHash'>): string {
  const others = lockFile.replace(new RegExp(`^provider "${ADDRESS.replace(/[./]/g, '\\$&')}" \\{\\n[\\s\\S]*?^\\}\\n*`, 'm'), '').trimEnd();
  const entry = [
    `provider "${ADDRESS}" {`,
    `  version     = "${program.version}"`,
    `  constraints = "${program.version}"`,
    '  hashes = [',
    `    "${program.lockHash}",`,
    '  ]',
    '}',
  ].join('\n');
  return `${others.length > 0 ? others : LOCK_HEADER.trimEnd()}\n\n${entry}\n`;
}
