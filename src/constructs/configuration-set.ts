import type { TerraformResource } from 'cdktf';
import { ArnReference, constructReference, NameReference } from './private/references';
import type { ITenantResource } from './tenant-resource';

/** An SES configuration set that tenants can send through. */
export interface IConfigurationSet extends ITenantResource {
  /** Always `configuration-set`. */
  readonly resourceType: 'configuration-set';
}

/**
 * An `aws_sesv2_configuration_set` resource: `Sesv2ConfigurationSet` of `@cdktf/provider-aws`, described by the one member this
 * package reads, so that its types do not need that (optional, 392 MB) package installed.
 */
export interface ConfigurationSetResource extends TerraformResource {
  /** The name given to the resource. */
  readonly configurationSetNameInput: string | undefined;
}

/** References to configuration sets: created by the stack, passed as a provider construct, or managed elsewhere. */
export abstract class ConfigurationSet {
  /** A configuration set managed elsewhere, by its ARN; it must be in the stack's partition, region and account. */
  static fromArn(arn: string): IConfigurationSet {
    return new ArnReference('configuration-set', arn) as IConfigurationSet;
  }

  /** A configuration set managed elsewhere in the stack's own region and account, by its name. */
  static fromConfigurationSetName(name: string): IConfigurationSet {
    return new NameReference('configuration-set', name) as IConfigurationSet;
  }

  /** An `aws_sesv2_configuration_set` of the tenant's own stack; associations wait for it. */
  static fromResource(resource: ConfigurationSetResource): IConfigurationSet {
    return constructReference('configuration-set', resource) as IConfigurationSet;
  }
}
