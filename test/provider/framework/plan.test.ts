import { cty } from '../../../src/provider/protocol/cty-type';
import { UNKNOWN } from '../../../src/provider/protocol/value';
import { planResourceChange } from '../../../src/provider/framework/plan';
import { ResourceSchema } from '../../../src/provider/framework/schema';

const schema: ResourceSchema = {
  attributes: {
    name: { type: cty.string, required: true, requiresReplace: true },
    content: { type: cty.string, optional: true },
    labels: { type: cty.set(cty.string), optional: true },
    level: { type: cty.string, optional: true, computed: true, default: 'standard' },
    id: { type: cty.string, computed: true, useStateForUnknown: true },
    revision: { type: cty.number, computed: true },
  },
};

const config = { name: 'a', content: 'x', labels: ['p', 'q'], level: null, id: null, revision: null };
const prior = { name: 'a', content: 'x', labels: ['p', 'q'], level: 'standard', id: 'id-1', revision: 1 };

describe('planResourceChange: the framework plan modifiers', () => {
  test('create: defaults fill unset optional+computed attributes, other computed ones are unknown', () => {
    const plan = planResourceChange(schema, null, config, config);
    expect(plan).toEqual({ planned: { ...config, level: 'standard', id: UNKNOWN, revision: UNKNOWN }, requiresReplace: [] });
  });

  test('no change: the prior state is planned as it is (sets compared without order)', () => {
    const proposed = { ...prior, labels: ['q', 'p'] };
    expect(planResourceChange(schema, prior, proposed, { ...config, labels: ['q', 'p'] })).toEqual({ planned: proposed, requiresReplace: [] });
  });

  test('update: useStateForUnknown keeps the id, other unset computed attributes become unknown', () => {
    const plan = planResourceChange(schema, prior, { ...prior, content: 'y' }, { ...config, content: 'y' });
    expect(plan.planned).toEqual({ ...prior, content: 'y', revision: UNKNOWN });
    expect(plan.requiresReplace).toEqual([]);
  });

  test('a changed requiresReplace attribute is reported; removing a default goes back to the default', () => {
    const plan = planResourceChange(schema, { ...prior, level: 'strict' }, { ...prior, name: 'b', level: 'strict' }, { ...config, name: 'b' });
    expect(plan.requiresReplace).toEqual([['name']]);
    expect(plan.planned).toMatchObject({ name: 'b', level: 'standard' });
  });

  test('destroy plans null', () => {
    expect(planResourceChange(schema, prior, null, null)).toEqual({ planned: null, requiresReplace: [] });
  });
});
