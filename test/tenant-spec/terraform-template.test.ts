import fc from 'fast-check';
import { escapeTemplateString, escapeTemplateStrings, unescapeTemplateString } from '../../src/tenant-spec/terraform-template';

test.each([
  ['plain', 'plain'],
  ['${path.cwd}', '$${path.cwd}'],
  ['%{ if true }x%{ endif }', '%%{ if true }x%%{ endif }'],
  ['$${already}', '$$${already}'],
  ['{{handlebars}} and $5', '{{handlebars}} and $5'],
])('%s is written as %s', (literal, written) => {
  expect(escapeTemplateString(literal)).toBe(written);
  expect(unescapeTemplateString(written)).toBe(literal);
});

test('unescape inverts escape for any string', () => {
  const text = fc.string({ unit: fc.constantFrom('$', '%', '{', '}', 'a', ' ') });
  fc.assert(fc.property(text, (s) => unescapeTemplateString(escapeTemplateString(s)) === s));
});

test('keys and nested values are escaped, other values kept', () => {
  expect(escapeTemplateStrings({ '${k}': ['${v}', 1, null, true], n: { m: '%{x}' } })).toEqual({ '$${k}': ['$${v}', 1, null, true], n: { m: '%%{x}' } });
});
