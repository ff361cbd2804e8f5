import { TfObject, TfValue, UNKNOWN, valuesEqual } from '../protocol/value';
import { AttributePath } from './diagnostics';
import { ResourceSchema } from './schema';

/** The framework's plan of one resource instance. */
export interface FrameworkPlan {
  /** Planned state, null for destroy. */
  readonly planned: TfObject | null;
  /** Paths whose change forces replacement. */
  readonly requiresReplace: readonly AttributePath[];
}

function isSetType(type: unknown): boolean {
  return Array.isArray(type) && type[0] === 'set';
}

/**
 * Plans a change from Terraform's proposed new state, as terraform-plugin-framework does:
 * defaults fill null optional+computed attributes; on create every other unset computed
 * attribute is unknown; on an update that changes anything, unset computed attributes become
 * unknown unless they `useStateForUnknown`; changed `requiresReplace` attributes are reported.
 */
export function planResourceChange(
  schema: ResourceSchema,
  prior: TfObject | null,
  proposed: TfObject | null,
  config: TfObject | null,
): FrameworkPlan {
  if (proposed === null || config === null) return { planned: null, requiresReplace: [] };
  const planned: Record<string, TfValue> = { ...proposed };
  const unset = (name: string) => config[name] === null;
  for (const [name, attr] of Object.entries(schema.attributes)) {
    if (attr.computed && attr.default !== undefined && unset(name)) planned[name] = attr.default;
  }
  const computedUnset = Object.entries(schema.attributes).filter(([name, a]) => a.computed && a.default === undefined && unset(name));
  if (prior === null) {
    for (const [name] of computedUnset) planned[name] = UNKNOWN;
    return { planned, requiresReplace: [] };
  }
  const types = { ...schema.attributes, ...schema.blocks };
  const changed = Object.keys(types).filter((name) => {
    const attr = schema.attributes[name];
    const set = attr ? isSetType(attr.type) : schema.blocks?.[name].nesting === 'set';
    return !valuesEqual(prior[name], planned[name], set);
  });
  if (changed.length > 0) {
    for (const [name, attr] of computedUnset) if (!attr.useStateForUnknown) planned[name] = UNKNOWN;
  }
  const requiresReplace = changed
    .filter((name) => (schema.attributes[name] ?? schema.blocks?.[name])?.requiresReplace)
    .sort()
    .map((name): AttributePath => [name]);
  return { planned, requiresReplace };
}
