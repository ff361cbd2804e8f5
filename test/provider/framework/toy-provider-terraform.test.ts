import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTerraform, TerraformResult } from '../../support/terraform';
import { installProvider, isolatedTerraformEnv, terraformArgs } from '../install-provider';

// The framework and protocol layer driven by the real terraform, offline, through a toy provider
// whose objects are JSON files (so the test can read and change them behind Terraform's back).

let dir: string;
let store: string;
let env: NodeJS.ProcessEnv;

interface ItemConfig {
  name: string;
  content?: string;
  tags?: Record<string, string>;
  rules?: string[];
}

function writeConfig(items: Record<string, ItemConfig>, extra = ''): void {
  const resources = Object.entries(items).map(([address, item]) => {
    const lines = [`resource "toy_item" ${JSON.stringify(address)} {`, `  name = ${JSON.stringify(item.name)}`];
    if (item.content !== undefined) lines.push(`  content = ${JSON.stringify(item.content)}`);
    if (item.tags) lines.push(`  tags = ${JSON.stringify(item.tags).replace(/":/g, '" =')}`);
    for (const key of item.rules ?? []) lines.push(`  rule {`, `    key = ${JSON.stringify(key)}`, `  }`);
    lines.push('}');
    return lines.join('\n');
  });
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    [
      'terraform {',
      '  required_providers {',
      '    toy = { source = "example/toy", version = "0.1.0" }',
      '  }',
      '}',
      `provider "toy" { store_dir = ${JSON.stringify(store)} }`,
      ...resources,
      extra,
    ].join('\n'),
  );
}

const tf = (args: string[], allowFailure = false): TerraformResult => runTerraform(dir, terraformArgs(args), { env, allowFailure });
const stored = (name: string) => JSON.parse(fs.readFileSync(path.join(store, `${name}.json`), 'utf8')) as Record<string, unknown>;
const state = () =>
  JSON.parse(fs.readFileSync(path.join(dir, 'terraform.tfstate'), 'utf8')) as {
    resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[];
  };
