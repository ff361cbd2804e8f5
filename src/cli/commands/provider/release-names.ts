/** Source address of the provider as Terraform expands `cdktf-ses-tenants/sestenants`. */
export const PROVIDER_ADDRESS = 'registry.terraform.io/cdktf-ses-tenants/sestenants';

/** Name every release artifact starts with. */
export const PROJECT_NAME = 'terraform-provider-sestenants';

/**
 * Semantic Versioning 2.0.0, as the Terraform and OpenTofu registries read it (no leading `v`).
 * The regular expression is the one semver.org publishes.
 */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A release version that is not semver. */
export class InvalidReleaseVersionError extends Error {
  constructor(version: string) {
    super(`--version "${version}" is not a semantic version such as 1.2.0 or 1.2.0-rc.1 (no leading "v"): the registries index releases by semver`);
    this.name = 'InvalidReleaseVersionError';
  }
}

/** Returns `version` when it is semver; throws {@link InvalidReleaseVersionError} otherwise. */
export function releaseVersion(version: string): string {
  if (!SEMVER.test(version)) throw new InvalidReleaseVersionError(version);
  return version;
}

/** The file names of one release, as the registries and `terraform init` expect them. */
export const releaseNames = {
  /** The executable inside every zip: `terraform-provider-sestenants_v<version>`. */
  executable: (version: string): string => `${PROJECT_NAME}_v${version}`,
  /** One platform's archive: `terraform-provider-sestenants_<version>_<os>_<arch>.zip`. */
  zip: (version: string, platform: string): string => `${PROJECT_NAME}_${version}_${platform}.zip`,
  /** The checksums of the zips and the manifest. */
  sums: (version: string): string => `${PROJECT_NAME}_${version}_SHA256SUMS`,
  /** The detached GPG signature of the checksums. */
  signature: (version: string): string => `${PROJECT_NAME}_${version}_SHA256SUMS.sig`,
  /** The registry manifest (plugin protocol versions). */
  manifest: (version: string): string => `${PROJECT_NAME}_${version}_manifest.json`,
};

/** The registry manifest: this provider speaks plugin protocol 6.0 only. */
export const RELEASE_MANIFEST = { version: 1, metadata: { protocol_versions: ['6.0'] } } as const;
