import { App, dependable, LocalBackend, TerraformBackend, TerraformStack } from 'cdktf';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import type { Construct, IConstruct } from 'constructs';
import type { ArnLocation } from '../tenant-spec/arn';
import { SYNTH_NAMES } from '../tenant-spec/synth-names';
import { DEFAULT_TENANT_QUOTA, SpecValidationError, TENANT_DEFAULTS, validateDeclaredStack, validateStackRules } from '../tenant-spec';
import type { RemovalPolicy, SpecViolation, StackTarget, TenantSpec } from '../tenant-spec';
import { defaultOwner } from './private/default-owner';
import type { EmailIdentityOptions, IEmailIdentity } from './email-identity';
import type { EmailTemplateOptions, IEmailTemplate } from './email-template';
import type { IConfigurationSet } from './configuration-set';
import { declareTenant } from './private/declare-tenant';
import type { TenantDeclaration } from './private/declare-tenant';
import { addHookBlocks } from './private/hook-blocks';
import type { HookBlocks } from './private/hook-blocks';
import { addProviderBlocks } from './private/provider-blocks';
import type { ProviderBlocks } from './private/provider-blocks';
import { addHooksMigration } from './private/hooks-migration';
import { NativeResources, newAwsProvider } from './private/native-resources';
import { StackResource } from './private/references';
import { escapeTemplateStrings } from '../tenant-spec/terraform-template';
import { registerTenantStack, tenantStackOf } from './private/registry';
import type { SesTenantProps } from './ses-tenant-props';

/** How a TenantStack applies its tenants: the `sestenants` provider, or `terraform_data` hooks. */
export type TenantStackBackend = 'provider' | 'hooks';
/** The backend of a TenantStack that does not choose one. */
export const DEFAULT_BACKEND: TenantStackBackend = 'provider';

/** Properties of a TenantStack. */
export interface TenantStackProps {
  /**
   * The app's identity, such as its repository name: the managed-by marker of the stack's tenants
   * is `<owner>/<stack>`, so two apps that both name a stack `ses-eu` never take each other's
   * tenants. No `/`.
   * @default - the `projectId` of the `cdktf.json` in the working directory; construction fails when there is none
   */
  readonly owner?: string;
  /**
   * What removing a tenant from the code does, for tenants that do not set their own.
   * @default 'retain'
   */
  readonly removalPolicy?: RemovalPolicy;
  /** AWS region of the stack's tenants and of every resource they use, such as `eu-central-1`. */
  readonly region: string;
  /** 12-digit AWS account ID of the stack's tenants and resources. */
  readonly accountId: string;
  /**
   * AWS partition.
   * @default 'aws'
   */
  readonly partition?: string;
  /**
   * Tenants SES allows in this region and account; a stack that declares more fails to synthesize.
   * @default 10000
   */
  readonly tenantQuota?: number;
  /**
   * Named AWS profile, used by the AwsProvider and by the hooks alike.
   * @default - the default credential chain
   */
  readonly profile?: string;
  /**
   * Role that the AwsProvider and the hooks assume.
   * @default - no role is assumed
   */
  readonly assumeRoleArn?: string;
  /**
   * How Terraform applies the tenants: `provider` declares the `sestenants` provider (shipped in
   * the stack directory) and one `sestenants_tenant` block, so Terraform refreshes the tenants and
   * `cdktf diff` shows changes attribute by attribute; `hooks` emits `terraform_data` hooks that run
   * the bundled hook program, for a stack that cannot run a custom provider.
   * @default 'provider'
   */
  readonly backend?: TenantStackBackend;
  /**
   * SES v2 endpoint of the `sestenants` provider (`endpoints { sesv2 }`); the provider backend only.
   * @default - AWS_ENDPOINT_URL_SESV2 when set, else AWS
   */
  readonly sesEndpoint?: string;
  /**
   * Where Terraform keeps the stack's state: a function that declares the backend construct in
   * the stack, such as `(stack) => new S3Backend(stack, { bucket, key: \`ses-tenants/\${stack.node.id}.tfstate\`, region })`
   * (Terraform ≥ 1.10 locks S3 state with `backend.addOverride('use_lockfile', true)`). Not to be confused with `backend`, which
   * chooses how the tenants are applied. A backend declared in the stack by other means also wins.
   * @default - a local backend, `terraform.<stack>.tfstate` next to the synth output (demos and tests)
   */
  readonly stateBackend?: (stack: TerraformStack) => TerraformBackend;
  /**
   * Moves a deployed `hooks` stack to the `provider` backend (needs `backend: 'provider'`): emits
   * Terraform `import` blocks that adopt each tenant of `locals.ses_tenants` into
   * `sestenants_tenant.ses_tenant` and `removed` blocks (`destroy = false`) that drop the three hook
   * blocks from the state without running their destroy hooks. Remove it once the move is applied.
   * @default false
   */
  readonly migrateFromHooks?: boolean;
}

