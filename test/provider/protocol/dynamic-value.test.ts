import { encode } from '@msgpack/msgpack';
import { cty, CtyType } from '../../../src/provider/protocol/cty-type';
import { decodeDynamicValue, decodeJsonValue, encodeDynamicValue, ValueTypeError } from '../../../src/provider/protocol/dynamic-value';
import { UNKNOWN } from '../../../src/provider/protocol/value';

const type: CtyType = cty.object({
  name: cty.string,
  count: cty.number,
  on: cty.bool,
  tags: cty.map(cty.string),
  arns: cty.set(cty.string),
  rules: cty.list(cty.object({ key: cty.string })),
});

describe('DynamicValue msgpack codec', () => {
  test('round-trips a value with unknowns, nested objects and nulls', () => {
    const value = { name: 'a', count: 2.5, on: true, tags: { x: '1' }, arns: [UNKNOWN, 'arn:b'], rules: [{ key: 'k' }] };
    expect(decodeDynamicValue(encodeDynamicValue(value, type), type)).toEqual(value);
  });

  test('writes unknown as extension 0 (d4 00 00), the form cty reads', () => {
    expect(Buffer.from(encodeDynamicValue(UNKNOWN, cty.string).msgpack).toString('hex')).toBe('d40000');
    expect(Buffer.from(encodeDynamicValue(null, cty.string).msgpack).toString('hex')).toBe('c0');
  });

  test('reads extension 12 (an unknown with refinements) as unknown', () => {
    const refined = Buffer.from('c7020c0102', 'hex');
    expect(decodeDynamicValue({ msgpack: refined }, cty.string)).toBe(UNKNOWN);
  });

  test('sends every attribute of an object, absent ones as null, and refuses one the schema lacks', () => {
    const decoded = decodeDynamicValue(encodeDynamicValue({ name: 'a' }, type), type);
    expect(decoded).toEqual({ name: 'a', count: null, on: null, tags: null, arns: null, rules: null });
    expect(() => encodeDynamicValue({ name: 'a', extra: 'x' }, type)).toThrow(ValueTypeError);
    expect(() => encodeDynamicValue({ name: 7 }, type)).toThrow('name: expected a string, got 7');
  });

  test('reads numbers sent as strings (big values) and integers', () => {
    const wire = encode({ name: 'a', count: '12345678901234', on: false, tags: null, arns: null, rules: null });
    expect(decodeDynamicValue({ msgpack: wire }, type)).toMatchObject({ count: 12345678901234, on: false });
  });

  test('a __proto__ key is sent as a plain key and refused when read, never merged into a prototype', () => {
    const tags = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    const wire = encodeDynamicValue({ name: 'a', tags }, type);
    expect(Buffer.from(wire.msgpack).includes(Buffer.from('__proto__'))).toBe(true);
    expect(() => decodeDynamicValue(wire, type)).toThrow('__proto__');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('an empty DynamicValue is null; dynamic values carry their type', () => {
    expect(decodeDynamicValue({}, type)).toBeNull();
    const dyn = encodeDynamicValue({ a: ['x', 1] }, 'dynamic');
    expect(decodeDynamicValue(dyn, 'dynamic')).toEqual({ a: ['x', 1] });
  });

  test('decodes stored JSON state against the schema, filling attributes added since', () => {
    expect(decodeJsonValue('{"name":"a","count":3,"gone":"x"}', type)).toEqual({ name: 'a', count: 3, on: null, tags: null, arns: null, rules: null });
  });
});
