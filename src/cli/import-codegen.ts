import { parseSesResourceArn } from '../tenant-spec/arn';
import { compareStrings } from '../tenant-spec/compare';
import type { LiveRegion, LiveTenant } from '../engine/model';
import { MANAGED_BY_TAG, RESERVED_TAG_PREFIX } from '../tenant-spec/limits';
import { describeOwner, parseOwnerMarker } from '../tenant-spec/ownership';
import { declaredSendingStatus } from '../tenant-spec/sending-status';
import { TENANT_DEFAULTS } from '../tenant-spec/tenant-defaults';
import { constructsModule, type ProjectCore } from './project-core';

/** Options of {@link generateImportedStack}. */
export interface ImportCodegenOptions {
  /**
   * Put every selected tenant in one TenantStack of this name (the owner being the project's).
   * `adopt: true` is written only for unmarked tenants and those of an owner in `adoptOwners`; the
   * other owners' tenants are left out (named in the header), never adopted silently.
   * @default - one stack per managed-by marker found, unmarked tenants in `defaultStack`
   */
  readonly stackName?: string;
  /** Stack of the unmarked tenants (declared with `adopt: true`). @default "ses-tenants-REGION" */
  readonly defaultStack?: string;
  /** The CDK core the generated code imports `App` from. @default "cdktf" */
  readonly core?: ProjectCore;
  /** Module the constructs are imported from. @default - the core's entry of this package ("cdktf-ses-tenants" or "cdktf-ses-tenants/cdktn") */
  readonly importFrom?: string;
  /**
   * Import only the tenants whose managed-by marker names one of these owners (and the unmarked
   * ones when `unmarked` is set). @default - every owner, unless `unmarked` alone is set
   */
  readonly owners?: readonly string[];
  /** Import the unmarked tenants (alone, or beside `owners`). @default - true when `owners` is not set */
  readonly unmarked?: boolean;
  /** With `stackName`: the owners whose tenants the one stack may take over (`adopt: true`). @default - none */
  readonly adoptOwners?: readonly string[];
}

/** The tenants of one generated stack: its name, its owner (undefined: the project's), and whether its tenants need adopt. */
interface ImportedStack {
  readonly stack: string;
  readonly owner?: string;
  readonly tenants: readonly { readonly live: LiveTenant; readonly adopt: boolean }[];
}

/** How an import splits the live tenants: the stacks it writes, and the tenants it leaves out by owner (their marker). */
export interface ImportPlan {
  /** The stacks to write, in order. */
  readonly stacks: readonly ImportedStack[];
  /** Tenants of another owner that `stackName` would have to adopt but no `adoptOwners` entry allows, by marker. */
  readonly leftOut: Readonly<Record<string, readonly string[]>>;
}

const lit = (s: string): string => JSON.stringify(s);

const FACTORY = { identity: 'EmailIdentity', 'configuration-set': 'ConfigurationSet', template: 'EmailTemplate' } as const;
const PROP = { identity: 'emailIdentities', 'configuration-set': 'configurationSets', template: 'templates' } as const;

/** The managed-by marker of a live tenant and its owner, when it has one of the current `owner/stack` format. */
function markerOf(t: LiveTenant): { readonly marker?: string; readonly owner?: string; readonly stack?: string } {
  const marker = t.tags[MANAGED_BY_TAG];
  if (marker === undefined) return {};
  const parsed = parseOwnerMarker(marker);
  return parsed.owner === undefined ? {} : { marker, owner: parsed.owner, stack: parsed.stack };
}

