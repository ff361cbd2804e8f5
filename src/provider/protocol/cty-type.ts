/** A Terraform (cty) type, as the schema's attribute `type` JSON spells it. */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }]
  | readonly ['tuple', readonly CtyType[]];

/** Builders of cty types. */
export const cty = {
  string: 'string' as CtyType,
  number: 'number' as CtyType,
  bool: 'bool' as CtyType,
  list: (element: CtyType): CtyType => ['list', element],
  set: (element: CtyType): CtyType => ['set', element],
  map: (element: CtyType): CtyType => ['map', element],
  object: (attributes: { readonly [name: string]: CtyType }): CtyType => ['object', attributes],
};

/** The JSON bytes Terraform expects in `Schema.Attribute.type`. */
export function ctyTypeJson(type: CtyType): Buffer {
  return Buffer.from(JSON.stringify(type));
}
