import { execFile } from 'child_process';
import { promisify } from 'util';

const run = promisify(execFile);

/** gpg could not sign. */
export class GpgSignatureError extends Error {
  constructor(keyId: string, cause: unknown) {
    const e = cause as { code?: string; stderr?: string; message?: string };
    const why = e.code === 'ENOENT' ? 'gpg is not installed (not found on PATH)' : (e.stderr || e.message || String(cause)).trim();
    super(`Signing with --gpg-key "${keyId}" failed: ${why}`);
    this.name = 'GpgSignatureError';
  }
}

/**
 * Writes `signatureFile`, a detached binary signature of `file` by the secret key `keyId` of the
 * keyring gpg uses (GNUPGHOME or ~/.gnupg), as the Terraform registry expects for SHA256SUMS.
 * Runs `gpg --batch`: a passphrase-protected key needs its passphrase from gpg-agent (CI imports
 * the key with one, or uses `--pinentry-mode loopback` in gpg.conf).
 */
export async function detachSign(file: string, signatureFile: string, keyId: string): Promise<void> {
  try {
    await run('gpg', ['--batch', '--yes', '--local-user', keyId, '--output', signatureFile, '--detach-sign', file]);
  } catch (err) {
    throw new GpgSignatureError(keyId, err);
  }
}

/** Throws {@link GpgSignatureError} unless gpg has the secret key `keyId`: checked before anything is built. */
export async function checkSecretKey(keyId: string): Promise<void> {
  try {
    await run('gpg', ['--batch', '--list-secret-keys', keyId]);
  } catch (err) {
    const e = err as { code?: string | number };
    throw new GpgSignatureError(keyId, e.code === 'ENOENT' ? err : { message: 'gpg has no secret key by that id in its keyring (GNUPGHOME or ~/.gnupg)' });
  }
}
