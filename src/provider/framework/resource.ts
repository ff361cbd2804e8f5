import type { TfObject } from '../protocol/value';
import { Diagnostics } from './diagnostics';
import { BlockSchema, ResourceSchema } from './schema';

/** What a resource or data source method gets besides its values. */
export interface RequestContext<M> {
  /** What the provider's `configure` returned (clients, settings). Throws before ConfigureProvider. */
  readonly meta: M;
  /** Warnings and errors to return with the answer (throwing a ProviderError adds an error too). */
  readonly diagnostics: Diagnostics;
}

/** A planned change as a resource may adjust it (`modifyPlan`). */
export interface PlannedChange {
  /** The state before, null on create. */
  readonly prior: TfObject | null;
  /** The planned state after, null on destroy. */
  readonly planned: TfObject | null;
  /** The configuration, null on destroy. */
  readonly config: TfObject | null;
  /** Whether the framework found an attribute that forces replacement. */
  readonly replace: boolean;
}

/**
 * A managed resource type. The framework does the protocol (values, plan modifiers, unknowns,
 * diagnostics); a resource only reads and writes its objects.
 */
export interface ResourceType<M> {
  /** Type name with the provider prefix, such as `sestenants_tenant`. */
  readonly typeName: string;
  /** Attributes and blocks. */
  readonly schema: ResourceSchema;
  /** Checks a configuration (which may hold unknowns) beyond the attributes' own checks. */
  validate?(config: TfObject, diagnostics: Diagnostics): void;
  /** Changes the planned state after the framework's plan (or adds warnings, such as what a destroy will do). */
  modifyPlan?(change: PlannedChange, context: RequestContext<M>): Promise<TfObject | null>;
  /** The live object for a state, or null when it is gone (then Terraform plans to create it). */
  read(state: TfObject, context: RequestContext<M>): Promise<TfObject | null>;
  /** Creates the object; returns the full new state. */
  create(planned: TfObject, context: RequestContext<M>): Promise<TfObject>;
  /** Updates the object in place; returns the full new state. */
  update(prior: TfObject, planned: TfObject, context: RequestContext<M>): Promise<TfObject>;
  /** Deletes (or releases) the object. */
  delete(prior: TfObject, context: RequestContext<M>): Promise<void>;
  /** A state for the import id (Terraform reads it next); absent: not importable. */
  import?(id: string, context: RequestContext<M>): Promise<TfObject>;
  /** Turns a stored state of an older schema version (its JSON) into the current one. */
  upgradeState?(version: number, raw: Record<string, unknown>): Record<string, unknown>;
}

/** A data source type. */
export interface DataSourceType<M> {
  /** Type name with the provider prefix. */
  readonly typeName: string;
  /** Attributes and blocks. */
  readonly schema: BlockSchema;
  /** Checks a configuration beyond the attributes' own checks. */
  validate?(config: TfObject, diagnostics: Diagnostics): void;
  /** The data for a configuration. */
  read(config: TfObject, context: RequestContext<M>): Promise<TfObject>;
}

/** What `configure` learns about the calling Terraform. */
export interface ConfigureContext {
  /** Terraform's version. */
  readonly terraformVersion: string;
  /** Warnings and errors. */
  readonly diagnostics: Diagnostics;
}

/** A provider: its configuration, and the resource and data source types it serves. */
export interface ProviderDefinition<M> {
  /** The `provider "<name>" { ... }` block. */
  readonly schema: BlockSchema;
  /** Checks the provider configuration beyond the attributes' own checks. */
  validate?(config: TfObject, diagnostics: Diagnostics): void;
  /** Builds what resources need (clients) from the configuration. */
  configure(config: TfObject, context: ConfigureContext): Promise<M>;
  /** Managed resource types. */
  readonly resources: readonly ResourceType<M>[];
  /**
   * Data source types.
   * @default - none
   */
  readonly dataSources?: readonly DataSourceType<M>[];
}
