import { computePlan } from '../../src/engine';
import type { Plan } from '../../src/engine';
import { arn, desired, liveOf, region, spec } from '../engine/fixtures';

/** A plan with one of everything: create, update (code), update (drift), adopt, delete, unmanaged. */
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
  const adopted = spec('epsilon');
  return computePlan(
    [desired('eu-tenants', [created, updatedNew, drifted, adopted])],
    [
      region([
        liveOf('eu-tenants', updatedOld),
        liveOf('eu-tenants', drifted, { reputationPolicy: 'none' }),
        liveOf('eu-tenants', adopted, { tags: {} }),
        liveOf('eu-tenants', spec('gamma')),
        liveOf('x', spec('legacy'), { tags: {} }),
        liveOf('other-app', spec('foreign')),
      ]),
    ],
  );
}
