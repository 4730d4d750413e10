/** Running git for the merge driver and git-setup. */
import { spawnSync } from 'node:child_process';

export interface GitResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when git could not be started at all. */
  error?: Error;
}

export function git(args: readonly string[], cwd: string): GitResult {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** A word for `sh`: single-quoted, so spaces and `$` in paths pass through unchanged. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
