import type { SesTemplate } from '@cdktf/provider-aws/lib/ses-template';
import type { Sesv2ConfigurationSet } from '@cdktf/provider-aws/lib/sesv2-configuration-set';
import type { Sesv2EmailIdentity } from '@cdktf/provider-aws/lib/sesv2-email-identity';
import { dependable } from 'cdktf';
import type { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { NATIVE_SYNTH_NAMES } from '../../tenant-spec/synth-names';

/** The package that native resources (and the stack's AwsProvider) come from: an optional peer dependency. */
export const PROVIDER_AWS_PACKAGE = '@cdktf/provider-aws';

/** A stack declared a native resource, but `@cdktf/provider-aws` is not installed. */
export class ProviderAwsMissingError extends Error {
  constructor(what: string, cause: unknown) {
    super(
      `${what} needs the optional peer dependency ${PROVIDER_AWS_PACKAGE}, which is not installed: ` +
        `run "npm install ${PROVIDER_AWS_PACKAGE}" (or reference the resource by ARN or name instead, which needs no provider)`,
      { cause },
    );
    this.name = 'ProviderAwsMissingError';
  }
}

// Loaded on first use only, by deep path (its index loads all 2,212 submodules), so a stack that
// references everything by ARN or name never needs the package, neither at run time nor for tsc.
// Each require names its module literally, so bundlers still see it.
function loadProviderAws<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    if (e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(`'${PROVIDER_AWS_PACKAGE}/`)) throw new ProviderAwsMissingError(what, err);
    throw err;
  }
}

const providerAws = {
  awsProvider: () => loadProviderAws('TenantStack#awsProvider', () => require('@cdktf/provider-aws/lib/provider') as typeof import('@cdktf/provider-aws/lib/provider')),
  emailIdentity: () =>
    loadProviderAws('TenantStack#emailIdentity', () => require('@cdktf/provider-aws/lib/sesv2-email-identity') as typeof import('@cdktf/provider-aws/lib/sesv2-email-identity')),
  configurationSet: () =>
    loadProviderAws('TenantStack#configurationSet', () => require('@cdktf/provider-aws/lib/sesv2-configuration-set') as typeof import('@cdktf/provider-aws/lib/sesv2-configuration-set')),
  emailTemplate: () => loadProviderAws('TenantStack#emailTemplate', () => require('@cdktf/provider-aws/lib/ses-template') as typeof import('@cdktf/provider-aws/lib/ses-template')),
};

/** What a TenantStack configures on its AwsProvider (a subset of provider-aws's `AwsProviderConfig`). */
export interface StackProviderConfig {
  /** AWS region. */
  readonly region: string;
  /** The only account the provider may act in. */
  readonly allowedAccountIds: string[];
  /** Named profile, or undefined. */
  readonly profile?: string;
  /** Role to assume, or undefined. */
  readonly assumeRole?: { readonly roleArn: string }[];
}

/** Creates the stack's AwsProvider, loading `@cdktf/provider-aws` on first use. */
export function newAwsProvider(scope: Construct, id: string, config: StackProviderConfig): TerraformProvider {
  return new (providerAws.awsProvider().AwsProvider)(scope, id, config);
}


/** An email identity the stack creates. */
export interface NativeIdentity {
  /** Default configuration set name, or null. */
  readonly configuration_set_name: string | null;
}

/** A template the stack creates. */
export interface NativeTemplate {
  /** Subject line. */
  readonly subject: string;
  /** HTML part, or null. */
  readonly html: string | null;
  /** Text part, or null. */
  readonly text: string | null;
}

/** One kind of native resource: its declarations by name (a `locals` entry) and ONE for_each block over them. */
class NativeKind<V, T extends TerraformResource> {
  private readonly declared = new Map<string, V>();
  /** The for_each block, created by the first declaration. */
  block?: T;

  constructor(
    /** The `locals` entry and the block's id. */
    readonly local: string,
    private readonly kind: string,
    private readonly createBlock: (local: string) => T,
  ) {}

