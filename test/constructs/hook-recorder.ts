import * as fs from 'fs';
import * as path from 'path';
import { SYNTH_NAMES } from '../../src/tenant-spec/synth-names';

/** Environment variable naming the recorder's log file. */
export const HOOK_RECORDER_LOG_ENV = 'HOOK_RECORDER_LOG';

/** One recorded hook run. */
export interface RecordedHook {
  /** `SES_TENANTS_HOOK_ACTION`. */
  readonly action: string;
  /** `SES_TENANTS_HOOK_INPUT`, parsed. */
  readonly input: { readonly tenant: string | { readonly name: string }; readonly resource?: { readonly type: string; readonly name: string } };
}

// Appends {action, input} as one JSON line; one write per line keeps parallel hooks apart.
const RECORDER = `const fs = require('fs');
const line = JSON.stringify({ action: process.env.SES_TENANTS_HOOK_ACTION, input: JSON.parse(process.env.SES_TENANTS_HOOK_INPUT) });
fs.appendFileSync(process.env.${HOOK_RECORDER_LOG_ENV}, line + '\\n');
`;

/** Replaces the hook program of a stack directory (or a workspace) with the recorder. */
export function installHookRecorder(dir: string): void {
  const assetDir = path.join(dir, 'assets', SYNTH_NAMES.hookAsset);
  const hashes = fs.readdirSync(assetDir);
  if (hashes.length !== 1) throw new Error(`expected one version of the hook asset in ${assetDir}, found ${hashes.length}`);
  fs.writeFileSync(path.join(assetDir, hashes[0], SYNTH_NAMES.hookFile), RECORDER);
}

/** Reads and empties the recorder's log. */
export function takeHookLog(file: string): RecordedHook[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  fs.writeFileSync(file, '');
  return lines.map((l) => JSON.parse(l) as RecordedHook);
}

/** `action tenant[/type/name]`: a short label of a recorded run. */
export function label(h: RecordedHook): string {
  const tenant = typeof h.input.tenant === 'string' ? h.input.tenant : h.input.tenant.name;
  return h.input.resource ? `${h.action} ${tenant}|${h.input.resource.type}|${h.input.resource.name}` : `${h.action} ${tenant}`;
}
