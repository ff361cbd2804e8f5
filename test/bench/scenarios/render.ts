import { computePlan, type LiveRegion, type LiveTenant } from '../../../src/engine';
import { GITHUB_COMMENT_LIMIT, renderMarkdown, renderText } from '../../../src/render';
import { FLEET_TARGET, fleetDesired } from '../support/fleet';
import { argN, peakMb, runScenario, secondsSince } from '../support/result';

// Scenario 6: text and Markdown rendering of a plan with N changed tenants: every other tenant is
// created, the rest exist with another policy, a changed tag and one association missing. Each
// renderer runs 3 times; the median is reported.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

runScenario(() => {
  const n = argN(10_000);
  const desired = fleetDesired(n);
  const tenants: Record<string, LiveTenant> = {};
  Object.values(desired.tenants).forEach((spec, i) => {
    if (i % 2 === 0) return;
    tenants[spec.name] = {
      name: spec.name,
      id: `tn-${String(i).padStart(12, '0')}`,
      arn: `arn:aws:ses:${FLEET_TARGET.region}:${FLEET_TARGET.account}:tenant/${spec.name}/tn-${String(i).padStart(12, '0')}`,
      reputationPolicy: spec.reputationPolicy === 'strict' ? 'standard' : 'strict',
      customerStatus: 'ENABLED',
      sendingStatusAggregate: 'ENABLED',
      tags: { ...spec.tags, team: 'old-team', 'ses-tenants:managed-by': FLEET_TARGET.stack },
      suppression: null,
      resources: spec.resources.slice(1),
    };
  });
  const live: LiveRegion = { partition: 'aws', region: FLEET_TARGET.region, account: FLEET_TARGET.account, tenants };
  const plan = computePlan([desired], [live]);
  const changed = plan.summary.create + plan.summary.update;
  const timed = (render: () => string): { seconds: number; length: number } => {
    const seconds: number[] = [];
    let length = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      length = render().length;
      seconds.push(secondsSince(start));
    }
    return { seconds: median(seconds), length };
  };
  const text = timed(() => renderText(plan));
  const markdown = timed(() => renderMarkdown(plan));
  return {
    scenario: 'render',
    n: changed,
    wallS: Math.max(text.seconds, markdown.seconds),
    peakMb: peakMb(),
    extra: {
      textS: text.seconds,
      textChars: text.length,
      markdownS: markdown.seconds,
      markdownChars: markdown.length,
      markdownLimit: GITHUB_COMMENT_LIMIT,
    },
  };
});
