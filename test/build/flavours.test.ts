import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

// scripts/flavours.js: what the build renames for the cdktn entry, and the guard that fails the
// build when a module of the other flavour is left in an output.
const { cdktnTransformer, leakedModules, renameModule } = require('../../scripts/flavours') as {
  cdktnTransformer: ts.TransformerFactory<ts.SourceFile>;
  leakedModules: (dir: string, flavour: 'cdktf' | 'cdktn') => string[];
  renameModule: (specifier: string) => string;
};

const SOURCE = [
  "import { App } from 'cdktf';",
  "import type { ISynthesisSession } from 'cdktf/lib/synthesize/types';",
  "export { Token } from 'cdktf';",
  "export const PROVIDER_AWS_PACKAGE = '@cdktf/provider-aws';",
  "export const load = () => require('@cdktf/provider-aws/lib/provider') as typeof import('@cdktf/provider-aws/lib/provider');",
  "export const marker = Symbol.for('cdktf/TerraformStack');",
  "export const file = 'cdktf.json';",
  'export type S = ISynthesisSession;',
  'export const app = new App();',
].join('\n');

test.each([
  ['cdktf', 'cdktn'],
  ['cdktf/lib/synthesize/synthesizer', 'cdktn/lib/synthesize/synthesizer'],
  ['@cdktf/provider-aws', '@cdktn/provider-aws'],
  ['@cdktf/provider-aws/lib/sesv2-email-identity', '@cdktn/provider-aws/lib/sesv2-email-identity'],
  ['cdktf-ses-tenants', 'cdktf-ses-tenants'],
  ['cdktf-cli', 'cdktf-cli'],
  ['@cdktf/provider-generator', '@cdktf/provider-generator'],
  ['constructs', 'constructs'],
])('renameModule(%s) is %s', (from, to) => {
  expect(renameModule(from)).toBe(to);
});

test('the transformer renames module specifiers and the provider package constant, and no other string', () => {
  const js = ts.transpileModule(SOURCE, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 }, transformers: { before: [cdktnTransformer] } }).outputText;

  expect(js).toContain('require("cdktn")');
  expect(js).toContain('exports.PROVIDER_AWS_PACKAGE = "@cdktn/provider-aws"');
  expect(js).toContain('require("@cdktn/provider-aws/lib/provider")');
  expect(js).toContain("Symbol.for('cdktf/TerraformStack')");
  expect(js).toContain("'cdktf.json'");
  expect(js).not.toMatch(/require\("cdktf/);
});

describe('leakedModules: the build guard', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flavours-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };

  test('reports each module of the other flavour, by file, in requires, imports, import types and the constant', () => {
    write('a.js', 'const c = require("cdktf");\nconst m = "cdktf/lib/x";\n');
    write('sub/b.d.ts', 'import { X } from "@cdktf/provider-aws/lib/provider";\nexport declare const y: import("cdktf").App;\n');
    write('c.js', 'exports.PROVIDER_AWS_PACKAGE = "@cdktf/provider-aws";\nconst s = Symbol.for("cdktf/TerraformStack");\n');

    expect(leakedModules(dir, 'cdktn')).toEqual(['a.js: cdktf', 'c.js: @cdktf/provider-aws', 'sub/b.d.ts: @cdktf/provider-aws/lib/provider', 'sub/b.d.ts: cdktf']);
    expect(leakedModules(dir, 'cdktf')).toEqual([]);
  });

  test('a clean output passes, and a cdktn module in the cdktf output fails', () => {
    write('a.js', 'const c = require("cdktn");\nconst p = require("@cdktn/provider-aws/lib/provider");\n');

    expect(leakedModules(dir, 'cdktn')).toEqual([]);
    expect(leakedModules(dir, 'cdktf')).toEqual(['a.js: @cdktn/provider-aws/lib/provider', 'a.js: cdktn']);
  });
});
