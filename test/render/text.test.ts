import { renderText } from '../../src/render';
import { computePlan } from '../../src/engine';
import { desired, region } from '../engine/fixtures';
import { samplePlan } from './sample-plan';

test('renders stacks and tenants, deletes first and loud, drift marked, totals last', () => {
  expect(renderText(samplePlan())).toMatchInlineSnapshot(`
"Stack eu-tenants · eu-central-1 · account 123456789012
  - gamma  DELETE  tn-67616d6d6100
      no longer declared in stack eu-tenants (renamed or removed?)
      !! deleting loses TenantId tn-67616d6d6100 and its reputation history; a re-created tenant starts over
  + acme  create
      + associate configuration-set "acme-cs"
      + associate identity "acme.example.com"
      ~ reputation policy standard → strict
      + tag "team" = "payments"
  ~ beta  update  tn-626574610000
      + associate template "welcome"
      ~ sending status ENABLED → DISABLED
      ~ suppression none → TENANT [BOUNCE, COMPLAINT]
      - tag "old" (was "x")
      ~ tag "team": "a" → "b\`c"
  ~ delta  update  tn-64656c746100  [drift: changed outside the code since the last apply]
      ~ reputation policy none → standard
  ~ epsilon  update  tn-657073696c6f
      ! adopt: the tenant exists without the managed-by marker; this stack takes it over
  = 0 unchanged
  ? 2 unmanaged (not managed by this app, never changed): foreign (marked by other-app), legacy

Plan: 1 to create, 3 to update (1 drift), 1 to DELETE, 0 unchanged, 2 unmanaged.
1 tenant(s) drifted: the live tenant differs from the spec last applied; applying restores the spec.
WARNING: 1 tenant(s) will be DELETED. A deleted tenant loses its TenantId and reputation history; a rename is a delete and a create. Apply refuses deletes unless they are explicitly allowed.
"
`);
});

test('an empty plan says there are no changes', () => {
  expect(renderText(computePlan([desired('app', [])], [region([])]))).toMatchInlineSnapshot(`
"Stack app · eu-central-1 · account 123456789012
  no changes
  = 0 unchanged

Plan: 0 to create, 0 to update, 0 to delete, 0 unchanged, 0 unmanaged.
"
`);
});

test('colours only when asked', () => {
  expect(renderText(samplePlan())).not.toMatch(/\x1b\[/);
  expect(renderText(samplePlan(), { colour: true })).toMatch(/\x1b\[31m/);
});
