import { AlreadyExistsException, BadRequestException, NotFoundException } from '../errors';
import { resourceArn, type ResourceKind } from './arn';
import type { ConfigurationSet, EmailTemplate, Identity, NamedCollection, RegionState } from './region-state';

/** A resource that can be associated with tenants. */
export type AssociableResource = Identity | ConfigurationSet | EmailTemplate;

/** The §6 "does not exist" error for an associable resource (the configuration set wording ends in a colon, as AWS's does). */
export function resourceNotFound(kind: ResourceKind, name: string): NotFoundException {
  switch (kind) {
    case 'identity':
      return new NotFoundException(`Identity ${name} does not exist`);
    case 'configuration-set':
      return new NotFoundException(`Configuration set ${name} does not exist:`);
    case 'template':
      return new NotFoundException(`Email template ${name} does not exist`);
  }
}

function collectionOf(state: RegionState, kind: ResourceKind): NamedCollection<AssociableResource> {
  switch (kind) {
    case 'identity':
      return state.identities as NamedCollection<AssociableResource>;
    case 'configuration-set':
      return state.configurationSets as NamedCollection<AssociableResource>;
    case 'template':
      return state.templates as NamedCollection<AssociableResource>;
  }
}

const ALREADY_EXISTS: Record<ResourceKind, (name: string) => string> = {
  identity: (name) => `Email identity ${name} already exists.`,
  'configuration-set': (name) => `Configuration set ${name} already exists.`,
  template: (name) => `Template ${name} already exists.`,
};

/** Finds an identity, configuration set or template by kind and name. */
export function findResource(state: RegionState, kind: ResourceKind, name: string): AssociableResource | undefined {
  return collectionOf(state, kind).get(name);
}

/** Finds a resource or throws its §6 NotFoundException. */
export function requireResource(state: RegionState, kind: ResourceKind, name: string): AssociableResource {
  const resource = findResource(state, kind, name);
  if (resource === undefined) throw resourceNotFound(kind, name);
  return resource;
}

/** Refuses a resource whose name is taken (AlreadyExistsException). */
export function refuseIfExists(state: RegionState, kind: ResourceKind, name: string): void {
  if (findResource(state, kind, name) !== undefined) throw new AlreadyExistsException(ALREADY_EXISTS[kind](name));
}

/**
 * Deletes a resource: 404 when absent, refused while tenants are associated with it (§6); identities
 * that used a deleted configuration set as their default lose it.
 */
export function deleteResource(state: RegionState, kind: ResourceKind, name: string): void {
  requireResource(state, kind, name);
  const arn = resourceArn(state.region, state.accountId, kind, name);
  if (state.hasAssociations(arn)) {
    throw new BadRequestException(
      `Cannot delete ${arn} because it has tenant associations. Remove all tenant associations and try again.`,
    );
  }
  collectionOf(state, kind).delete(name);
  if (kind !== 'configuration-set') return;
  for (const identity of state.identities.values()) {
    if (identity.configurationSetName === name) identity.configurationSetName = undefined;
  }
}