/**
 * A cdktf stack holding the SES tenants of one region and one account.
 *
 * At synth it emits its tenants as data (`locals.ses_tenants`, keyed by tenant name) and, with
 * the default `provider` backend, the `sestenants` provider, one `sestenants_tenant` block with
 * `for_each` over that map and a `sestenants_orphaned_tenants` data source that warns at plan about
 * tenants the stack still marks but no longer declares after a lost state (with `backend: 'hooks'`,
 * three `terraform_data` hook blocks instead);
 * the identities, configuration sets and templates it creates go into one for_each block per kind.
 * It owns an AwsProvider only when it declares native resources: a stack that references
 * everything by ARN needs no AwsProvider.
 */
export class TenantStack extends TerraformStack {
  /** The TenantStack that `scope` belongs to; throws when there is none. */
  static of(scope: IConstruct): TenantStack {
    return tenantStackOf(scope) as TenantStack;
  }

  /** Region of the stack. */
  readonly region: string;
  /** Account ID of the stack. */
  readonly accountId: string;
  /** Partition of the stack. */
  readonly partition: string;
  /** Tenants allowed in this region and account. */
  readonly tenantQuota: number;
  /** The app's identity; the stack's marker is `<owner>/<stack>`. */
  readonly owner: string;
  /** Removal policy of tenants that do not set their own. */
  readonly removalPolicy: RemovalPolicy;
  /** Where the hooks act and how they authenticate: emitted as `locals.ses_tenants_stack`. */
  readonly target: StackTarget;
  /** How Terraform applies the tenants. */
  readonly backend: TenantStackBackend;
  /** The hook blocks (the `hooks` backend). */
  readonly hooks?: HookBlocks;
  /** The provider and its tenant block (the `provider` backend). */
  readonly providerBlocks?: ProviderBlocks;

  private readonly declarations: TenantDeclaration[] = [];
  private readonly tenantsByName = new Map<string, TenantSpec>();
  private readonly associationDependencies = new Set<ITerraformDependable>();
  private readonly native: NativeResources;
  private readonly stackResources = new Map<string, StackResource>();
  private provider?: TerraformProvider;
  private validated?: { count: number; violations: SpecViolation[] };

  constructor(scope: Construct, id: string, props: TenantStackProps) {
    super(scope, id);
    registerTenantStack(this);
    this.target = {
      formatVersion: 2,
      owner: props.owner ?? defaultOwner(id),
      stack: id,
      region: props.region,
      account: props.accountId,
      partition: props.partition ?? 'aws',
      tenantQuota: props.tenantQuota ?? DEFAULT_TENANT_QUOTA,
      ...(props.profile !== undefined ? { profile: props.profile } : {}),
      ...(props.assumeRoleArn !== undefined ? { assumeRoleArn: props.assumeRoleArn } : {}),
    };
    const invalid = validateDeclaredStack({ target: this.target, tenants: [] });
    if (invalid.length > 0) throw new SpecValidationError(invalid, 'Invalid TenantStack');
    this.region = this.target.region;
    this.accountId = this.target.account;
    this.partition = this.target.partition;
    this.tenantQuota = this.target.tenantQuota;
    this.owner = this.target.owner;
    this.removalPolicy = props.removalPolicy ?? TENANT_DEFAULTS.removalPolicy;
    this.native = new NativeResources(this, () => this.awsProvider);
    this.backend = props.backend ?? DEFAULT_BACKEND;
    if (this.backend === 'provider') this.providerBlocks = addProviderBlocks(this, this.target, { endpoint: props.sesEndpoint });
    else this.hooks = addHookBlocks(this);
    if (props.migrateFromHooks) addHooksMigration(this, this.backend);
    props.stateBackend?.(this);
    this.node.addValidation({ validate: () => this.checkTenants() });
  }

  /** Partition, region and account, for ARNs of the stack's resources. */
  get arnLocation(): ArnLocation {
    return { partition: this.partition, region: this.region, account: this.accountId };
  }

  /**
   * The stack's AwsProvider, created on first use with the stack's region, account, profile and
   * role. Native resources of the stack use it; so can resources of your own (pass it as their
   * `provider`). It needs the optional peer dependency `@cdktf/provider-aws`, loaded on first use.
   */
  get awsProvider(): TerraformProvider {
    this.provider ??= newAwsProvider(this, 'aws', {
      region: this.region,
      allowedAccountIds: [this.accountId],
      profile: this.target.profile,
      assumeRole: this.target.assumeRoleArn ? [{ roleArn: this.target.assumeRoleArn }] : undefined,
    });
    return this.provider;
  }

