// Our own protobufjs reflection descriptor of the part of Terraform's plugin protocol 6.8 that
// this provider speaks (package `tfplugin6`), plus go-plugin's controller service. Message,
// field names and field numbers follow tfplugin6.8 exactly; messages we never send or read
// (ephemeral resources, functions' bodies) are left out, so protobuf skips them as unknown fields.

type Field = { type: string; id: number; rule?: 'repeated'; keyType?: string };
type Message = { fields: Record<string, Field>; nested?: Record<string, Message | Enum>; oneofs?: Record<string, { oneof: string[] }> };
type Enum = { values: Record<string, number> };

const f = (type: string, id: number): Field => ({ type, id });
const rep = (type: string, id: number): Field => ({ type, id, rule: 'repeated' });
const map = (type: string, id: number): Field => ({ type, id, keyType: 'string' });
const msg = (fields: Record<string, Field>, nested?: Record<string, Message | Enum>): Message =>
  nested ? { fields, nested } : { fields };
const rpc = (request: Record<string, Field>, response: Record<string, Field>, nested?: Record<string, Message | Enum>) =>
  msg({}, { Request: msg(request), Response: msg(response), ...nested });

const diagnostics = (id: number) => ({ diagnostics: rep('Diagnostic', id) });

/** protobufjs JSON descriptor of the messages and services used. */
export const TFPLUGIN6_DESCRIPTOR = {
  nested: {
    plugin: {
      nested: {
        // the request and response of `plugin.GRPCController/Shutdown`
        Empty: msg({}),
      },
    },
    tfplugin6: {
      nested: {
        DynamicValue: msg({ msgpack: f('bytes', 1), json: f('bytes', 2) }),
        Diagnostic: msg(
          { severity: f('Severity', 1), summary: f('string', 2), detail: f('string', 3), attribute: f('AttributePath', 4) },
          { Severity: { values: { INVALID: 0, ERROR: 1, WARNING: 2 } } },
        ),
        AttributePath: msg(
          { steps: rep('Step', 1) },
          {
            Step: {
              fields: { attribute_name: f('string', 1), element_key_string: f('string', 2), element_key_int: f('int64', 3) },
              oneofs: { selector: { oneof: ['attribute_name', 'element_key_string', 'element_key_int'] } },
            },
          },
        ),
        StopProvider: rpc({}, { Error: f('string', 1) }),
        RawState: msg({ json: f('bytes', 1), flatmap: map('string', 2) }),
        StringKind: { values: { PLAIN: 0, MARKDOWN: 1 } },
        Schema: msg(
          { version: f('int64', 1), block: f('Block', 2) },
          {
            Block: msg({
              version: f('int64', 1),
              attributes: rep('Attribute', 2),
              block_types: rep('NestedBlock', 3),
              description: f('string', 4),
              description_kind: f('StringKind', 5),
              deprecated: f('bool', 6),
            }),
            Attribute: msg({
              name: f('string', 1),
              type: f('bytes', 2),
              nested_type: f('Object', 10),
              description: f('string', 3),
              required: f('bool', 4),
              optional: f('bool', 5),
              computed: f('bool', 6),
              sensitive: f('bool', 7),
              description_kind: f('StringKind', 8),
              deprecated: f('bool', 9),
              write_only: f('bool', 11),
            }),
            NestedBlock: msg(
              { type_name: f('string', 1), block: f('Block', 2), nesting: f('NestingMode', 3), min_items: f('int64', 4), max_items: f('int64', 5) },
              { NestingMode: { values: { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4, GROUP: 5 } } },
            ),
            Object: msg(
              { attributes: rep('Attribute', 1), nesting: f('NestingMode', 3) },
              { NestingMode: { values: { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4 } } },
            ),
          },
        ),
        ServerCapabilities: msg({ plan_destroy: f('bool', 1), get_provider_schema_optional: f('bool', 2), move_resource_state: f('bool', 3) }),
        ClientCapabilities: msg({ deferral_allowed: f('bool', 1), write_only_attributes_allowed: f('bool', 2) }),
        Deferred: msg({ reason: f('int32', 1) }),
        Function: msg({ summary: f('string', 4), description: f('string', 5) }),
        GetMetadata: rpc(
          {},
          {
            server_capabilities: f('ServerCapabilities', 1),
            ...diagnostics(2),
            data_sources: rep('DataSourceMetadata', 3),
            resources: rep('ResourceMetadata', 4),
            functions: rep('FunctionMetadata', 5),
            ephemeral_resources: rep('EphemeralMetadata', 6),
          },
          {
            DataSourceMetadata: msg({ type_name: f('string', 1) }),
            ResourceMetadata: msg({ type_name: f('string', 1) }),
            FunctionMetadata: msg({ name: f('string', 1) }),
            EphemeralMetadata: msg({ type_name: f('string', 1) }),
          },
        ),
        GetProviderSchema: rpc(
          {},
          {
            provider: f('Schema', 1),
            resource_schemas: map('Schema', 2),
            data_source_schemas: map('Schema', 3),
            functions: map('Function', 7),
            ephemeral_resource_schemas: map('Schema', 8),
            ...diagnostics(4),
            provider_meta: f('Schema', 5),
            server_capabilities: f('ServerCapabilities', 6),
          },
        ),
        ValidateProviderConfig: rpc({ config: f('DynamicValue', 1) }, diagnostics(2)),
        UpgradeResourceState: rpc(
          { type_name: f('string', 1), version: f('int64', 2), raw_state: f('RawState', 3) },
          { upgraded_state: f('DynamicValue', 1), ...diagnostics(2) },
        ),
        ValidateResourceConfig: rpc({ type_name: f('string', 1), config: f('DynamicValue', 2) }, diagnostics(1)),
        ValidateDataResourceConfig: rpc({ type_name: f('string', 1), config: f('DynamicValue', 2) }, diagnostics(1)),
        ConfigureProvider: rpc(
          { terraform_version: f('string', 1), config: f('DynamicValue', 2), client_capabilities: f('ClientCapabilities', 3) },
          diagnostics(1),
        ),
        ReadResource: rpc(
          {
            type_name: f('string', 1),
            current_state: f('DynamicValue', 2),
            private: f('bytes', 3),
            provider_meta: f('DynamicValue', 4),
            client_capabilities: f('ClientCapabilities', 5),
          },
          { new_state: f('DynamicValue', 1), ...diagnostics(2), private: f('bytes', 3), deferred: f('Deferred', 4) },
        ),
        PlanResourceChange: rpc(
          {
            type_name: f('string', 1),
            prior_state: f('DynamicValue', 2),
            proposed_new_state: f('DynamicValue', 3),
            config: f('DynamicValue', 4),
            prior_private: f('bytes', 5),
            provider_meta: f('DynamicValue', 6),
            client_capabilities: f('ClientCapabilities', 7),
          },
          {
            planned_state: f('DynamicValue', 1),
            requires_replace: rep('AttributePath', 2),
            planned_private: f('bytes', 3),
            ...diagnostics(4),
            legacy_type_system: f('bool', 5),
            deferred: f('Deferred', 6),
          },
        ),
        ApplyResourceChange: rpc(
          {
            type_name: f('string', 1),
            prior_state: f('DynamicValue', 2),
            planned_state: f('DynamicValue', 3),
            config: f('DynamicValue', 4),
            planned_private: f('bytes', 5),
            provider_meta: f('DynamicValue', 6),
          },
          { new_state: f('DynamicValue', 1), private: f('bytes', 2), ...diagnostics(3), legacy_type_system: f('bool', 4) },
        ),
        ImportResourceState: rpc(
          { type_name: f('string', 1), id: f('string', 2), client_capabilities: f('ClientCapabilities', 3) },
          { imported_resources: rep('ImportedResource', 1), ...diagnostics(2), deferred: f('Deferred', 3) },
          { ImportedResource: msg({ type_name: f('string', 1), state: f('DynamicValue', 2), private: f('bytes', 3) }) },
        ),
        MoveResourceState: rpc(
          {
            source_provider_address: f('string', 1),
            source_type_name: f('string', 2),
            source_schema_version: f('int64', 3),
            source_state: f('RawState', 4),
            target_type_name: f('string', 5),
            source_private: f('bytes', 6),
          },
          { target_state: f('DynamicValue', 1), ...diagnostics(2), target_private: f('bytes', 3) },
        ),
        ReadDataSource: rpc(
          { type_name: f('string', 1), config: f('DynamicValue', 2), provider_meta: f('DynamicValue', 3), client_capabilities: f('ClientCapabilities', 4) },
          { state: f('DynamicValue', 1), ...diagnostics(2), deferred: f('Deferred', 3) },
        ),
        GetFunctions: rpc({}, { functions: map('Function', 1), ...diagnostics(2) }),
      },
    },
  },
};

/** The RPCs of `tfplugin6.Provider` this server answers (name → request/response message). */
export const PROVIDER_RPCS = [
  'GetMetadata',
  'GetProviderSchema',
  'ValidateProviderConfig',
  'ValidateResourceConfig',
  'ValidateDataResourceConfig',
  'UpgradeResourceState',
  'ConfigureProvider',
  'ReadResource',
  'PlanResourceChange',
  'ApplyResourceChange',
  'ImportResourceState',
  'MoveResourceState',
  'ReadDataSource',
  'GetFunctions',
  'StopProvider',
] as const;

/** Name of one answered RPC. */
export type ProviderRpc = (typeof PROVIDER_RPCS)[number];
