import type { ResourceKind } from '../state/arn';
import type { EmulatorBackend } from '../state/backend';
import type { ConfigurationSet, EmailTemplate, Identity, RegionState, StatusRecord, SuppressionAttributes } from '../state/region-state';
import { SortedIndex } from '../state/sorted-index';

/** Format marker of the state file. */
export const STATE_FORMAT = 'ses-tenants-emulator/1';

type TagEntries = Array<[string, string]>;

/** A tenant as saved. */
export interface SavedTenant {
  name: string;
  id: string;
  arn: string;
  createdAt: number;
  tags: TagEntries;
  suppression: SuppressionAttributes | null;
  policy: string;
  customerStatus: StatusRecord;
  awsStatus: StatusRecord;
}

/** An association as saved. */
export interface SavedAssociation {
  tenantId: string;
  resourceArn: string;
  kind: ResourceKind;
  associatedAt: number;
  seq: number;
}

/** One account's state in one region as saved. */
export interface SavedRegion {
  accountId: string;
  region: string;
  tenants: SavedTenant[];
  associations: SavedAssociation[];
  identities: Array<Omit<Identity, 'tags'> & { tags: TagEntries }>;
  configurationSets: Array<Omit<ConfigurationSet, 'tags'> & { tags: TagEntries }>;
  templates: Array<Omit<EmailTemplate, 'tags'> & { tags: TagEntries }>;
}

/** The whole state file, also what `GET /_emulator/state` answers. */
export interface SavedState {
  /** Format marker. */
  format: typeof STATE_FORMAT;
  /** Every account and region that holds something. */
  regions: SavedRegion[];
  /** In the state file: the last journal entry this snapshot includes. */
  journalSeq?: number;
}

function saveRegion(state: RegionState): SavedRegion {
  const associations: SavedAssociation[] = [];
  const tenants: SavedTenant[] = [];
  for (const tenant of state.tenants.values()) {
    const { associations: links, associationIndex: _index, tags, ...rest } = tenant;
    tenants.push({ ...rest, tags: [...tags] });
    for (const link of links.values()) {
      associations.push({ tenantId: tenant.id, resourceArn: link.resourceArn, kind: link.kind, associatedAt: link.associatedAt, seq: link.seq });
    }
  }
  associations.sort((a, b) => a.seq - b.seq);
  const withTags = <T extends { tags: Map<string, string> }>(item: T) => ({ ...item, tags: [...item.tags] });
  return {
    accountId: state.accountId,
    region: state.region,
    tenants,
    associations,
    identities: [...state.identities.values()].map(withTags),
    configurationSets: [...state.configurationSets.values()].map(withTags),
    templates: [...state.templates.values()].map(withTags),
  };
}

/** Captures the backend's resources (not messages) as plain JSON data. */
export function saveState(backend: EmulatorBackend): SavedState {
  return { format: STATE_FORMAT, regions: backend.allRegions().map(saveRegion) };
}

/** Replaces the backend's resources with saved ones, rebuilding every index. */
export function restoreState(backend: EmulatorBackend, saved: SavedState): void {
  if (saved.format !== STATE_FORMAT) throw new Error(`Unknown state file format ${String(saved.format)}`);
  backend.reset();
  for (const region of saved.regions) {
    const state = backend.region(region.accountId, region.region);
    for (const tenant of region.tenants) {
      state.addTenant({ ...tenant, tags: new Map(tenant.tags), associations: new Map(), associationIndex: new SortedIndex<string>() });
    }
    for (const identity of region.identities) state.identities.set({ ...identity, tags: new Map(identity.tags) });
    for (const set of region.configurationSets) state.configurationSets.set({ ...set, tags: new Map(set.tags) });
    for (const template of region.templates) state.templates.set({ ...template, tags: new Map(template.tags) });
    for (const link of region.associations) {
      const tenant = state.tenantsById.get(link.tenantId);
      if (tenant !== undefined) state.associate(tenant, link.resourceArn, link.kind, link.associatedAt, link.seq);
    }
  }
}
