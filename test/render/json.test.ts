import { parsePlan } from '../../src/engine';
import { renderJson } from '../../src/render';
import { samplePlan } from './sample-plan';

test('the JSON is the plan itself, stable, and reads back as a plan', () => {
  const plan = samplePlan();
  const json = renderJson(plan);
  expect(renderJson(samplePlan())).toBe(json);
  expect(parsePlan(json)).toEqual(plan);
  expect(Object.keys(JSON.parse(json))).toEqual(['formatVersion', 'tool', 'summary', 'stacks']);
});

test('compact output when asked', () => {
  expect(renderJson(samplePlan(), { pretty: false }).split('\n')).toHaveLength(2);
});

test('shape of one change', () => {
  const change = samplePlan().stacks[0].changes.find((c) => c.tenant === 'delta')!;
  expect(JSON.parse(JSON.stringify(change))).toMatchInlineSnapshot(`
{
  "action": "update",
  "changes": [
    {
      "from": "none",
      "kind": "reputation-policy",
      "to": "standard",
    },
  ],
  "origin": "drift",
  "spec": {
    "adopt": false,
    "name": "delta",
    "removalPolicy": "retain",
    "reputationPolicy": "standard",
    "resources": [
      {
        "arn": "arn:aws:ses:eu-central-1:123456789012:configuration-set/delta-cs",
        "name": "delta-cs",
        "type": "configuration-set",
      },
      {
        "arn": "arn:aws:ses:eu-central-1:123456789012:identity/delta.example.com",
        "name": "delta.example.com",
        "type": "identity",
      },
    ],
    "sendingStatus": "enabled",
    "suppression": null,
    "tags": {},
  },
  "specHash": {
    "from": "1aa7475e5bb9ac10",
    "to": "1aa7475e5bb9ac10",
  },
  "tenant": "delta",
  "tenantId": "tn-64656c746100",
}
`);
});
