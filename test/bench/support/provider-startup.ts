import { spawn } from 'child_process';
import { MAGIC_COOKIE_VALUE } from '../../../src/provider/protocol/handshake';
import { selfSignedCertificate } from '../../../src/provider/protocol/self-signed-cert';

/**
 * Spawn → handshake line of a provider executable (`command ARGS`) as Terraform starts it (magic
 * cookie, protocol 6, a client certificate), `runs` times after one warm-up; seconds each. `path`
 * is the PATH the provider gets.
 */
export async function providerStartups(command: string, args: readonly string[], runs: number, path = process.env.PATH): Promise<number[]> {
  const cert = selfSignedCertificate();
  const env = { PATH: path, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: cert.certPem };
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const start = performance.now();
      const child = spawn(command, [...args], { env, stdio: ['pipe', 'pipe', 'ignore'] });
      child.stdout.once('data', () => {
        const s = (performance.now() - start) / 1000;
        child.once('exit', () => resolve(s));
        child.kill('SIGKILL');
      });
      child.once('error', reject);
    });
  await once();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await once());
  return out;
}