const stateOf = (name: string) => state().resources.find((r) => r.name === name)?.instances[0].attributes;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toy-provider-'));
  store = path.join(dir, 'store');
  fs.mkdirSync(store);
  env = isolatedTerraformEnv(dir);
  await installProvider(dir, { entry: path.join(__dirname, '..', 'fixtures', 'toy-provider.ts'), namespace: 'example', type: 'toy', version: '0.1.0' });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a provider built on the framework, driven by the real terraform', () => {
  test('init installs it from terraform.d/plugins with an empty CLI config', () => {
    writeConfig({ a: { name: 'alpha', content: 'hello', tags: { team: 'mail' }, rules: ['k1'] } });
    const out = tf(['init']);
    expect(out.stdout).toContain('Installing example/toy v0.1.0');
    expect(fs.readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8')).toContain('registry.terraform.io/example/toy');
  });

  test('apply creates the object with computed values and defaults', () => {
    const plan = tf(['plan']);
    expect(plan.stdout).toContain('+ id       = (known after apply)');
    expect(plan.stdout).toContain('+ priority = 1');
    tf(['apply', '-auto-approve']);
    const item = stored('alpha');
    expect(item).toMatchObject({ name: 'alpha', content: 'hello', tags: { team: 'mail' }, priority: 1, revision: 1, rule: [{ key: 'k1', value: null }] });
    expect(stateOf('a')).toMatchObject({ id: item.id, revision: 1 });
  });

  test('a plan right after apply has no changes (exit 0)', () => {
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('a changed attribute updates in place: the id stays, computed revision is unknown in the plan', () => {
    const id = stateOf('a')!.id;
    writeConfig({ a: { name: 'alpha', content: 'changed', tags: { team: 'mail' }, rules: ['k1'] } });
    const plan = tf(['plan']);
    expect(plan.stdout).toContain('will be updated in-place');
    expect(plan.stdout).toContain('~ content  = "hello" -> "changed"');
    expect(plan.stdout).toContain('~ revision = 1 -> (known after apply)');
    expect(plan.stdout).not.toContain('id       = (known after apply)');
    tf(['apply', '-auto-approve']);
    expect(stored('alpha')).toMatchObject({ id, content: 'changed', revision: 2 });
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('a changed requiresReplace attribute replaces the object', () => {
    const oldId = stateOf('a')!.id;
    writeConfig({ a: { name: 'beta', content: 'changed', tags: { team: 'mail' }, rules: ['k1'] } });
    const plan = tf(['plan']);
    expect(plan.stdout).toContain('must be replaced');
    expect(plan.stdout).toContain('# forces replacement');
    tf(['apply', '-auto-approve']);
    expect(fs.existsSync(path.join(store, 'alpha.json'))).toBe(false);
    expect(stored('beta').id).not.toBe(oldId);
    expect(stateOf('a')!.id).toBe(stored('beta').id);
  });

  test('refresh sees an out-of-band change, and the next apply repairs it', () => {
    fs.writeFileSync(path.join(store, 'beta.json'), JSON.stringify({ ...stored('beta'), content: 'tampered' }));
    const plan = tf(['plan', '-detailed-exitcode'], true);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ content  = "tampered" -> "changed"');
    tf(['apply', '-auto-approve']);
    expect(stored('beta').content).toBe('changed');
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
  });

  test('an object deleted out of band is planned for creation again', () => {
    fs.rmSync(path.join(store, 'beta.json'));
    const plan = tf(['plan', '-detailed-exitcode'], true);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('toy_item.a will be created');
    tf(['apply', '-auto-approve']);
    expect(stored('beta').content).toBe('changed');
  });

  test('terraform import and refresh-only round-trip to no changes', () => {
    tf(['state', 'rm', 'toy_item.a']);
    const imported = tf(['import', 'toy_item.a', 'beta']);
    expect(imported.stdout).toContain('Import successful!');
    expect(stateOf('a')!.id).toBe(stored('beta').id);
    expect(tf(['plan', '-detailed-exitcode']).code).toBe(0);
    expect(tf(['apply', '-refresh-only', '-auto-approve']).stdout).toContain('No changes');
  });

  test('an import block of an unknown name fails with the provider\'s diagnostic', () => {
    writeConfig({ a: { name: 'beta', content: 'changed', tags: { team: 'mail' }, rules: ['k1'] }, b: { name: 'ghost' } }, 'import {\n  to = toy_item.b\n  id = "ghost"\n}');
    const plan = tf(['plan'], true);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Cannot import');
    expect(plan.stderr).toContain('No item named "ghost".');
  });

  test('validation errors point at the attribute, from attribute and resource checks', () => {
    writeConfig({ a: { name: 'Bad Name', rules: ['ok', 'forbidden'] } });
    const plan = tf(['plan'], true);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Error: Invalid name');
    expect(plan.stderr).toContain('name must be lower-case letters, digits and dashes, got "Bad Name"');
    expect(plan.stderr).toMatch(/with toy_item\.a,\n\s+on main\.tf line \d+, in resource "toy_item" "a":\n\s+\d+:\s+name = "Bad Name"/);
    expect(plan.stderr).toContain('Error: Forbidden rule key');
    expect(plan.stderr).toMatch(/Error: Forbidden rule key\s+with toy_item\.a,\n\s+on main\.tf line \d+, in resource "toy_item" "a":\n\s+\d+:\s+key = "forbidden"/);
  });

  test('an exception in the provider becomes a diagnostic without a stack trace', () => {
    writeConfig({ a: { name: 'beta', content: 'changed', tags: { team: 'mail' }, rules: ['k1'] }, c: { name: 'gamma', content: 'fail-on-create' } });
    const apply = tf(['apply', '-auto-approve'], true);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('Error: Applying the change failed');
    expect(apply.stderr).toContain('the store refused the item');
    expect(apply.stdout + apply.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(state().resources.map((r) => r.name)).toEqual(['a']);
  });

  test('a data source reads through the configured provider', () => {
    writeConfig({ a: { name: 'beta', content: 'changed', tags: { team: 'mail' }, rules: ['k1'] } }, 'data "toy_items" "all" {}\noutput "names" { value = data.toy_items.all.names }');
    const apply = tf(['apply', '-auto-approve']);
    expect(apply.stdout).toMatch(/names = tolist\(\[\n\s+"beta",\n\s*\]\)/);
  });

  test('destroy deletes every object', () => {
    tf(['destroy', '-auto-approve']);
    expect(fs.readdirSync(store)).toEqual([]);
    expect(state().resources.filter((r) => r.type === 'toy_item')).toEqual([]);
  });
});
