import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hookProgramPath, HookProgramMissingError } from '../../src/constructs/private/hook-program';

test('the hook program is found in dist/ of this package from the source tree', () => {
  expect(hookProgramPath()).toBe(path.resolve(__dirname, '..', '..', 'dist', 'hook.js'));
});

test('a package without its bundle says to run npm run build', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'cdktf-ses-tenants' }));
  fs.mkdirSync(path.join(root, 'dist', 'src', 'constructs'), { recursive: true });
  try {
    expect(() => hookProgramPath([path.join(root, 'dist', 'src', 'constructs')])).toThrow(HookProgramMissingError);
    expect(() => hookProgramPath([path.join(root, 'dist', 'src', 'constructs')])).toThrow('run "npm run build"');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('outside this package the error names where it looked', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elsewhere-'));
  try {
    expect(() => hookProgramPath([dir])).toThrow(`cannot find the package.json of cdktf-ses-tenants above ${dir}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
