import { CtyType, ctyTypeJson } from '../protocol/cty-type';
import type { TfValue } from '../protocol/value';
import { NestedBlockWire, SchemaBlockWire, SchemaWire } from '../protocol/wire';

/** One attribute of a resource, data source or provider, with its plan behaviour beside it. */
export interface AttributeSchema {
  /** Its Terraform type. */
  readonly type: CtyType;
  /**
   * Documentation shown by `terraform providers schema` and the bindings.
   * @default - none
   */
  readonly description?: string;
  /**
   * The configuration must set it.
   * @default false
   */
  readonly required?: boolean;
  /**
   * The configuration may set it.
   * @default false
   */
  readonly optional?: boolean;
  /**
   * The provider sets it (when the configuration does not).
   * @default false
   */
  readonly computed?: boolean;
  /**
   * Hidden in plan output.
   * @default false
   */
  readonly sensitive?: boolean;
  /**
   * A change of this attribute replaces the object (the framework's RequiresReplace).
   * @default false
   */
  readonly requiresReplace?: boolean;
  /**
   * A computed attribute keeps its prior value on update instead of becoming unknown (UseStateForUnknown).
   * @default false
   */
  readonly useStateForUnknown?: boolean;
  /**
   * Value planned when the configuration leaves it null (needs optional and computed).
   * @default - none
   */
  readonly default?: TfValue;
  /**
   * Checks a known, non-null configured value; returns the message of each problem.
   * @default - no check
   */
  readonly validate?: (value: TfValue) => readonly string[];
}

/** A nested block (`name { ... }`) of a schema. */
export interface NestedBlockSchema {
  /** How many blocks: one (`single`), an ordered `list` or a `set`. */
  readonly nesting: 'single' | 'list' | 'set';
  /** The block's own attributes and blocks. */
  readonly block: BlockSchema;
  /**
   * Fewest blocks.
   * @default 0
   */
  readonly minItems?: number;
  /**
   * Most blocks.
   * @default - no limit
   */
  readonly maxItems?: number;
  /**
   * A change inside the block replaces the object.
   * @default false
   */
  readonly requiresReplace?: boolean;
}

/** A block: attributes and nested blocks. */
export interface BlockSchema {
  /**
   * Documentation.
   * @default - none
   */
  readonly description?: string;
  /** Attributes by name. */
  readonly attributes: { readonly [name: string]: AttributeSchema };
  /**
   * Nested blocks by name.
   * @default - none
   */
  readonly blocks?: { readonly [name: string]: NestedBlockSchema };
}

/** The schema of a resource type (a block with a version for state upgrades). */
export interface ResourceSchema extends BlockSchema {
  /**
   * Version of the state layout, recorded in the state.
   * @default 0
   */
  readonly version?: number;
}

/** The object type of a block's value. */
export function blockType(block: BlockSchema): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [name, attr] of Object.entries(block.attributes)) attrs[name] = attr.type;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const inner = blockType(nested.block);
    attrs[name] = nested.nesting === 'single' ? inner : [nested.nesting, inner];
  }
  return ['object', attrs];
}

const NESTING = { single: 1, list: 2, set: 3 } as const;

function blockToWire(block: BlockSchema, version?: number): SchemaBlockWire {
  return {
    ...(version ? { version } : {}),
    ...(block.description ? { description: block.description } : {}),
    attributes: Object.keys(block.attributes)
      .sort()
      .map((name) => {
        const a = block.attributes[name];
        return {
          name,
          type: ctyTypeJson(a.type),
          ...(a.description ? { description: a.description } : {}),
          ...(a.required ? { required: true } : {}),
          ...(a.optional ? { optional: true } : {}),
          ...(a.computed ? { computed: true } : {}),
          ...(a.sensitive ? { sensitive: true } : {}),
        };
      }),
    block_types: Object.keys(block.blocks ?? {})
      .sort()
      .map((name): NestedBlockWire => {
        const nested = block.blocks![name];
        return {
          type_name: name,
          block: blockToWire(nested.block),
          nesting: NESTING[nested.nesting],
          ...(nested.minItems ? { min_items: nested.minItems } : {}),
          ...(nested.maxItems ? { max_items: nested.maxItems } : {}),
        };
      }),
  };
}

/** The wire form of a schema. */
export function schemaToWire(schema: ResourceSchema): SchemaWire {
  return { version: schema.version ?? 0, block: blockToWire(schema, schema.version) };
}
