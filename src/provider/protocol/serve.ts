import * as grpc from '@grpc/grpc-js';
import { randomBytes, X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import { handshakeLine, HandshakeError, readHandshakeSettings } from './handshake';
import { SelfSignedCertificate, selfSignedCertificate } from './self-signed-cert';
import { emptyCodec, MessageCodec, PROVIDER_RPCS, ProviderHandlers, providerRpcCodecs, warmWireCodecs } from './wire';

/** Options of `serveProvider`, for tests. */
export interface ServeOptions {
  /**
   * Environment read for the handshake.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * How often to check that Terraform (the parent process) is still there, ms.
   * @default 1000
   */
  readonly parentCheckMs?: number;
}

// Terraform's own limit for messages between core and providers (256 MiB).
const MAX_MESSAGE = 256 << 20;

function method(pathName: string, request: MessageCodec, response: MessageCodec): grpc.MethodDefinition<object, object> {
  return {
    path: pathName,
    requestStream: false,
    responseStream: false,
    requestSerialize: (value: object) => request.encode(value),
    requestDeserialize: (bytes: Buffer) => request.decode(bytes),
    responseSerialize: (value: object) => response.encode(value),
    responseDeserialize: (bytes: Buffer) => response.decode(bytes),
  };
}

/** The `tfplugin6.Provider` service definition, for a server or (in tests) a client. */
export const PROVIDER_SERVICE: grpc.ServiceDefinition = Object.fromEntries(
  PROVIDER_RPCS.map((rpc) => {
    const codecs = providerRpcCodecs(rpc);
    return [rpc, method(`/tfplugin6.Provider/${rpc}`, codecs.request, codecs.response)];
  }),
);

/** go-plugin's `plugin.GRPCController` service (only Shutdown). */
export const CONTROLLER_SERVICE: grpc.ServiceDefinition = {
  Shutdown: method('/plugin.GRPCController/Shutdown', emptyCodec, emptyCodec),
};

function unary(handler: (request: Record<string, unknown>) => Promise<object>): grpc.handleUnaryCall<object, object> {
  return (call, callback) => {
    handler(call.request as Record<string, unknown>).then(
      (response) => callback(null, response),
      // The framework turns errors into diagnostics; this is the last line, and it carries no stack.
      (err: unknown) => callback({ code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) }),
    );
  };
}

/**
 * go-plugin's AutoMTLS, server side: a listener that presents `cert`, requires the client
 * certificate Terraform passed in PLUGIN_CLIENT_CERT and hands on a connection only when the
 * handshake proves the client holds exactly that certificate (TLS checks its CertificateVerify
 * signature; the DER is compared whole, the pinning go-plugin does with a one-certificate CA
 * pool). grpc-js `createSsl` with the client certificate as `ca` does the same check, but any `ca`
 * makes Node parse its ~140 bundled root certificates first: 20–30 ms of every provider start.
 * Node runs its own `rejectUnauthorized` check at this same point, after the handshake; a refused
 * client sees the connection close (gRPC UNAVAILABLE). gRPC needs HTTP/2 negotiated by ALPN.
 */
function pinnedMutualTlsServer(clientCertPem: string, cert: SelfSignedCertificate, serve: (connection: net.Socket) => void): net.Server {
  const expected = new X509Certificate(clientCertPem).raw;
  const server = tls.createServer({ cert: cert.certPem, key: cert.keyPem, ca: [], requestCert: true, rejectUnauthorized: false, ALPNProtocols: ['h2'] }, (socket) => {
    if (socket.getPeerX509Certificate()?.raw.equals(expected) && socket.alpnProtocol === 'h2') serve(socket);
    else socket.destroy();
  });
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  return server;
}

/**
 * Serves a provider the way go-plugin does: checks the handshake environment, listens on a Unix
 * socket with mutual TLS (Terraform's certificate required), prints the one handshake line on
 * stdout, answers `plugin.GRPCController/Shutdown` by exiting, ignores SIGINT (Terraform stops
 * providers by RPC) and exits when Terraform goes away. Resolves when the server listens.
 */
export async function serveProvider(handlers: ProviderHandlers, options: ServeOptions = {}): Promise<void> {
  let settings;
  try {
    settings = readHandshakeSettings(options.env ?? process.env);
  } catch (err) {
    if (!(err instanceof HandshakeError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  // From here on stdout belongs to the handshake line alone.
  for (const name of ['log', 'info', 'debug'] as const) console[name] = console.error;

  const server = new grpc.Server({ 'grpc.max_receive_message_length': MAX_MESSAGE, 'grpc.max_send_message_length': MAX_MESSAGE });
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const rpc of PROVIDER_RPCS) implementation[rpc] = unary(handlers[rpc]);
  server.addService(PROVIDER_SERVICE, implementation);

  const socketPath = path.join(settings.socketDir ?? os.tmpdir(), `plugin${randomBytes(6).toString('hex')}`);
  // This process owns the socket and the TLS; grpc-js serves HTTP/2 on the connections it is handed.
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const cert = settings.clientCertPem ? selfSignedCertificate() : undefined;
  const serve = (connection: net.Socket) => {
    connection.on('error', () => connection.destroy());
    injector.injectConnection(connection);
  };
  const listener = settings.clientCertPem && cert ? pinnedMutualTlsServer(settings.clientCertPem, cert, serve) : net.createServer(serve);
  const exit = (code: number) => {
    listener.close();
    server.forceShutdown();
    fs.rmSync(socketPath, { force: true });
    process.exit(code);
  };
  server.addService(CONTROLLER_SERVICE, {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      setTimeout(() => exit(0), 10);
    },
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(socketPath, () => resolve());
  });

  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => exit(0));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) exit(0);
  }, options.parentCheckMs ?? 1000).unref();
  process.stdout.write(handshakeLine(socketPath, cert?.certDer));
  setImmediate(warmWireCodecs);
}
