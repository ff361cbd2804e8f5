import { decodeDynamicValue, decodeJsonValue, DynamicValueWire, encodeDynamicValue } from '../protocol/dynamic-value';
import { isUnknown, isWhollyKnown, TfObject, TfValue } from '../protocol/value';
import { ProviderHandlers, RawStateWire } from '../protocol/wire';
import { AttributePath, Diagnostics, pathToWire, ProviderError } from './diagnostics';
import { planResourceChange } from './plan';
import { DataSourceType, ProviderDefinition, RequestContext, ResourceType } from './resource';
import { BlockSchema, blockType, schemaToWire } from './schema';

type Request = Record<string, unknown>;

function dynamic(request: Request, field: string): DynamicValueWire | undefined {
  return request[field] as DynamicValueWire | undefined;
}

/** Runs the attributes' own checks over a known configuration, recursing into blocks. */
function validateBlock(block: BlockSchema, value: TfObject, path: AttributePath, diagnostics: Diagnostics): void {
  for (const [name, attr] of Object.entries(block.attributes)) {
    const v = value[name];
    if (!attr.validate || v === null || isUnknown(v)) continue;
    for (const message of attr.validate(v)) diagnostics.error(`Invalid ${name}`, message, [...path, name]);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = value[name];
    if (v === null || isUnknown(v)) continue;
    const items = nested.nesting === 'single' ? [v] : (v as readonly TfValue[]);
    items.forEach((item, i) => {
      if (item === null || isUnknown(item)) return;
      validateBlock(nested.block, item as TfObject, nested.nesting === 'list' ? [...path, name, i] : [...path, name], diagnostics);
    });
  }
}

/**
 * The `tfplugin6.Provider` handlers of a provider definition: decodes values against the
 * schemas, plans with the declared plan modifiers, calls the resource, and returns every error
 * (thrown or added) as a diagnostic.
 */
