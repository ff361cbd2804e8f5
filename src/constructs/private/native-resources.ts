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

/**
 * The identities, configuration sets and templates a TenantStack creates, as plain maps emitted
 * in `locals`, each with ONE for_each block of its provider resource (created on first use).
 */
export class NativeResources {
  /** Identities by name. */
  readonly identities = new Map<string, NativeIdentity>();
  /** Configuration sets by name. */
  readonly configurationSets = new Map<string, Record<string, never>>();
  /** Templates by name. */
  readonly templates = new Map<string, NativeTemplate>();

  private identityBlock?: Sesv2EmailIdentity;
  private configurationSetBlock?: Sesv2ConfigurationSet;
  private templateBlock?: SesTemplate;

  constructor(
    private readonly stack: TerraformStack,
    private readonly ensureProvider: () => void,
  ) {}

  /** Records an identity; declaring the same name again with other options throws. */
  addIdentity(name: string, identity: NativeIdentity): void {
    addOnce(this.identities, 'email identity', name, identity);
    if (!this.identityBlock) {
      this.identityBlock = this.newBlock(NATIVE_SYNTH_NAMES.identities, () => providerAws.emailIdentity().Sesv2EmailIdentity, {
        emailIdentity: '${each.key}',
        configurationSetName: '${each.value.configuration_set_name}',
      });
      this.linkIdentitiesToConfigurationSets();
    }
  }

  /** Records a configuration set. */
  addConfigurationSet(name: string): void {
    addOnce(this.configurationSets, 'configuration set', name, {});
    if (!this.configurationSetBlock) {
      this.configurationSetBlock = this.newBlock(NATIVE_SYNTH_NAMES.configurationSets, () => providerAws.configurationSet().Sesv2ConfigurationSet, {
        configurationSetName: '${each.key}',
      });
      this.linkIdentitiesToConfigurationSets();
    }
  }

  /** Records a template; declaring the same name again with other content throws. */
  addTemplate(name: string, template: NativeTemplate): void {
    addOnce(this.templates, 'email template', name, template);
    if (!this.templateBlock) {
      this.templateBlock = this.newBlock(NATIVE_SYNTH_NAMES.templates, () => providerAws.emailTemplate().SesTemplate, {
        name: '${each.key}',
        subject: '${each.value.subject}',
        html: '${each.value.html}',
        text: '${each.value.text}',
      });
    }
  }

  /** The for_each blocks that exist, for the association hook to depend on. */
  blocks(): TerraformResource[] {
    return [this.identityBlock, this.configurationSetBlock, this.templateBlock].filter((b): b is NonNullable<typeof b> => !!b);
  }

  /** The `locals` entries of the blocks that exist. */
  locals(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.identityBlock) out[NATIVE_SYNTH_NAMES.identities] = sortedObject(this.identities);
    if (this.configurationSetBlock) out[NATIVE_SYNTH_NAMES.configurationSets] = sortedObject(this.configurationSets);
    if (this.templateBlock) out[NATIVE_SYNTH_NAMES.templates] = sortedObject(this.templates);
    return out;
  }

  // Loads the resource's provider-aws module first (so a missing package fails before anything is added to
  // the stack), then the stack's provider, then the block, iterating over the local of the same name.
  private newBlock<T extends TerraformResource, C>(local: string, load: () => new (scope: Construct, id: string, config: C) => T, config: C): T {
    const Resource = load();
    this.ensureProvider();
    return forEach(new Resource(this.stack, local, config), local);
  }

  // An identity's default configuration set must exist before the identity names it.
  private linkIdentitiesToConfigurationSets(): void {
    if (this.identityBlock && this.configurationSetBlock) this.identityBlock.dependsOn = [dependable(this.configurationSetBlock)];
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
