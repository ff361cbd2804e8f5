import { NameReference, tenantResourceReferences } from './private/references';
import type { ITenantResource, ProviderAwsResource } from './tenant-resource';

/** An SES configuration set that tenants can send through. */
export interface IConfigurationSet extends ITenantResource {
  /** Always `configuration-set`. */
  readonly resourceType: 'configuration-set';
}

/** An `aws_sesv2_configuration_set` resource: `Sesv2ConfigurationSet` of `@cdktf/provider-aws`, as this package reads it. */
export interface ConfigurationSetResource extends ProviderAwsResource<'configurationSetNameInput'> {}

/** References to configuration sets: created by the stack, passed as a provider construct, or managed elsewhere. */
export abstract class ConfigurationSet extends tenantResourceReferences<IConfigurationSet, ConfigurationSetResource>('configuration-set') {
  /** A configuration set managed elsewhere in the stack's own region and account, by its name. */
  static fromConfigurationSetName(name: string): IConfigurationSet {
    return new NameReference('configuration-set', name) as IConfigurationSet;
  }
}
