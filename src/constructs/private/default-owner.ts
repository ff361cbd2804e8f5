import * as fs from 'fs';
import * as path from 'path';

/** A TenantStack has no owner: no `owner` prop and no `projectId` in `cdktf.json`. */
export class OwnerMissingError extends Error {
  constructor(stack: string, where: string) {
    super(
      `TenantStack ${stack} needs an owner (the app's identity, such as its repository name): set the owner prop, ` +
        `or give ${where} a "projectId". The marker of its tenants is OWNER/${stack}, so two apps with a stack of the same name never take each other's tenants`,
    );
    this.name = 'OwnerMissingError';
  }
}

/** The `projectId` of the `cdktf.json` in `dir` (cdktf runs the app there), or an OwnerMissingError. */
export function defaultOwner(stack: string, dir: string = process.cwd()): string {
  const file = path.join(dir, 'cdktf.json');
  let projectId: unknown;
  try {
    projectId = (JSON.parse(fs.readFileSync(file, 'utf8')) as { projectId?: unknown }).projectId;
  } catch {
    throw new OwnerMissingError(stack, 'the cdktf.json of the working directory (there is none)');
  }
  if (typeof projectId !== 'string' || projectId === '') throw new OwnerMissingError(stack, file);
  return projectId;
}
