import { renderText } from '../../src/render';
import { computePlan } from '../../src/engine';
import { desired, region } from '../engine/fixtures';
import { samplePlan } from './sample-plan';

test('renders stacks and tenants, deletes first and loud, drift marked, totals last', () => {
  expect(renderText(samplePlan())).toMatchInlineSnapshot(`
"Stack eu-tenants · eu-central-1 · account 123456789012
  - gamma  DELETE  tn-67616d6d6100
      no longer declared in stack eu-tenants and its removal policy is destroy
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
  ~ epsilon  update  tn-657073696c6f  [adopt: taken over by this stack]
      ! adopt from outside cdktf-ses-tenants (no marker): this stack takes it over and converges it to its code
  ~ theta  update  tn-746865746100  [unfinished: an earlier apply was interrupted before its last step]
      ~ reputation policy standard → strict
  - zeta  release  tn-7a6574610000
      no longer declared in stack eu-tenants; its removal policy is retain, so it is released (tenant, associations and TenantId kept)
      release: the reserved tags are removed; the tenant, its associations and TenantId stay in SES, unmanaged
  ! eta  adopt REFUSED  tn-657461000000
      managed by app another-repo stack eu-tenants: not taken over (set adopt: true on the tenant, or pass --adopt eta)
  = 0 unchanged
  ? 2 released (managed by no stack, never changed): iota (released by this stack test-app/eu-tenants; declaring it again takes it back), kappa (released by app another-repo stack mail; adopt: true on the tenant or --adopt kappa takes it)
  ? 2 unmanaged (not managed by this app, never changed): foreign (managed by app test-app stack other-app), legacy

Plan: 1 to create, 4 to update (1 drift), 1 to release, 1 to DELETE, 0 unchanged, 4 unmanaged, 1 adopt REFUSED.
1 tenant(s) drifted: the live tenant differs from the spec last applied; applying restores the spec.
REFUSED: 1 declared tenant(s) belong to another app or stack, or to nobody; apply refuses this plan until each is adopted explicitly (adopt: true on the tenant, or --adopt NAME) or renamed.
WARNING: 1 tenant(s) will be DELETED. A deleted tenant loses its TenantId and reputation history; a rename is a delete and a create. Apply refuses deletes unless they are explicitly allowed.
"
`);
});

test('an empty plan says there are no changes', () => {
  expect(renderText(computePlan([desired('app', [])], [region([])]))).toMatchInlineSnapshot(`
"Stack app · eu-central-1 · account 123456789012
  no changes
  = 0 unchanged

Plan: 0 to create, 0 to update, 0 to release, 0 to delete, 0 unchanged, 0 unmanaged.
"
`);
});

test('colours only when asked', () => {
  expect(renderText(samplePlan())).not.toMatch(/\x1b\[/);
  expect(renderText(samplePlan(), { colour: true })).toMatch(/\x1b\[31m/);
});
