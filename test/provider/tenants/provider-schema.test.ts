import * as fs from 'fs';
import * as path from 'path';
import { removeDir, tempDir } from '../../support/tenant-app';
import { runTerraform, testWithTerraform } from '../../support/terraform';
import { installProviderFile, isolatedTerraformEnv, terraformArgs } from '../install-provider';

// schema/provider-schema.json is the provider's schema as `terraform providers schema -json`
// prints it (what the cdktf bindings are generated from). It is generated from the tenant spec
// through the provider; this test fails when the checked-in copy is stale.
// Regenerate: UPDATE_PROVIDER_SCHEMA=1 npx jest test/provider/tenants/provider-schema.test.ts

const ROOT = path.join(__dirname, '..', '..', '..');
const CHECKED_IN = path.join(ROOT, 'schema', 'provider-schema.json');

testWithTerraform('schema/provider-schema.json is what terraform providers schema -json prints for the built provider', () => {
  const dir = tempDir('sestenants-schema');
  try {
    installProviderFile(dir, path.join(ROOT, 'dist', 'terraform-provider-sestenants.js'), { namespace: 'cdktf-ses-tenants', type: 'sestenants', version: '0.1.0' });
    fs.writeFileSync(path.join(dir, 'main.tf'), 'terraform {\n  required_providers {\n    sestenants = { source = "cdktf-ses-tenants/sestenants", version = "0.1.0" }\n  }\n}\n');
    const env = isolatedTerraformEnv(dir);
    runTerraform(dir, terraformArgs(['init']), { env });
    const printed = JSON.parse(runTerraform(dir, ['providers', 'schema', '-json'], { env }).stdout) as unknown;
    const text = `${JSON.stringify(printed, null, 2)}\n`;
    if (process.env.UPDATE_PROVIDER_SCHEMA === '1') fs.writeFileSync(CHECKED_IN, text);
    expect(fs.existsSync(CHECKED_IN) ? JSON.parse(fs.readFileSync(CHECKED_IN, 'utf8')) : 'schema/provider-schema.json is missing').toEqual(printed);
  } finally {
    removeDir(dir);
  }
});
