import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DesiredStateError, desiredFromStackJson, readDesiredState } from '../../src/engine';
import { SpecValidationError } from '../../src/tenant-spec';
import type { TenantSpec } from '../../src/tenant-spec';
import { spec, target } from './fixtures';

function stackJson(stack: string, tenants: Record<string, unknown>, region = 'eu-central-1'): unknown {
  return { locals: { ses_tenants_stack: target(stack, region), ses_tenants: tenants }, resource: {} };
}

function synthDir(stacks: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-desired-'));
  const manifest: Record<string, unknown> = {};
  for (const [name, json] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
  return dir;
}

describe('readDesiredState', () => {
  test('reads every stack of the manifest, sorted by name, tenants in canonical form', () => {
    const b = spec('b', { tags: { z: '1', a: '2' } });
    const dir = synthDir({ zeta: stackJson('zeta', { b }), alpha: stackJson('alpha', {}, 'us-east-1') });
    const stacks = readDesiredState(dir);
    expect(stacks.map((s) => s.target.stack)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(stacks[1].tenants.b.tags)).toEqual(['a', 'z']);
  });

  test('selects stacks by name and names an unknown one', () => {
    const dir = synthDir({ a: stackJson('a', {}), b: stackJson('b', {}, 'us-east-1') });
    expect(readDesiredState(dir, { stacks: ['b'] }).map((s) => s.target.stack)).toEqual(['b']);
    expect(() => readDesiredState(dir, { stacks: ['c'] })).toThrow('no stack named "c" in');
  });

  test('rejects one tenant name declared by two stacks of one region and account', () => {
    const dir = synthDir({ a: stackJson('a', { x: spec('x') }), b: stackJson('b', { x: spec('x') }) });
    expect(() => readDesiredState(dir)).toThrow(/tenant "x" is declared by stacks a and b, both in eu-central-1\/123456789012/);
  });

  test('a missing synth output says to synth first', () => {
    expect(() => readDesiredState('/nonexistent/cdktf.out')).toThrow(/run "npx cdktf synth" first/);
  });
});

describe('desiredFromStackJson', () => {
  test('a stack without the locals is not a TenantStack', () => {
    expect(() => desiredFromStackJson({ resource: {} }, 'stack net')).toThrow(DesiredStateError);
    expect(() => desiredFromStackJson({ resource: {} }, 'stack net')).toThrow(/stack net has no locals.ses_tenants_stack/);
  });

  test.each([0, 1, 3, undefined])('format version %p from another tool version is refused', (v) => {
    const json = { locals: { ses_tenants_stack: { ...target('a'), formatVersion: v }, ses_tenants: {} } };
    expect(() => desiredFromStackJson(json, 'stack a')).toThrow(/desired-state format version .* this tool reads version 2/);
  });

  test('an invalid tenant names stack, tenant, field and rule', () => {
    const bad = { ...spec('acme'), reputationPolicy: 'lenient' };
    const err = (() => {
      try {
        desiredFromStackJson(stackJson('app', { acme: bad }), 'stack app');
      } catch (e) {
        return e as SpecValidationError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(SpecValidationError);
    expect(err.message).toContain('app/acme: tenant "acme": reputationPolicy: must be one of "standard", "strict", "none" (got "lenient")');
  });

  test('stack rules run too: an ARN of another region is refused', () => {
    const s: TenantSpec = spec('acme', { resources: [{ type: 'identity', name: 'x.com', arn: 'arn:aws:ses:us-east-1:123456789012:identity/x.com' }] });
    expect(() => desiredFromStackJson(stackJson('app', { acme: s }))).toThrow(/resources\[0\]\.arn: is in region us-east-1, the stack is in eu-central-1/);
  });

  test('a key that differs from the tenant name is refused', () => {
    expect(() => desiredFromStackJson(stackJson('app', { other: spec('acme') }))).toThrow(/name: must equal its key "other"/);
  });
});
