import * as fs from 'fs';
import * as path from 'path';
import { renderTenantSpecJsonSchema, TENANT_SPEC_SCHEMA_FILE } from '../../scripts/generate-schema';

test('schema/tenant-spec.schema.json is generated from the current tenantSpecSchema', () => {
  const file = path.join(__dirname, '..', '..', TENANT_SPEC_SCHEMA_FILE);
  // Regenerate with: esbuild scripts/generate-schema.ts --bundle --platform=node --packages=external --outfile=dist/generate-schema.js && node dist/generate-schema.js
  expect(fs.readFileSync(file, 'utf8')).toBe(renderTenantSpecJsonSchema());
});

test('the schema states the limits that zod checks with refinements', () => {
  const schema = JSON.parse(renderTenantSpecJsonSchema());
  expect(schema.properties.tags.maxProperties).toBe(47);
  expect(schema.properties.tags.additionalProperties).toMatchObject({ maxLength: 256 });
  expect(schema.properties.removalPolicy).toMatchObject({ enum: ['retain', 'destroy'] });
  expect(schema.properties.adopt).toMatchObject({ type: 'boolean' });
  expect(schema.properties.tags.propertyNames).toMatchObject({ minLength: 1, maxLength: 128, not: { pattern: '^([aA][wW][sS]:|ses-tenants:)' } });
  expect(schema.properties.name.pattern).toBe('^[A-Za-z0-9_-]{1,64}$');
  expect(schema.required).toEqual(['name', 'resources', 'reputationPolicy', 'sendingStatus', 'tags', 'suppression']);
});
