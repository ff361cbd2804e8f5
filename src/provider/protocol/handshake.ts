/** The cookie Terraform sets so that a provider knows it was started as a plugin. */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
/** Its value (go-plugin's HandshakeConfig of Terraform). */
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
/** The plugin protocol version this server speaks. */
export const PROTOCOL_VERSION = 6;

/** The provider was started in a way it cannot serve; the message says why and what to do. */
export class HandshakeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandshakeError';
  }
}

/** How the server must listen, read from the environment Terraform gives the plugin. */
export interface HandshakeSettings {
  /** Terraform's client certificate (PEM) to require, or undefined for plaintext. */
  readonly clientCertPem?: string;
  /** Directory of the Unix socket. */
  readonly socketDir?: string;
}

/** Checks the go-plugin environment; throws HandshakeError when this process cannot serve Terraform. */
export function readHandshakeSettings(env: NodeJS.ProcessEnv): HandshakeSettings {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    throw new HandshakeError(
      'This program is a Terraform provider plugin: Terraform starts it. Put it in terraform.d/plugins and run terraform init.',
    );
  }
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? '').split(',').map((v) => v.trim());
  if (!offered.includes(String(PROTOCOL_VERSION))) {
    throw new HandshakeError(
      `This provider speaks plugin protocol ${PROTOCOL_VERSION}; Terraform offered ${JSON.stringify(env.PLUGIN_PROTOCOL_VERSIONS ?? '')}. Use Terraform 1.0 or newer.`,
    );
  }
  const clientCertPem = env.PLUGIN_CLIENT_CERT || undefined;
  if (!clientCertPem && !env.TF_DISABLE_PLUGIN_TLS) {
    throw new HandshakeError('Terraform sent no PLUGIN_CLIENT_CERT; refusing to serve without TLS unless TF_DISABLE_PLUGIN_TLS is set.');
  }
  return { clientCertPem, socketDir: env.PLUGIN_UNIX_SOCKET_DIR || undefined };
}

/**
 * The one line a go-plugin server prints: core version 1, protocol 6, the address, `grpc`, and
 * the server certificate's DER in unpadded base64 (Go's RawStdEncoding), empty for plaintext.
 */
export function handshakeLine(socketPath: string, certDer?: Buffer): string {
  const cert = certDer ? certDer.toString('base64').replace(/=+$/, '') : '';
  return `1|${PROTOCOL_VERSION}|unix|${socketPath}|grpc|${cert}\n`;
}
