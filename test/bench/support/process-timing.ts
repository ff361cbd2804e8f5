import { spawnSync } from 'child_process';
import { existsSync } from 'fs';

/** One finished child process: wall seconds, exit code and what it printed. */
export interface TimedRun {
  /** Wall seconds from spawn to exit. */
  readonly seconds: number;
  /** Exit code. */
  readonly code: number | null;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** Runs `node ARGS` to completion and times it. */
export function timeNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): TimedRun {
  const start = performance.now();
  const out = spawnSync(process.execPath, [...args], { env, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, code: out.status, stdout: out.stdout ?? '', stderr: out.stderr ?? String(out.error ?? '') };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Peak RSS (MB) of one `node ARGS` run, from GNU time when the machine has it. */
export function peakMbOfNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (!existsSync('/usr/bin/time')) return undefined;
  const out = spawnSync('/usr/bin/time', ['-f', 'BENCH_MAXRSS_KB=%M', process.execPath, ...args], { env, encoding: 'utf8' });
  const match = /BENCH_MAXRSS_KB=(\d+)/.exec(out.stderr ?? '');
  return match ? Number(match[1]) / 1024 : undefined;
}

/**
 * Times `runs` rounds of each command, interleaved so that machine noise hits all alike, after
 * one warm-up round; answers each command's runs in order.
 */
export function interleave(commands: readonly { args: readonly string[]; env?: NodeJS.ProcessEnv }[], runs: number): TimedRun[][] {
  for (const c of commands) timeNode(c.args, c.env);
  const out: TimedRun[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => out[j].push(timeNode(c.args, c.env)));
  return out;
}