  /** Records a declaration (the same name again with another value throws), creating the block on the first; true when it did. */
  add(name: string, value: V): boolean {
    addOnce(this.declared, this.kind, name, value);
    if (this.block) return false;
    this.block = this.createBlock(this.local);
    return true;
  }

  /** The declarations, sorted by name. */
  entries(): Record<string, V> {
    return sortedObject(this.declared);
  }
}

/**
 * The identities, configuration sets and templates a TenantStack creates, as plain maps emitted
 * in `locals`, each with ONE for_each block of its provider resource (created on first use).
 */
export class NativeResources {
  private readonly identities = new NativeKind<NativeIdentity, Sesv2EmailIdentity>(NATIVE_SYNTH_NAMES.identities, 'email identity', (local) =>
    this.newBlock(local, () => providerAws.emailIdentity().Sesv2EmailIdentity, {
      emailIdentity: '${each.key}',
      configurationSetName: '${each.value.configuration_set_name}',
    }),
  );
  private readonly configurationSets = new NativeKind<Record<string, never>, Sesv2ConfigurationSet>(NATIVE_SYNTH_NAMES.configurationSets, 'configuration set', (local) =>
    this.newBlock(local, () => providerAws.configurationSet().Sesv2ConfigurationSet, { configurationSetName: '${each.key}' }),
  );
  private readonly templates = new NativeKind<NativeTemplate, SesTemplate>(NATIVE_SYNTH_NAMES.templates, 'email template', (local) =>
    this.newBlock(local, () => providerAws.emailTemplate().SesTemplate, {
      name: '${each.key}',
      subject: '${each.value.subject}',
      html: '${each.value.html}',
      text: '${each.value.text}',
    }),
  );

  constructor(
    private readonly stack: TerraformStack,
    private readonly ensureProvider: () => void,
  ) {}

  /** Records an identity; declaring the same name again with other options throws. */
  addIdentity(name: string, identity: NativeIdentity): void {
    if (this.identities.add(name, identity)) this.linkIdentitiesToConfigurationSets();
  }

  /** Records a configuration set. */
  addConfigurationSet(name: string): void {
    if (this.configurationSets.add(name, {})) this.linkIdentitiesToConfigurationSets();
  }

  /** Records a template; declaring the same name again with other content throws. */
  addTemplate(name: string, template: NativeTemplate): void {
    this.templates.add(name, template);
  }

  /** The for_each blocks that exist, for the association hook to depend on. */
  blocks(): TerraformResource[] {
    return this.kinds().flatMap((kind) => (kind.block ? [kind.block] : []));
  }

  /** The `locals` entries of the blocks that exist. */
  locals(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const kind of this.kinds()) if (kind.block) out[kind.local] = kind.entries();
    return out;
  }

  // The order of the locals entries and of the association hook's depends_on.
  private kinds(): NativeKind<unknown, TerraformResource>[] {
    return [this.identities, this.configurationSets, this.templates];
  }

  // Loads the resource's provider-aws module first (so a missing package fails before anything is added to
  // the stack), then the stack's provider, then the block, iterating over the local of the same name.
  private newBlock<T extends TerraformResource, C>(local: string, load: () => new (scope: Construct, id: string, config: C) => T, config: C): T {
    const Resource = load();
    this.ensureProvider();
    return forEach(new Resource(this.stack, local, config), local);
  }

  // An identity's default configuration set must exist before the identity names it. Only when a block is
  // created: setting dependsOn for each of 10,000 declarations made synth 1.4x slower (npm run bench).
  private linkIdentitiesToConfigurationSets(): void {
    const identities = this.identities.block;
    const configurationSets = this.configurationSets.block;
    if (identities && configurationSets) identities.dependsOn = [dependable(configurationSets)];
  }
}

function forEach<T extends TerraformResource>(block: T, local: string): T {
  block.addOverride('for_each', `\${local.${local}}`);
  return block;
}

function addOnce<T>(map: Map<string, T>, kind: string, name: string, value: T): void {
  const existing = map.get(name);
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(value)) {
    throw new Error(`${kind} "${name}" is already declared in this stack with other options: ${JSON.stringify(existing)}`);
  }
  map.set(name, value);
}

function sortedObject<T>(map: Map<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key) as T;
  return out;
}
