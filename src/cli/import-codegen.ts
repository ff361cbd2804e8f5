import { parseSesResourceArn } from '../tenant-spec/arn';
import type { LiveRegion, LiveTenant } from '../engine/model';
import { MANAGED_BY_TAG, RESERVED_TAG_PREFIX } from '../tenant-spec/limits';
import { parseOwnerMarker } from '../tenant-spec/ownership';
import { constructsModule, type ProjectCore } from './project-core';

/** Options of {@link generateImportedStack}. */
export interface ImportCodegenOptions {
  /**
   * Put every tenant in one TenantStack of this name (with `adopt: true` on each, the owner being
   * the project's). @default - one stack per managed-by marker found, unmarked tenants in `defaultStack`
   */
  readonly stackName?: string;
  /** Stack of the unmarked tenants (declared with `adopt: true`). @default "ses-tenants-REGION" */
  readonly defaultStack?: string;
  /** The CDK core the generated code imports `App` from. @default "cdktf" */
  readonly core?: ProjectCore;
  /** Module the constructs are imported from. @default - the core's entry of this package ("cdktf-ses-tenants" or "cdktf-ses-tenants/cdktn") */
  readonly importFrom?: string;
}

/** The tenants of one generated stack: its name, its owner (undefined: the project's), and whether its tenants need adopt. */
interface ImportedStack {
  readonly stack: string;
  readonly owner?: string;
  readonly adopt: boolean;
  readonly tenants: LiveTenant[];
}

const lit = (s: string): string => JSON.stringify(s);

const FACTORY = { identity: 'EmailIdentity', 'configuration-set': 'ConfigurationSet', template: 'EmailTemplate' } as const;
const PROP = { identity: 'emailIdentities', 'configuration-set': 'configurationSets', template: 'templates' } as const;

/**
 * How an import splits the live tenants into stacks: one per managed-by marker (`owner/stack`,
 * keeping that owner, so the plan needs no adopt), the unmarked ones in the default stack with
 * `adopt: true`; with `stackName`, all in that one stack with `adopt: true`. Never merges owners.
 */
export function importedStacks(live: LiveRegion, opts: Pick<ImportCodegenOptions, 'stackName' | 'defaultStack'> = {}): ImportedStack[] {
  const tenants = Object.values(live.tenants).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (opts.stackName !== undefined) return [{ stack: opts.stackName, adopt: true, tenants }];
  const groups = new Map<string, ImportedStack>();
  for (const t of tenants) {
    const marker = t.tags[MANAGED_BY_TAG];
    const parsed = marker === undefined ? undefined : parseOwnerMarker(marker);
    const key = parsed?.owner === undefined ? '' : marker!;
    let group = groups.get(key);
    if (group === undefined) {
      group = parsed?.owner === undefined
        ? { stack: opts.defaultStack ?? `ses-tenants-${live.region}`, adopt: true, tenants: [] }
        : { stack: parsed.stack, owner: parsed.owner, adopt: false, tenants: [] };
      groups.set(key, group);
    }
    group.tenants.push(t);
  }
  const stacks = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  const byName = new Map<string, string[]>();
  for (const [key, g] of groups) byName.set(g.stack, [...(byName.get(g.stack) ?? []), key || '(unmarked)']);
  const clashes = [...byName.entries()].filter(([, keys]) => keys.length > 1);
  if (clashes.length > 0) {
    throw new Error(
      `tenants of several owners share a stack name: ${clashes.map(([name, keys]) => `${name} (${keys.sort().join(', ')})`).join('; ')}; ` +
        'one app cannot hold two stacks of one name. Import with --stack NAME (every tenant adopted explicitly) and split the code by owner',
    );
  }
  return stacks;
}

