import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { MAX_USER_TAGS_PER_TENANT, RESERVED_TAG_PREFIX, TAG_KEY_MAX_LENGTH, TAG_VALUE_MAX_LENGTH } from '../src/tenant-spec/limits';
import { suppressionSchema, tagKeySchema, tagValueSchema, tenantSpecSchema } from '../src/tenant-spec/tenant-spec';

/** Where the generated JSON Schema of the tenant spec is kept, relative to the package root. */
export const TENANT_SPEC_SCHEMA_FILE = path.join('schema', 'tenant-spec.schema.json');

// zod cannot express its refinements in JSON Schema; these are their JSON Schema spelling
// (JSON Schema's maxLength counts code points, as SES and the refinements do).
const REFINEMENTS = new Map<unknown, Record<string, unknown>>([
  [tenantSpecSchema.shape.tags, { maxProperties: MAX_USER_TAGS_PER_TENANT }],
  [tagKeySchema, { maxLength: TAG_KEY_MAX_LENGTH, not: { pattern: `^([aA][wW][sS]:|${RESERVED_TAG_PREFIX})` } }],
  [tagValueSchema, { maxLength: TAG_VALUE_MAX_LENGTH }],
  [suppressionSchema.shape.reasons, { uniqueItems: true }],
]);

/** The JSON Schema of `TenantSpec` as the file holds it: generated from the zod schema, two-space JSON. */
export function renderTenantSpecJsonSchema(): string {
  const schema = z.toJSONSchema(tenantSpecSchema, {
    target: 'draft-2020-12',
    override: (ctx) => Object.assign(ctx.jsonSchema, REFINEMENTS.get(ctx.zodSchema)),
  });
  const doc = { $id: 'https://cdktf-ses-tenants/tenant-spec.schema.json', title: 'TenantSpec', ...schema };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (require.main === module) {
  const file = path.resolve(__dirname, '..', TENANT_SPEC_SCHEMA_FILE);
  fs.writeFileSync(file, renderTenantSpecJsonSchema());
  process.stdout.write(`wrote ${TENANT_SPEC_SCHEMA_FILE}\n`);
}
