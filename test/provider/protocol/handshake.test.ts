import * as grpc from '@grpc/grpc-js';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAGIC_COOKIE_VALUE } from '../../../src/provider/protocol/handshake';
import { selfSignedCertificate } from '../../../src/provider/protocol/self-signed-cert';
import { CONTROLLER_SERVICE, PROVIDER_SERVICE } from '../../../src/provider/protocol/serve';
import { installProvider } from '../install-provider';

// The go-plugin side of the protocol, with grpc-js playing Terraform's part.

let dir: string;
let executable: string;
const terraformCert = selfSignedCertificate();

interface Started {
  readonly child: ChildProcess;
  readonly line: string;
  stdout(): string;
  exited: Promise<number | null>;
}

function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(executable, [], { env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, line: out.split('\n')[0], stdout: () => out, exited });
    });
    void exited.then((code) => reject(new Error(`provider exited with ${code} before the handshake`)));
  });
}

const pluginEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
  PLUGIN_PROTOCOL_VERSIONS: '5,6',
  PLUGIN_CLIENT_CERT: terraformCert.certPem,
  ...extra,
});

const ProviderClient = grpc.makeGenericClientConstructor(PROVIDER_SERVICE, 'Provider');
const ControllerClient = grpc.makeGenericClientConstructor(CONTROLLER_SERVICE, 'GRPCController');

function serverCertPem(line: string): string {
  const der = line.split('|')[5];
  const lines = Buffer.from(der, 'base64').toString('base64').match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function call(client: grpc.Client, method: string, request: object = {}): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    (client as unknown as Record<string, (r: object, o: object, cb: (e: Error | null, v: Record<string, unknown>) => void) => void>)[method](
      request,
      { deadline: Date.now() + 5000 },
      (err, value) => (err ? reject(err) : resolve(value)),
    );
  });
}

function mtlsCredentials(line: string, withClientCert: boolean): grpc.ChannelCredentials {
  const root = Buffer.from(serverCertPem(line));
  return withClientCert
    ? grpc.credentials.createSsl(root, Buffer.from(terraformCert.keyPem), Buffer.from(terraformCert.certPem))
    : grpc.credentials.createSsl(root);
}

const clientOptions = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-handshake-'));
  ({ executable } = await installProvider(dir, { entry: path.join(__dirname, '..', 'fixtures', 'toy-provider.ts'), namespace: 'example', type: 'toy', version: '0.1.0' }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the go-plugin handshake', () => {
  test('prints one line: core 1, protocol 6, a unix socket, grpc, the unpadded DER of a localhost certificate', async () => {
    const started = await start(pluginEnv());
    const fields = started.line.split('|');
    expect(fields).toHaveLength(6);
    expect(fields.slice(0, 3)).toEqual(['1', '6', 'unix']);
    expect(fields[4]).toBe('grpc');
    expect(fs.statSync(fields[3]).isSocket()).toBe(true);
    expect(fields[5]).not.toMatch(/=$/);
    const { X509Certificate } = await import('crypto');
    const cert = new X509Certificate(serverCertPem(started.line));
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.verify(cert.publicKey)).toBe(true);
    started.child.kill('SIGKILL');
    await started.exited;
  });

  test('answers Terraform with its client certificate, refuses a client without it, and exits on Shutdown with one stdout line', async () => {
    const started = await start(pluginEnv());
    const address = `unix://${started.line.split('|')[3]}`;
    const good = new ProviderClient(address, mtlsCredentials(started.line, true), clientOptions);
    const schema = await call(good, 'GetProviderSchema');
    expect(Object.keys(schema.resource_schemas as object)).toEqual(['toy_item']);
    expect(schema.server_capabilities).toMatchObject({ plan_destroy: true });

    const anonymous = new ProviderClient(address, mtlsCredentials(started.line, false), clientOptions);
    await expect(call(anonymous, 'GetProviderSchema')).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    anonymous.close();
    const stranger = selfSignedCertificate();
    const impostor = new ProviderClient(
      address,
      grpc.credentials.createSsl(Buffer.from(serverCertPem(started.line)), Buffer.from(stranger.keyPem), Buffer.from(stranger.certPem)),
      clientOptions,
    );
    await expect(call(impostor, 'GetProviderSchema')).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    impostor.close();

    started.child.kill('SIGINT'); // ignored, as go-plugin servers do
    await expect(call(good, 'GetMetadata')).resolves.toMatchObject({ resources: [{ type_name: 'toy_item' }] });

    const controller = new ControllerClient(address, mtlsCredentials(started.line, true), clientOptions);
    await call(controller, 'Shutdown');
    expect(await started.exited).toBe(0);
    expect(started.stdout()).toBe(`${started.line}\n`);
    expect(fs.existsSync(started.line.split('|')[3])).toBe(false);
    good.close();
    controller.close();
  });

  test('with TF_DISABLE_PLUGIN_TLS it serves plaintext and sends no certificate', async () => {
    const started = await start(pluginEnv({ PLUGIN_CLIENT_CERT: '', TF_DISABLE_PLUGIN_TLS: '1' }));
    expect(started.line.split('|')[5]).toBe('');
    const client = new ProviderClient(`unix://${started.line.split('|')[3]}`, grpc.credentials.createInsecure());
    await expect(call(client, 'GetFunctions')).resolves.toEqual({});
    client.close();
    started.child.kill('SIGKILL');
    await started.exited;
  });

  test.each([
    ['no magic cookie', { TF_PLUGIN_MAGIC_COOKIE: '' }, 'This program is a Terraform provider plugin'],
    ['protocol 6 not offered', { PLUGIN_PROTOCOL_VERSIONS: '5' }, 'speaks plugin protocol 6'],
    ['no client certificate and TLS not disabled', { PLUGIN_CLIENT_CERT: '' }, 'refusing to serve without TLS'],
  ])('refuses to start with %s: exit 1, nothing on stdout', async (_case, env, message) => {
    const child = spawn(executable, [], { env: { PATH: process.env.PATH, ...pluginEnv(env) } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(message);
  });
});