function tenantSource(t: LiveTenant, adopt: boolean): string {
  const lines = [`  new SesTenant(stack, ${lit(t.name)}, {`, `    tenantName: ${lit(t.name)},`];
  for (const type of ['identity', 'configuration-set', 'template'] as const) {
    const refs = t.resources.filter((r) => r.type === type);
    if (refs.length === 0) continue;
    lines.push(`    ${PROP[type]}: [`);
    for (const r of refs) lines.push(`      ${FACTORY[type]}.fromArn(${lit(r.arn)}),`);
    lines.push('    ],');
  }
  if (t.reputationPolicy && t.reputationPolicy !== 'standard') lines.push(`    reputationPolicy: ${lit(t.reputationPolicy)},`);
  if (t.customerStatus === 'DISABLED') lines.push(`    sendingStatus: 'disabled',`);
  if (t.customerStatus === 'REINSTATED') lines.push(`    // SES reports REINSTATED (sending despite findings); code can only declare enabled or disabled.`);
  const tags = Object.entries(t.tags).filter(([k]) => !k.startsWith(RESERVED_TAG_PREFIX));
  if (tags.length > 0) {
    lines.push('    tags: {');
    for (const [k, v] of tags) lines.push(`      ${lit(k)}: ${lit(v)},`);
    lines.push('    },');
  }
  if (t.suppression) {
    const reasons = t.suppression.reasons.map(lit).join(', ');
    lines.push(`    suppression: { scope: ${lit(t.suppression.scope)}, reasons: [${reasons}] },`);
  }
  const hasIdentity = t.resources.some((r) => r.type === 'identity');
  const hasConfigSet = t.resources.some((r) => r.type === 'configuration-set');
  if (!hasIdentity || !hasConfigSet) lines.push('    allowIncompleteSending: true,');
  if (t.tags['ses-tenants:removal-policy'] === 'destroy') lines.push(`    removalPolicy: 'destroy',`);
  if (adopt) lines.push('    adopt: true, // not managed by this stack yet: the first apply takes it over; remove this line afterwards');
  lines.push('  });');
  return lines.join('\n');
}

/**
 * TypeScript source of the TenantStacks that declare every live tenant of a region as it is:
 * resources by ARN (they are managed elsewhere), policy, status, user tags, suppression, removal
 * policy; one stack per owner found ({@link importedStacks}). Synthesizing it and planning shows
 * no field changes (the unmarked tenants show as adopted).
 */
export function generateImportedStack(live: LiveRegion, opts: ImportCodegenOptions = {}): string {
  const tenants = Object.values(live.tenants);
  for (const t of tenants) for (const r of t.resources) parseSesResourceArn(r.arn);
  const used = new Set(tenants.flatMap((t) => t.resources.map((r) => FACTORY[r.type])));
  const names = [...used, 'SesTenant', 'TenantStack'].sort();
  const stacks = importedStacks(live, opts);
  const stackSource = (g: ImportedStack): string[] => [
    `  {`,
    `    const stack = new TenantStack(app, ${lit(g.stack)}, {`,
    ...(g.owner !== undefined ? [`      owner: ${lit(g.owner)},`] : [`      // owner: the projectId of cdktf.json (set owner to name the app explicitly)`]),
    `      region: ${lit(live.region)},`,
    `      accountId: ${lit(live.account)},`,
    ...(live.partition !== 'aws' ? [`      partition: ${lit(live.partition)},`] : []),
    `    });`,
    ...g.tenants.map((t) => tenantSource(t, g.adopt).replace(/^/gm, '  ')),
    `    stacks.push(stack);`,
    `  }`,
  ];
  return [
    `// Generated by "ses-tenants import --region ${live.region}": ${tenants.length} tenant${tenants.length === 1 ? '' : 's'} of ${live.partition}/${live.region}/${live.account}, in ${stacks.length} stack${stacks.length === 1 ? '' : 's'} (one per owner found).`,
    `// Resources are referenced by ARN because they are managed elsewhere; edit freely.`,
    `import { App } from ${lit(opts.core ?? 'cdktf')};`,
    `import { ${names.join(', ')} } from ${lit(opts.importFrom ?? constructsModule(opts.core ?? 'cdktf'))};`,
    '',
    `/** Declares the imported tenants in TenantStacks of the given app, one per owner found. */`,
    `export function declareImportedTenants(app: App): TenantStack[] {`,
    `  const stacks: TenantStack[] = [];`,
    ...stacks.flatMap(stackSource),
    `  return stacks;`,
    `}`,
    '',
    `if (require.main === module) {`,
    `  const app = new App();`,
    `  declareImportedTenants(app);`,
    `  app.synth();`,
    `}`,
    '',
  ].join('\n');
}
