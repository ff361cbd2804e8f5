import { CreateTenantResourceAssociation, DeleteTenantResourceAssociation, ListResourceTenants, ListTenantResources } from '../operations/associations';
import type { OperationHandler } from '../operations/context';
import {
  CreateConfigurationSet,
  DeleteConfigurationSet,
  GetConfigurationSet,
  ListConfigurationSets,
  PutConfigurationSetReputationOptions,
  UpdateConfigurationSet,
} from '../operations/configuration-sets';
import {
  CreateEmailIdentity,
  DeleteEmailIdentity,
  GetEmailIdentity,
  ListEmailIdentities,
  PutEmailIdentityConfigurationSetAttributes,
} from '../operations/identities';
import {
  GetReputationEntity,
  ListReputationEntities,
  UpdateReputationEntityCustomerManagedStatus,
  UpdateReputationEntityPolicy,
} from '../operations/reputation';
import { SendBulkEmail, SendEmail } from '../operations/sending';
import { ListTagsForResource, TagResource, UntagResource } from '../operations/tags';
import { CreateTenant, DeleteTenant, GetTenant, ListTenants, PutTenantSuppressionAttributes } from '../operations/tenants';
import {
  CreateEmailTemplate,
  DeleteEmailTemplate,
  GetEmailTemplate,
  ListEmailTemplates,
  UpdateEmailTemplate,
} from '../operations/templates';

/** HTTP methods the SES v2 operations use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One SES v2 operation: where it is served, its name (for stats), its handler, and whether it changes state. */
export interface OperationRoute {
  /** HTTP method. */
  readonly method: HttpMethod;
  /** URI template in find-my-way syntax (`:Label`). */
  readonly path: string;
  /** The SES v2 operation name. */
  readonly operation: string;
  /** The handler. */
  readonly handler: OperationHandler;
  /** Whether a success changes state (and so waits for the state file). */
  readonly mutates: boolean;
}

/** The operation handlers by SES v2 operation name (object keys survive bundling, function names may not). */
export const OPERATION_HANDLERS = {
  CreateTenant,
  GetTenant,
  ListTenants,
  DeleteTenant,
  PutTenantSuppressionAttributes,
  CreateTenantResourceAssociation,
  DeleteTenantResourceAssociation,
  ListTenantResources,
  ListResourceTenants,
  GetReputationEntity,
  ListReputationEntities,
  UpdateReputationEntityPolicy,
  UpdateReputationEntityCustomerManagedStatus,
  TagResource,
  UntagResource,
  ListTagsForResource,
  CreateEmailIdentity,
  GetEmailIdentity,
  DeleteEmailIdentity,
  ListEmailIdentities,
  PutEmailIdentityConfigurationSetAttributes,
  CreateConfigurationSet,
  GetConfigurationSet,
  DeleteConfigurationSet,
  ListConfigurationSets,
  UpdateConfigurationSet,
  PutConfigurationSetReputationOptions,
  CreateEmailTemplate,
  GetEmailTemplate,
  UpdateEmailTemplate,
  DeleteEmailTemplate,
  ListEmailTemplates,
  SendEmail,
  SendBulkEmail,
} satisfies Record<string, OperationHandler>;

/** The name of an SES v2 operation the emulator serves. */
export type OperationName = keyof typeof OPERATION_HANDLERS;

function route(method: HttpMethod, path: string, operation: OperationName, mutates: boolean): OperationRoute {
  return { method, path, operation, handler: OPERATION_HANDLERS[operation], mutates };
}

const READ = false;
const WRITE = true;
const ENTITY = '/v2/email/reputation/entities/:ReputationEntityType/:ReputationEntityReference';

/** Every SES v2 operation the emulator serves, with the paths of `@aws-sdk/client-sesv2` 3.1176.0 and the older list paths. */
export const OPERATION_ROUTES: readonly OperationRoute[] = [
  route('POST', '/v2/email/tenants', 'CreateTenant', WRITE),
  route('POST', '/v2/email/tenants/get', 'GetTenant', READ),
  route('POST', '/v2/email/tenants/list', 'ListTenants', READ),
  route('POST', '/v2/email/tenants/delete', 'DeleteTenant', WRITE),
  route('POST', '/v2/email/tenant/suppression', 'PutTenantSuppressionAttributes', WRITE),
  route('POST', '/v2/email/tenants/resources', 'CreateTenantResourceAssociation', WRITE),
  route('POST', '/v2/email/tenants/resources/delete', 'DeleteTenantResourceAssociation', WRITE),
  route('POST', '/v2/email/tenants/resources/list', 'ListTenantResources', READ),
  route('POST', '/v2/email/resources/tenants/list', 'ListResourceTenants', READ),
  route('GET', ENTITY, 'GetReputationEntity', READ),
  route('GET', '/v2/email/reputation/entities/:ReputationEntityType/', 'GetReputationEntity', READ),
  route('POST', '/v2/email/reputation/entities', 'ListReputationEntities', READ),
  route('PUT', `${ENTITY}/policy`, 'UpdateReputationEntityPolicy', WRITE),
  route('PUT', `${ENTITY}/customer-managed-status`, 'UpdateReputationEntityCustomerManagedStatus', WRITE),
  route('POST', '/v2/email/tags', 'TagResource', WRITE),
  route('DELETE', '/v2/email/tags', 'UntagResource', WRITE),
  route('GET', '/v2/email/tags', 'ListTagsForResource', READ),
  route('POST', '/v2/email/identities', 'CreateEmailIdentity', WRITE),
  route('GET', '/v2/email/identities/:EmailIdentity', 'GetEmailIdentity', READ),
  route('DELETE', '/v2/email/identities/:EmailIdentity', 'DeleteEmailIdentity', WRITE),
  route('POST', '/v2/email/list-identities', 'ListEmailIdentities', READ),
  route('GET', '/v2/email/identities', 'ListEmailIdentities', READ),
  route('PUT', '/v2/email/identities/:EmailIdentity/configuration-set', 'PutEmailIdentityConfigurationSetAttributes', WRITE),
  route('POST', '/v2/email/configuration-sets', 'CreateConfigurationSet', WRITE),
  route('GET', '/v2/email/configuration-sets/:ConfigurationSetName', 'GetConfigurationSet', READ),
  route('DELETE', '/v2/email/configuration-sets/:ConfigurationSetName', 'DeleteConfigurationSet', WRITE),
  route('POST', '/v2/email/list-configuration-sets', 'ListConfigurationSets', READ),
  route('GET', '/v2/email/configuration-sets', 'ListConfigurationSets', READ),
  route('POST', '/v2/email/update-configuration-sets', 'UpdateConfigurationSet', WRITE),
  route('PUT', '/v2/email/configuration-sets/:ConfigurationSetName/reputation-options', 'PutConfigurationSetReputationOptions', WRITE),
  route('POST', '/v2/email/templates', 'CreateEmailTemplate', WRITE),
  route('GET', '/v2/email/templates/:TemplateName', 'GetEmailTemplate', READ),
  route('PUT', '/v2/email/templates/:TemplateName', 'UpdateEmailTemplate', WRITE),
  route('DELETE', '/v2/email/templates/:TemplateName', 'DeleteEmailTemplate', WRITE),
  route('GET', '/v2/email/templates', 'ListEmailTemplates', READ),
  route('POST', '/v2/email/outbound-emails', 'SendEmail', READ),
  route('POST', '/v2/email/outbound-bulk-emails', 'SendBulkEmail', READ),
];
