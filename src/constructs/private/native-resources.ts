import { SesTemplate } from '@cdktf/provider-aws/lib/ses-template';
import { Sesv2ConfigurationSet } from '@cdktf/provider-aws/lib/sesv2-configuration-set';
import { Sesv2EmailIdentity } from '@cdktf/provider-aws/lib/sesv2-email-identity';
import { dependable } from 'cdktf';
import type { TerraformResource, TerraformStack } from 'cdktf';
import { NATIVE_SYNTH_NAMES } from '../../tenant-spec/synth-names';

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
      this.ensureProvider();
      this.identityBlock = forEach(
        new Sesv2EmailIdentity(this.stack, NATIVE_SYNTH_NAMES.identities, {
          emailIdentity: '${each.key}',
          configurationSetName: '${each.value.configuration_set_name}',
        }),
        NATIVE_SYNTH_NAMES.identities,
      );
      this.linkIdentitiesToConfigurationSets();
    }
  }

  /** Records a configuration set. */
  addConfigurationSet(name: string): void {
    addOnce(this.configurationSets, 'configuration set', name, {});
    if (!this.configurationSetBlock) {
      this.ensureProvider();
      this.configurationSetBlock = forEach(
        new Sesv2ConfigurationSet(this.stack, NATIVE_SYNTH_NAMES.configurationSets, { configurationSetName: '${each.key}' }),
        NATIVE_SYNTH_NAMES.configurationSets,
      );
      this.linkIdentitiesToConfigurationSets();
    }
  }

  /** Records a template; declaring the same name again with other content throws. */
  addTemplate(name: string, template: NativeTemplate): void {
    addOnce(this.templates, 'email template', name, template);
    if (!this.templateBlock) {
      this.ensureProvider();
      this.templateBlock = forEach(
        new SesTemplate(this.stack, NATIVE_SYNTH_NAMES.templates, {
          name: '${each.key}',
          subject: '${each.value.subject}',
          html: '${each.value.html}',
          text: '${each.value.text}',
        }),
        NATIVE_SYNTH_NAMES.templates,
      );
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