export function createProviderHandlers<M>(definition: ProviderDefinition<M>): ProviderHandlers {
  const resources = new Map<string, ResourceType<M>>(definition.resources.map((r) => [r.typeName, r]));
  const dataSources = new Map<string, DataSourceType<M>>((definition.dataSources ?? []).map((d) => [d.typeName, d]));
  const providerType = blockType(definition.schema);
  let meta: { value: M } | undefined;
  const capabilities = { plan_destroy: true, get_provider_schema_optional: false, move_resource_state: false };

  const context = (diagnostics: Diagnostics): RequestContext<M> => ({
    get meta(): M {
      if (!meta) throw new ProviderError('Provider not configured', 'ConfigureProvider has not run in this provider process.');
      return meta.value;
    },
    diagnostics,
  });

  function resourceOf(request: Request): ResourceType<M> {
    const r = resources.get(String(request.type_name));
    if (!r) throw new ProviderError('Unknown resource type', `This provider has no resource type ${JSON.stringify(request.type_name)}.`);
    return r;
  }

  // Every handler runs inside this: an exception becomes a diagnostic, never a failed RPC.
  async function guarded(context: string, body: (diagnostics: Diagnostics) => Promise<object>, onError: (err: unknown) => object = () => ({})) {
    const diagnostics = new Diagnostics();
    try {
      const response = await body(diagnostics);
      return { ...response, diagnostics: diagnostics.toWire() };
    } catch (err) {
      diagnostics.fromError(err, context);
      let fallback = {};
      try {
        fallback = onError(err);
      } catch (inner) {
        diagnostics.fromError(inner, context);
      }
      return { ...fallback, diagnostics: diagnostics.toWire() };
    }
  }

  let schemaResponse: object | undefined;
  const getSchema = () =>
    (schemaResponse ??= {
      provider: schemaToWire(definition.schema),
      resource_schemas: Object.fromEntries([...resources].map(([name, r]) => [name, schemaToWire(r.schema)])),
      data_source_schemas: Object.fromEntries([...dataSources].map(([name, d]) => [name, schemaToWire(d.schema)])),
      server_capabilities: capabilities,
      diagnostics: [],
    });

  const handlers: ProviderHandlers = {
    GetMetadata: async () => ({
      server_capabilities: capabilities,
      resources: [...resources.keys()].map((type_name) => ({ type_name })),
      data_sources: [...dataSources.keys()].map((type_name) => ({ type_name })),
      diagnostics: [],
    }),
    GetProviderSchema: async () => getSchema(),
    GetFunctions: async () => ({ functions: {}, diagnostics: [] }),
    StopProvider: async () => ({}),

    ValidateProviderConfig: (request) =>
      guarded('Validating the provider configuration', async (diagnostics) => {
        const config = decodeDynamicValue(dynamic(request, 'config'), providerType) as TfObject;
        validateBlock(definition.schema, config, [], diagnostics);
        definition.validate?.(config, diagnostics);
        return {};
      }),

    ConfigureProvider: (request) =>
      guarded('Configuring the provider', async (diagnostics) => {
        const config = decodeDynamicValue(dynamic(request, 'config'), providerType) as TfObject;
        const value = await definition.configure(config, { terraformVersion: String(request.terraform_version ?? ''), diagnostics });
        if (!diagnostics.hasErrors) meta = { value };
        return {};
      }),

    ValidateResourceConfig: (request) =>
      guarded('Validating the resource configuration', async (diagnostics) => {
        const resource = resourceOf(request);
        const config = decodeDynamicValue(dynamic(request, 'config'), blockType(resource.schema)) as TfObject;
        validateBlock(resource.schema, config, [], diagnostics);
        resource.validate?.(config, diagnostics);
        return {};
      }),

    ValidateDataResourceConfig: (request) =>
      guarded('Validating the data source configuration', async (diagnostics) => {
        const source = dataSources.get(String(request.type_name));
        if (!source) throw new ProviderError('Unknown data source', `This provider has no data source ${JSON.stringify(request.type_name)}.`);
        const config = decodeDynamicValue(dynamic(request, 'config'), blockType(source.schema)) as TfObject;
        validateBlock(source.schema, config, [], diagnostics);
        source.validate?.(config, diagnostics);
        return {};
      }),

    UpgradeResourceState: (request) =>
      guarded('Upgrading the stored state', async () => {
        const resource = resourceOf(request);
        const type = blockType(resource.schema);
        const raw = request.raw_state as RawStateWire | undefined;
        if (!raw?.json || raw.json.length === 0) {
          if (raw?.flatmap && Object.keys(raw.flatmap).length > 0) throw new ProviderError('Unsupported state', 'The state is in the flatmap format of Terraform 0.11.');
          return { upgraded_state: encodeDynamicValue(null, type) };
        }
        const version = Number(request.version ?? 0);
        let json = Buffer.from(raw.json).toString('utf8');
        if (resource.upgradeState && version < (resource.schema.version ?? 0)) {
          json = JSON.stringify(resource.upgradeState(version, JSON.parse(json) as Record<string, unknown>));
        }
        return { upgraded_state: encodeDynamicValue(decodeJsonValue(json, type), type) };
      }),

    ReadResource: (request) =>
      guarded(
        'Reading the resource',
        async (diagnostics) => {
          const resource = resourceOf(request);
          const type = blockType(resource.schema);
          const current = decodeDynamicValue(dynamic(request, 'current_state'), type) as TfObject | null;
          const next = current === null ? null : await resource.read(current, context(diagnostics));
          return { new_state: encodeDynamicValue(next, type), private: request.private };
        },
        // A failed read keeps the state Terraform had.
        () => ({ new_state: request.current_state, private: request.private }),
      ),

    PlanResourceChange: (request) =>
      guarded('Planning the change', async (diagnostics) => {
        const resource = resourceOf(request);
        const type = blockType(resource.schema);
        const prior = decodeDynamicValue(dynamic(request, 'prior_state'), type) as TfObject | null;
        const proposed = decodeDynamicValue(dynamic(request, 'proposed_new_state'), type) as TfObject | null;
        const config = decodeDynamicValue(dynamic(request, 'config'), type) as TfObject | null;
        const plan = planResourceChange(resource.schema, prior, proposed, config);
        const planned = resource.modifyPlan
          ? await resource.modifyPlan({ prior, planned: plan.planned, config, replace: plan.requiresReplace.length > 0 }, context(diagnostics))
          : plan.planned;
        return {
          planned_state: encodeDynamicValue(planned, type),
          requires_replace: plan.requiresReplace.map(pathToWire),
          planned_private: request.prior_private,
        };
      }),

    ApplyResourceChange: (request) => {
      const resource = resources.get(String(request.type_name));
      const type = resource ? blockType(resource.schema) : undefined;
      let prior: TfObject | null = null;
      return guarded(
        'Applying the change',
        async (diagnostics) => {
          const resource = resourceOf(request);
          prior = decodeDynamicValue(dynamic(request, 'prior_state'), type!) as TfObject | null;
          const planned = decodeDynamicValue(dynamic(request, 'planned_state'), type!) as TfObject | null;
          const ctx = context(diagnostics);
          let next: TfObject | null;
          if (planned === null) {
            if (prior !== null) await resource.delete(prior, ctx);
            next = null;
          } else if (prior === null) {
            next = await resource.create(planned, ctx);
          } else {
            next = await resource.update(prior, planned, ctx);
          }
          if (next !== null && !isWhollyKnown(next)) {
            throw new ProviderError('Provider returned an unknown value', `${resource.typeName} left a value unknown after apply; this is a bug of the provider.`);
          }
          return { new_state: encodeDynamicValue(next, type!), private: request.planned_private };
        },
        // After a failure Terraform keeps what the response says exists: the partial state if
        // the resource gave one, else the prior state (null after a failed create).
        (err) => (type ? { new_state: encodeDynamicValue(err instanceof ProviderError && err.partialState ? err.partialState : prior, type) } : {}),
      );
    },

    ImportResourceState: (request) =>
      guarded('Importing the resource', async (diagnostics) => {
        const resource = resourceOf(request);
        if (!resource.import) throw new ProviderError('Resource cannot be imported', `${resource.typeName} does not support import.`);
        const state = await resource.import(String(request.id ?? ''), context(diagnostics));
        return { imported_resources: [{ type_name: resource.typeName, state: encodeDynamicValue(state, blockType(resource.schema)) }] };
      }),

    MoveResourceState: (request) =>
      guarded('Moving the resource state', async () => {
        throw new ProviderError('Move not supported', `This provider cannot move state from ${String(request.source_type_name)} into ${String(request.target_type_name)}.`);
      }),

    ReadDataSource: (request) =>
      guarded('Reading the data source', async (diagnostics) => {
        const source = dataSources.get(String(request.type_name));
        if (!source) throw new ProviderError('Unknown data source', `This provider has no data source ${JSON.stringify(request.type_name)}.`);
        const type = blockType(source.schema);
        const config = decodeDynamicValue(dynamic(request, 'config'), type) as TfObject;
        return { state: encodeDynamicValue(await source.read(config, context(diagnostics)), type) };
      }),
  };
  return handlers;
}