/** The live tenants an import selects (`owners`, `unmarked`), sorted by name. */
export function selectedTenants(live: LiveRegion, opts: Pick<ImportCodegenOptions, 'owners' | 'unmarked'> = {}): LiveTenant[] {
  const owners = opts.owners === undefined || opts.owners.length === 0 ? undefined : new Set(opts.owners);
  const unmarked = opts.unmarked ?? owners === undefined;
  const everyOwner = owners === undefined && opts.unmarked === undefined;
  return Object.values(live.tenants)
    .filter((t) => {
      const { owner } = markerOf(t);
      if (owner === undefined) return unmarked;
      return everyOwner || (owners?.has(owner) ?? false);
    })
    .sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * How an import splits the selected live tenants into stacks: one per managed-by marker
 * (`owner/stack`, keeping that owner, so the plan needs no adopt), the unmarked ones in the default
 * stack with `adopt: true`; with `stackName`, all in that one stack, `adopt: true` only on the
 * unmarked ones and those of an owner in `adoptOwners` (the others are left out). Never merges owners.
 */
export function importedStacks(live: LiveRegion, opts: Omit<ImportCodegenOptions, 'importFrom'> = {}): ImportPlan {
  const tenants = selectedTenants(live, opts);
  if (opts.stackName !== undefined) {
    const adoptOwners = new Set(opts.adoptOwners ?? []);
    const leftOut: Record<string, string[]> = {};
    const kept: { live: LiveTenant; adopt: boolean }[] = [];
    for (const t of tenants) {
      const { marker, owner } = markerOf(t);
      if (owner === undefined || adoptOwners.has(owner)) kept.push({ live: t, adopt: true });
      else (leftOut[marker!] ??= []).push(t.name);
    }
    return { stacks: [{ stack: opts.stackName, tenants: kept }], leftOut };
  }
  const groups = new Map<string, { stack: string; owner?: string; tenants: { live: LiveTenant; adopt: boolean }[] }>();
  for (const t of tenants) {
    const { marker, owner, stack } = markerOf(t);
    const key = marker ?? '';
    let group = groups.get(key);
    if (group === undefined) {
      group = owner === undefined ? { stack: opts.defaultStack ?? `ses-tenants-${live.region}`, tenants: [] } : { stack: stack!, owner, tenants: [] };
      groups.set(key, group);
    }
    group.tenants.push({ live: t, adopt: owner === undefined });
  }
  const stacks = [...groups.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, g]) => g);
  const byName = new Map<string, string[]>();
  for (const [key, g] of groups) byName.set(g.stack, [...(byName.get(g.stack) ?? []), key || '(unmarked)']);
  const clashes = [...byName.entries()].filter(([, keys]) => keys.length > 1);
  if (clashes.length > 0) {
    throw new Error(
      `tenants of several owners share a stack name: ${clashes.map(([name, keys]) => `${name} (${keys.sort().join(', ')})`).join('; ')}; ` +
        'one app cannot hold two stacks of one name. Import one owner at a time with --owner OWNER (its tenants keep their owner, nothing is adopted), ' +
        'or all into one stack with --stack NAME, taking over only the owners you name with --adopt-owner OWNER',
    );
  }
  return { stacks, leftOut: {} };
}

/** A comment line that holds any text: a line break in a tenant name or marker cannot end the comment. */
function commentLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, ' ');
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
  if (t.reputationPolicy && t.reputationPolicy !== TENANT_DEFAULTS.reputationPolicy) lines.push(`    reputationPolicy: ${lit(t.reputationPolicy)},`);
  const sendingStatus = declaredSendingStatus(t.customerStatus);
  if (sendingStatus !== TENANT_DEFAULTS.sendingStatus) lines.push(`    sendingStatus: ${lit(sendingStatus)},`);
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
 * TypeScript source of the TenantStacks that declare the selected live tenants of a region as they
 * are: resources by ARN (they are managed elsewhere), policy, status, user tags, suppression,
 * removal policy; split as {@link importedStacks} says. Synthesizing it and planning shows no field
 * changes (the unmarked tenants, and those of an owner taken over by name, show as adopted).
 */
export function generateImportedStack(live: LiveRegion, opts: ImportCodegenOptions = {}): string {
  const { stacks, leftOut } = importedStacks(live, opts);
  const tenants = stacks.flatMap((g) => g.tenants.map((t) => t.live));
  for (const t of tenants) for (const r of t.resources) parseSesResourceArn(r.arn);
  const used = new Set(tenants.flatMap((t) => t.resources.map((r) => FACTORY[r.type])));
  const names = [...used, 'SesTenant', 'TenantStack'].sort();
  const stackSource = (g: ImportedStack): string[] => [
    `  {`,
    `    const stack = new TenantStack(app, ${lit(g.stack)}, {`,
    ...(g.owner !== undefined ? [`      owner: ${lit(g.owner)},`] : [`      // owner: the projectId of cdktf.json (set owner to name the app explicitly)`]),
    `      region: ${lit(live.region)},`,
    `      accountId: ${lit(live.account)},`,
    ...(live.partition !== 'aws' ? [`      partition: ${lit(live.partition)},`] : []),
    `    });`,
    ...g.tenants.map((t) => tenantSource(t.live, t.adopt).replace(/^/gm, '  ')),
    `    stacks.push(stack);`,
    `  }`,
  ];
  const split = opts.stackName !== undefined ? `in stack ${opts.stackName} (--stack)` : `in ${stacks.length} stack${stacks.length === 1 ? '' : 's'} (one per owner/stack marker found)`;
  const left = Object.entries(leftOut).map(
    ([marker, list]) => `// Left out: ${list.length} tenant${list.length === 1 ? '' : 's'} ${describeOwner(marker)} (${list.join(', ')}); --adopt-owner ${parseOwnerMarker(marker).owner} takes them over.`,
  );
  return [
    `// Generated by "ses-tenants import --region ${live.region}": ${tenants.length} tenant${tenants.length === 1 ? '' : 's'} of ${live.partition}/${live.region}/${live.account}, ${split}.`,
    ...left.map(commentLine),
    `// Resources are referenced by ARN because they are managed elsewhere; edit freely.`,
    `import { App } from ${lit(opts.core ?? 'cdktf')};`,
    `import { ${names.join(', ')} } from ${lit(opts.importFrom ?? constructsModule(opts.core ?? 'cdktf'))};`,
    '',
    `/** Declares the imported tenants in TenantStacks of the given app. */`,
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
