/**
 * `claimbook check [DIR] --watch`: check once, then re-check whenever a file under DIR changes,
 * through the incremental dataset index (only what a change affects is checked again). The
 * first report is the full one; each later one lists the findings of the files whose findings
 * changed, then the summary of the whole dataset.
 */
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { checkDataset, FileCache, type CheckResult } from '../../core';
import { WatchHost } from '../watchHost';
import { locate, type LocatedFinding } from '../format/locate';
import { formatText } from '../format/text';
import { summary } from '../format/summary';
import type { Io } from '../io';

/** Events arriving within this many milliseconds are one change (an editor's save is several). */
const SETTLE_MS = 50;

export async function runWatch(dir: string, io: Io, format: 'text' | 'json', showHints: boolean): Promise<number> {
  const host = new WatchHost(dir);
  const cache = new FileCache();
  const shown = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'hint' || showHints);
  const exitCode = (r: CheckResult): number => (r.fatal ? 2 : shown(r).some((f) => f.severity === 'error') ? 1 : 0);

  let result = await checkDataset(host, {}, cache);
  report(io, format, result, shown(result), shown(result), undefined);
  if (io.signal?.aborted) return exitCode(result);

  return new Promise<number>((resolve) => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;

    const recheck = async (): Promise<void> => {
      timer = undefined;
      if (running) return;
      running = true;
      const changed = [...pending].sort();
      pending.clear();
      const started = performance.now();
      result = await checkDataset(host, {}, cache);
      const ms = performance.now() - started;
      running = false;
      const files = result.changedFiles ?? new Set(result.findings.map((f) => f.file));
      const all = shown(result);
      report(io, format, result, all.filter((f) => files.has(f.file)), all, { changed, ms });
      if (pending.size > 0) schedule();
    };
    const schedule = (): void => {
      if (timer === undefined) timer = setTimeout(() => void recheck(), SETTLE_MS);
    };
    const watcher: FSWatcher = watch(dir, { recursive: true }, (event, name) => {
      const rel = name === null ? undefined : String(name).split(path.sep).join('/');
      if (rel !== undefined && /(^|\/)(\.git|node_modules)(\/|$)/.test(rel)) return;
      host.invalidate(rel, event === 'rename');
      pending.add(rel ?? '.');
      schedule();
    });
    const stop = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      watcher.close();
      resolve(exitCode(result));
    };
    watcher.on('error', (error) => {
      io.stderr(`claimbook: watching ${dir} failed: ${error.message}\n`);
      stop();
    });
    io.signal?.addEventListener('abort', stop, { once: true });
    io.stderr(`Watching ${dir} for changes (Ctrl-C to stop).\n`);
  });
}

function report(
  io: Io,
  format: 'text' | 'json',
  result: CheckResult,
  findings: CheckResult['findings'],
  all: CheckResult['findings'],
  change: { changed: string[]; ms: number } | undefined,
): void {
  if (result.fatal) {
    io.stderr(`claimbook: ${result.fatal}\n`);
    return;
  }
  const located = locate(findings, result.texts);
  if (format === 'json') {
    // One JSON array per check and line, so a consumer can read the stream line by line.
    io.stdout(`${JSON.stringify(located)}\n`);
    return;
  }
  if (!change) {
    io.stdout(formatText(located));
    return;
  }
  const what = change.changed.length > 3 ? `${change.changed.slice(0, 3).join(', ')} and ${change.changed.length - 3} more` : change.changed.join(', ');
  io.stdout(`\n[${new Date().toLocaleTimeString()}] ${what} changed; re-checked in ${Math.round(change.ms)} ms\n`);
  // The findings of the files whose findings changed, then the whole dataset's summary.
  for (const line of formatText(located).split('\n').slice(0, -2)) io.stdout(`${line}\n`);
  io.stdout(`${summary(all.map((f) => ({ severity: f.severity, file: f.file }) as LocatedFinding))}\n`);
}
