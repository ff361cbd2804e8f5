import * as fs from 'fs';
import * as path from 'path';
import { generateImportedStack } from '../../src/cli/import-codegen';
import { detectProjectCore } from '../../src/cli/project-core';
import { removeDir, tempDir } from '../support/tenant-app';

// `ses-tenants import` writes code for the project's core: CDK for Terraform or CDK Terrain.

const LIVE = { partition: 'aws', region: 'eu-central-1', account: '123456789012', tenants: {} };

describe('detectProjectCore', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('project-core')));
  afterEach(() => removeDir(dir));
  const withManifest = (manifest: object): string => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
    return dir;
  };

  test.each([
    ['cdktn in dependencies', 'cdktn', { dependencies: { cdktn: '0.24.0', 'cdktf-ses-tenants': '*' } }],
    ['cdktn in devDependencies', 'cdktn', { devDependencies: { cdktn: '0.24.0' } }],
    ['cdktf in dependencies', 'cdktf', { dependencies: { cdktf: '0.21.0' } }],
    ['both cores', 'cdktf', { dependencies: { cdktf: '0.21.0', cdktn: '0.24.0' } }],
    ['neither core', 'cdktf', { dependencies: {} }],
  ])('a package.json with %s is a %s project', (_, core, manifest) => {
    expect(detectProjectCore(withManifest(manifest))).toBe(core);
  });

  test('a directory with no package.json is a cdktf project', () => {
    expect(detectProjectCore(dir)).toBe('cdktf');
  });
});

test.each([
  [undefined, "from \"cdktf\";", "from \"cdktf-ses-tenants\";"],
  ['cdktf', "from \"cdktf\";", "from \"cdktf-ses-tenants\";"],
  ['cdktn', "from \"cdktn\";", "from \"cdktf-ses-tenants/cdktn\";"],
] as const)('the imported stack of a %s project imports App and the constructs from its core', (core, app, constructs) => {
  const source = generateImportedStack(LIVE, { core });

  expect(source).toMatch(new RegExp(`^import \\{ App \\} ${app.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  expect(source).toContain(constructs);
  expect(source).not.toContain(core === 'cdktn' ? "'cdktf'" : "'cdktn'");
});
