import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlanFileError, readPlanFile, serializePlan, writePlanFile } from '../../src/engine';
import { samplePlan } from '../render/sample-plan';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-planfile-'));

test('a written plan reads back equal', () => {
  const file = path.join(dir, 'ok.plan');
  writePlanFile(file, samplePlan());
  expect(readPlanFile(file)).toEqual(samplePlan());
});

test('a plan file is not written into a directory that does not exist', () => {
  const file = path.join(dir, 'missing', 'out.plan');
  expect(() => writePlanFile(file, samplePlan())).toThrow(new PlanFileError(`cannot write plan file ${file}: directory ${path.join(dir, 'missing')} does not exist`));
});

test.each([
  ['truncated', (t: string) => t.slice(0, t.length / 2), /not a complete plan file \(truncated or corrupt JSON/],
  ['not a plan', () => '{"hello":1}', /is not a cdktf-ses-tenants plan file/],
  ['another version', (t: string) => t.replace('"formatVersion":2', '"formatVersion":1'), /has plan format version 1, this tool reads version 2/],
  ['corrupt content', (t: string) => t.replace('"action":"delete"', '"action":"explode"'), /is not a valid plan file at stacks\.0\.changes\.4\.action/],
])('a %s file is refused with a clear error', (_name, mangle, message) => {
  const file = path.join(dir, 'bad.plan');
  fs.writeFileSync(file, mangle(serializePlan(samplePlan())));
  expect(() => readPlanFile(file)).toThrow(PlanFileError);
  expect(() => readPlanFile(file)).toThrow(message);
});

test('a missing file names the file', () => {
  expect(() => readPlanFile(path.join(dir, 'none.plan'))).toThrow(/cannot read plan file .*none\.plan: ENOENT/);
});

test('a plan file holds no credentials', () => {
  const text = serializePlan(samplePlan());
  expect(text).not.toMatch(/secret|accessKey|sessionToken/i);
});