  /** Declares a tenant without a construct of its own (the cheapest way to declare thousands); `path` names it in errors. */
  addTenant(props: SesTenantProps, path = `${this.node.path}/${props.tenantName}`): TenantDeclaration {
    const declared = declareTenant(this, path, props, this.removalPolicy);
    this.declarations.push(declared);
    if (!this.tenantsByName.has(declared.canonical.name)) this.tenantsByName.set(declared.canonical.name, declared.canonical);
    for (const d of declared.dependencies) this.associationDependencies.add(d);
    return declared;
  }

  /** The tenants declared so far, in declaration order. */
  get tenants(): readonly TenantDeclaration[] {
    return this.declarations;
  }

  /** An email identity (domain or address) that this stack creates; the same name returns the same reference. */
  emailIdentity(name: string, options: EmailIdentityOptions = {}): IEmailIdentity {
    const configurationSet = options.defaultConfigurationSet?.bind(this).ref.name ?? null;
    this.native.addIdentity(name, { configuration_set_name: configurationSet });
    return this.stackResource('identity', name) as IEmailIdentity;
  }

  /** A configuration set that this stack creates; the same name returns the same reference. */
  configurationSet(name: string): IConfigurationSet {
    this.native.addConfigurationSet(name);
    return this.stackResource('configuration-set', name) as IConfigurationSet;
  }

  /** An email template that this stack creates; the same name returns the same reference. */
  emailTemplate(name: string, options: EmailTemplateOptions): IEmailTemplate {
    this.native.addTemplate(name, { subject: options.subject, html: options.html ?? null, text: options.text ?? null });
    return this.stackResource('template', name) as IEmailTemplate;
  }

  /** Every violation of the stack's tenants (cached until another tenant is declared). */
  violations(): readonly SpecViolation[] {
    if (this.validated?.count !== this.declarations.length) {
      this.validated = {
        count: this.declarations.length,
        // The target was checked at construction; every tenant's own problems and the stack rules, all at once.
        violations: [
          ...this.declarations.flatMap((d) => d.violations),
          ...validateStackRules({ target: this.target, tenants: this.declarations.filter((d) => d.violations.length === 0) }),
        ],
      };
    }
    return this.validated.violations;
  }

  // Validates every stack of the app before any of them is written.
  prepareStack(): void {
    const root = this.node.root;
    if (!(App.isApp(root) && root.skipValidation)) this.checkTenants();
    this.wireAssociations();
    this.ensureRelativeLocalBackend();
    super.prepareStack();
  }

  // cdktf's default local backend records the absolute path of the working directory. This one
  // keeps the state next to the synth output (the project root for `cdktf.out`), relative to
  // the stack directory `<outdir>/stacks/<stack>`, so the stack directory works on any machine.
  private ensureRelativeLocalBackend(): void {
    if (this.node.findAll().some((c) => TerraformBackend.isBackend(c))) return;
    new LocalBackend(this, { path: `../../../terraform.${this.node.id}.tfstate` });
  }

  /** The synthesized JSON, with the data locals added after token resolution. */
  toTerraform(): any {
    this.wireAssociations();
    const tf = super.toTerraform();
    tf.locals = { ...(tf.locals ?? {}), ...this.synthLocals() };
    return tf;
  }

  /**
   * The data locals, added after cdktf's token resolution (they hold no token) and escaped so that
   * Terraform reads user strings literally.
   */
  private synthLocals(): Record<string, unknown> {
    const tenants: Record<string, TenantSpec> = {};
    for (const name of [...this.tenantsByName.keys()].sort()) tenants[name] = this.tenantsByName.get(name) as TenantSpec;
    return escapeTemplateStrings({
      [SYNTH_NAMES.targetLocal]: this.target,
      [SYNTH_NAMES.tenantsLocal]: tenants,
      ...this.native.locals(),
    });
  }

  private checkTenants(): string[] {
    const violations = this.violations();
    if (violations.length > 0) throw new SpecValidationError(violations, `Invalid SES tenants in stack ${this.node.id}`);
    return [];
  }

  // Associations wait for the tenants and for every resource they may use, and go first on destroy.
  private wireAssociations(): void {
    const resources = [...this.native.blocks(), ...this.associationDependencies];
    if (this.hooks) this.hooks.association.dependsOn = [this.hooks.tenant, ...resources].map(dependable);
    if (this.providerBlocks) this.providerBlocks.tenant.dependsOn = resources.map(dependable);
  }

  private stackResource(type: StackResource['resourceType'], name: string): StackResource {
    const key = `${type}/${name}`;
    let ref = this.stackResources.get(key);
    if (!ref) this.stackResources.set(key, (ref = new StackResource(type, name, this)));
    return ref;
  }
}
