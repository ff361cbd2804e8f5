import { computePlan } from '../../src/engine';
import type { Plan } from '../../src/engine';
import { MANAGED_BY_TAG, RELEASED_BY_TAG, REMOVAL_POLICY_TAG } from '../../src/tenant-spec';
import { arn, desired, liveOf, marker, region, spec } from '../engine/fixtures';

/** A plan with one of everything: create, update (code, drift, adopt, unfinished), release, delete, unmanaged, released (by this stack, by another app), a refused adopt. */
export function samplePlan(): Plan {
  const created = spec('acme', { reputationPolicy: 'strict', tags: { team: 'payments' } });
  const updatedOld = spec('beta', { tags: { team: 'a', old: 'x' } });
  const updatedNew = spec('beta', {
    resources: [...updatedOld.resources, { type: 'template', name: 'welcome', arn: arn('template', 'welcome') }],
    sendingStatus: 'disabled',
    tags: { team: 'b`c' },
    suppression: { scope: 'TENANT', reasons: ['BOUNCE', 'COMPLAINT'] },
  });
  const drifted = spec('delta');
  const adopted = spec('epsilon', { adopt: true });
  const unfinished = spec('theta', { reputationPolicy: 'strict' });
  return computePlan(
    [desired('eu-tenants', [created, updatedNew, drifted, adopted, spec('eta'), unfinished])],
    [
      region([
        liveOf('eu-tenants', updatedOld),
        liveOf('eu-tenants', drifted, { reputationPolicy: 'none' }),
        liveOf('eu-tenants', adopted, { tags: {} }),
        liveOf('eu-tenants', spec('gamma'), { tags: { [MANAGED_BY_TAG]: marker('eu-tenants'), [REMOVAL_POLICY_TAG]: 'destroy', 'ses-tenants:spec-hash': 'x' } }),
        liveOf('eu-tenants', spec('zeta')),
        liveOf('eu-tenants', spec('eta'), { tags: { [MANAGED_BY_TAG]: 'another-repo/eu-tenants' } }),
        liveOf('eu-tenants', spec('theta'), { tags: { [MANAGED_BY_TAG]: marker('eu-tenants') } }),
        liveOf('x', spec('legacy'), { tags: {} }),
        liveOf('other-app', spec('foreign')),
        liveOf('x', spec('iota'), { tags: { [RELEASED_BY_TAG]: marker('eu-tenants') } }),
        liveOf('x', spec('kappa'), { tags: { [RELEASED_BY_TAG]: 'another-repo/mail' } }),
      ]),
    ],
  );
}
