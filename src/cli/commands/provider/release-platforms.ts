import { hostPlatform, PROVIDER_PLATFORMS } from '../../../tenant-spec/terraform-package';

/** Platforms a release covers: the provider's platforms. */
export const RELEASE_PLATFORMS = PROVIDER_PLATFORMS;

/** One of {@link RELEASE_PLATFORMS}. */
export type ReleasePlatform = (typeof RELEASE_PLATFORMS)[number];

/**
 * How a platform's executable is built:
 * - `single-executable`: a Node single executable application (this machine's Node with the
 *   provider injected), needs no `node` on the machine that runs Terraform. Only for the platform
 *   of the machine that packages (a Node binary of another platform is not at hand).
 * - `js`: the bundled provider, one JS file with a `#!/usr/bin/env node` line; needs `node` on PATH.
 */
export type ExecutableForm = 'single-executable' | 'js';

/** A platform that is not one a release covers. */
export class UnknownPlatformError extends Error {
  constructor(platform: string) {
    super(`--platform "${platform}" is not one of ${RELEASE_PLATFORMS.join(', ')} (os_arch, as Terraform spells it)`);
    this.name = 'UnknownPlatformError';
  }
}

/** The chosen platforms, checked, deduplicated and sorted; all of {@link RELEASE_PLATFORMS} when none is chosen. */
export function releasePlatforms(chosen: readonly string[] = []): ReleasePlatform[] {
  if (chosen.length === 0) return [...RELEASE_PLATFORMS];
  for (const p of chosen) if (!(RELEASE_PLATFORMS as readonly string[]).includes(p)) throw new UnknownPlatformError(p);
  return [...new Set(chosen as ReleasePlatform[])].sort();
}

/** The single executable for the packaging machine's own platform (unless `jsOnly`), the JS form for the others. */
export function executableForm(platform: ReleasePlatform, host: string = hostPlatform(), jsOnly = false): ExecutableForm {
  return !jsOnly && platform === host ? 'single-executable' : 'js';
}
