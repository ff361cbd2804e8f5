import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { selfSignedCertificate } from '../../src/provider/protocol/self-signed-cert';

/** What the registry serves: one release directory as `ses-tenants provider package` wrote it. */
export interface ProviderRegistryOptions {
  /** The release directory (zips, SHA256SUMS, its .sig, manifest). */
  readonly releaseDir: string;
  /** Namespace and type of the provider (`cdktf-ses-tenants`, `sestenants`). */
  readonly namespace: string;
  readonly type: string;
  /** The release version. */
  readonly version: string;
  /** The signing key: its long id (16 hex digits) and ASCII-armored public key. */
  readonly keyId: string;
  readonly publicKey: string;
}

/** A running registry. */
export interface ProviderRegistry {
  /** Base URL, `https://localhost:<port>`. */
  readonly url: string;
  /** PEM of its self-signed certificate (for SSL_CERT_FILE). */
  readonly certPem: string;
  /** Stops it. */
  close(): Promise<void>;
}

/**
 * A local HTTPS server speaking the provider registry protocol
 * (https://developer.hashicorp.com/terraform/internals/provider-registry-protocol): service
 * discovery, the version list and the download of one platform with its SHA256SUMS, their
 * signature and the public key, as registry.terraform.io answers for a GitHub release. Terraform
 * must run asynchronously beside it (it serves from this process).
 */
export async function startProviderRegistry(options: ProviderRegistryOptions): Promise<ProviderRegistry> {
  const cert = selfSignedCertificate();
  const { namespace, type, version, releaseDir } = options;
  const prefix = `/v1/providers/${namespace}/${type}`;
  const files = fs.readdirSync(releaseDir);
  const zips = files.map((f) => new RegExp(`^terraform-provider-${type}_${version.replace(/\./g, '\\.')}_([a-z0-9]+)_([a-z0-9]+)\\.zip$`).exec(f)).filter((m): m is RegExpExecArray => m !== null);
  const sums = fs.readFileSync(path.join(releaseDir, `terraform-provider-${type}_${version}_SHA256SUMS`), 'utf8');
  let base = '';
  const json = (res: import('http').ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    const url = req.url ?? '';
    if (url === '/.well-known/terraform.json') return json(res, { 'providers.v1': '/v1/providers/' });
    if (url === `${prefix}/versions`) {
      return json(res, { versions: [{ version, protocols: ['6.0'], platforms: zips.map((m) => ({ os: m[1], arch: m[2] })) }] });
    }
    const download = new RegExp(`^${prefix}/${version.replace(/\./g, '\\.')}/download/([a-z0-9]+)/([a-z0-9]+)$`).exec(url);
    if (download) {
      const zip = zips.find((m) => m[1] === download[1] && m[2] === download[2]);
      if (!zip) {
        res.writeHead(404).end();
        return;
      }
      const shasum = new RegExp(`^([0-9a-f]{64})  ${zip[0]}$`, 'm').exec(sums)![1];
      return json(res, {
        protocols: ['6.0'],
        os: zip[1],
        arch: zip[2],
        filename: zip[0],
        download_url: `${base}/files/${zip[0]}`,
        shasums_url: `${base}/files/terraform-provider-${type}_${version}_SHA256SUMS`,
        shasums_signature_url: `${base}/files/terraform-provider-${type}_${version}_SHA256SUMS.sig`,
        shasum,
        signing_keys: { gpg_public_keys: [{ key_id: options.keyId, ascii_armor: options.publicKey }] },
      });
    }
    const file = /^\/files\/([^/]+)$/.exec(url);
    if (file && files.includes(file[1])) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(fs.readFileSync(path.join(releaseDir, file[1])));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    certPem: cert.certPem,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
