import { runProvider } from '../../../src/provider/framework/run-provider';
import type { BlockSchema, ResourceSchema } from '../../../src/provider/framework/schema';
import type { CtyType } from '../../../src/provider/protocol/cty-type';
import { isUnknown, type TfObject, type TfValue } from '../../../src/provider/protocol/value';
import { PROVIDER_SCHEMA } from '../../../src/provider/tenants/provider-config';
import { TENANT_SCHEMA } from '../../../src/provider/tenants/tenant-schema';

// A bench floor: "Terraform with a trivial external provider". The same protocol and framework
// code as the sestenants provider, the same provider and `sestenants_tenant` schemas (so Terraform
// moves the same values), but no validation, no plan modifier and no SES: create and update
// return the plan with each computed value filled in, read returns the state. What the real
// provider takes beyond this is its own work; this itself is Terraform's per-instance cost.

function withoutChecks<B extends BlockSchema>(block: B): B {
  return {
    ...block,
    attributes: Object.fromEntries(Object.entries(block.attributes).map(([name, attr]) => [name, { ...attr, validate: undefined }])),
    blocks: Object.fromEntries(Object.entries(block.blocks ?? {}).map(([name, nested]) => [name, { ...nested, block: withoutChecks(nested.block) }])),
  };
}

function known(type: CtyType, seed: string): TfValue {
  if (type === 'string') return seed;
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  return type[0] === 'map' || type[0] === 'object' ? {} : [];
}

function filled(schema: ResourceSchema, planned: TfObject): TfObject {
  const out: Record<string, TfValue> = { ...planned };
  for (const [name, attr] of Object.entries(schema.attributes)) {
    if (isUnknown(out[name])) out[name] = known(attr.type, `${name}-${String(planned.name)}`);
  }
  return out;
}

const schema = withoutChecks(TENANT_SCHEMA);

void runProvider({
  schema: withoutChecks(PROVIDER_SCHEMA),
  configure: async () => undefined,
  resources: [
    {
      typeName: 'sestenants_tenant',
      schema,
      read: async (state) => state,
      create: async (planned) => filled(schema, planned),
      update: async (_prior, planned) => filled(schema, planned),
      delete: async () => undefined,
    },
  ],
});
