import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BINDINGS_DIR, generateBindings, type BindingsGenerator } from '../../scripts/generate-bindings';

// src/bindings is what cdktf's provider generator makes of schema/provider-schema.json.
// Regenerate with: npm run bindings

const ROOT = path.join(__dirname, '..', '..');

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

test('the checked-in bindings are what the generator makes of the checked-in provider schema (run "npm run bindings")', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bindings-test-'));
  try {
    await generateBindings(out);
    const fresh = filesUnder(out);
    const checkedIn = filesUnder(path.join(ROOT, BINDINGS_DIR));
    expect([...checkedIn.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, text] of fresh) expect({ file, text: checkedIn.get(file) }).toEqual({ file, text });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('one folder per resource, data source and the provider, and no index that loads them all', () => {
  const folders = fs.readdirSync(path.join(ROOT, BINDINGS_DIR)).sort();
  expect(folders).toEqual(['data-sestenants-orphaned-tenants', 'data-sestenants-tenant', 'data-sestenants-tenants', 'provider', 'tenant', 'tenant-resource-association']);
  for (const folder of folders) expect(fs.readdirSync(path.join(ROOT, BINDINGS_DIR, folder))).toEqual(['index.ts']);
});

test('the bindings import only cdktf and constructs', () => {
  const imports = new Set<string>();
  for (const text of filesUnder(path.join(ROOT, BINDINGS_DIR)).values()) for (const m of text.matchAll(/from '([^']+)'/g)) imports.add(m[1]);
  expect([...imports].sort()).toEqual(['cdktf', 'constructs']);
});

// What CDK Terrain's own generator makes of the same schema differs from the checked-in bindings in
// the core's namespace, its doc links and wording, and one constructor of a list class (parameter
// properties in cdktf's output); the dist/cdktn build renames only the module, so that is what stays.
test("CDK Terrain's provider generator differs from cdktf's only in the namespace, doc strings and one list constructor", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bindings-cdktn-'));
  try {
    await generateBindings(out, undefined, { generator: require('@cdktn/provider-generator'), commons: require('@cdktn/commons') } as BindingsGenerator);
    const cdktf = filesUnder(path.join(ROOT, BINDINGS_DIR));
    const differing: string[] = [];
    for (const [file, text] of filesUnder(out)) {
      const ours = (cdktf.get(file) ?? '')
        .replace(/import \* as cdktf from 'cdktf';/g, "import * as cdktn from 'cdktn';")
        .replace(/\bcdktf\./g, 'cdktn.')
        .replace(/https:\/\/cdk\.tf\/complex-object-as-configuration/g, 'https://cdktn.io/docs/concepts/resources#references')
        .replace(/Generates CDKTF code (.*) upon running "cdktf plan/g, 'Generates CDKTN code $1 upon running "cdktn plan')
        .split('\n');
      text.split('\n').forEach((line, i) => {
        if (line !== ours[i]) differing.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(differing).toEqual([
      'data-sestenants-orphaned-tenants/index.ts:92: constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {',
      'data-sestenants-orphaned-tenants/index.ts:93: super(terraformResource, terraformAttribute, wrapsSet);',
      'data-sestenants-tenants/index.ts:106: constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {',
      'data-sestenants-tenants/index.ts:107: super(terraformResource, terraformAttribute, wrapsSet);',
    ]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
