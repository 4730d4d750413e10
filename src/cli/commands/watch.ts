/**
 * `claimbook check [DIR] --watch`: check once, then re-check whenever a file under DIR changes,
 * through the incremental dataset index (only what a change affects is checked again). In text
 * the first report is the full one; each later one lists the findings of the files whose
 * findings changed (a file left clean as "FILE: no problems"), then the summary of the whole
 * dataset. In JSON every line is the whole dataset's findings after that check.
 */
import * as fs from 'node:fs';
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { checkDataset, FileCache, type CheckResult } from '../../core';
import { WatchHost } from '../watchHost';
import { locate, type LocatedFinding } from '../format/locate';
import { formatText } from '../format/text';
import { summary } from '../format/summary';
import type { Io } from '../io';
import { inert, inertLineStart, jsonInert } from '../format/inert';

const SKIP = /(^|\/)(\.git|node_modules)(\/|$)/;

/** Events arriving within this many milliseconds are one change (an editor's save is several). */
const SETTLE_MS = 50;

export async function runWatch(dir: string, io: Io, format: 'text' | 'json', showHints: boolean): Promise<number> {
  const host = new WatchHost(dir);
  const cache = new FileCache();
  const shown = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'hint' || showHints);
  const exitCode = (r: CheckResult): number => (r.fatal ? 2 : shown(r).some((f) => f.severity === 'error') ? 1 : 0);

  let result = await checkDataset(host, { hints: showHints }, cache);
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
      result = await checkDataset(host, { hints: showHints }, cache);
      const ms = performance.now() - started;
      running = false;
      const files = result.changedFiles ?? new Set(result.findings.map((f) => f.file));
      const all = shown(result);
      report(io, format, result, all.filter((f) => files.has(f.file)), all, { changed, ms, files });
      if (pending.size > 0) schedule();
    };
    const schedule = (): void => {
      if (timer === undefined) timer = setTimeout(() => void recheck(), SETTLE_MS);
    };
    // One watcher per folder: a folder's watch sees files replaced by rename (editors, sed -i),
    // which a watch on the file itself would lose; new folders get theirs as they appear. A
    // folder deleted and re-created (a branch switch) is a new folder: the watch of the old one,
    // known by its inode, is closed with those below it and the new one is watched.
    const watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
    const unwatch = (rel: string): void => {
      for (const [key, w] of watchers) {
        if (key !== rel && !key.startsWith(`${rel}/`) && rel !== '') continue;
        w.watcher.close();
        watchers.delete(key);
      }
    };
    const watchTree = (rel: string): void => {
      const abs = path.join(dir, ...rel.split('/').filter(Boolean));
      const known = watchers.get(rel);
      const ino = fs.statSync(abs, { throwIfNoEntry: false })?.ino;
      if (known) {
        if (known.ino === ino) return;
        unwatch(rel);
      }
      if (ino === undefined) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(abs, { withFileTypes: true });
        const w = watch(abs, (event, name) => {
          const file = name === null ? undefined : rel ? `${rel}/${String(name)}` : String(name);
          if (file !== undefined && SKIP.test(file)) return;
          host.invalidate(file, event === 'rename');
          pending.add(file ?? '.');
          if (event === 'rename' && file !== undefined) watchTree(file);
          schedule();
        });
        w.on('error', () => {
          w.close();
          if (watchers.get(rel)?.watcher === w) watchers.delete(rel);
        });
        watchers.set(rel, { watcher: w, ino });
      } catch {
        return; // not a folder (a file was renamed), or gone again
      }
      for (const e of entries) if (e.isDirectory() && !SKIP.test(e.name)) watchTree(rel ? `${rel}/${e.name}` : e.name);
    };
    const stop = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      for (const w of watchers.values()) w.watcher.close();
      resolve(exitCode(result));
    };
    watchTree('');
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
  change: { changed: string[]; ms: number; files: ReadonlySet<string> } | undefined,
): void {
  if (result.fatal) {
    io.stderr(`claimbook: ${inert(result.fatal)}\n`);
    return;
  }
  if (format === 'json') {
    // One JSON array per check and line: the whole dataset's findings, as `check --format json`
    // gives them, so the last line is the state (a file that became clean is simply absent).
    io.stdout(`${jsonInert(JSON.stringify(locate(all, result.texts)))}\n`);
    return;
  }
  const located = locate(findings, result.texts);
  if (!change) {
    io.stdout(formatText(located));
    return;
  }
  const what = inert(change.changed.length > 3 ? `${change.changed.slice(0, 3).join(', ')} and ${change.changed.length - 3} more` : change.changed.join(', '));
  io.stdout(`\n[${new Date().toLocaleTimeString()}] ${what} changed; re-checked in ${Math.round(change.ms)} ms\n`);
  // The findings of the files whose findings changed, then the whole dataset's summary.
  for (const line of formatText(located).split('\n').slice(0, -2)) io.stdout(`${line}\n`);
  // A file whose findings all went away is named, so a reader sees it became clean.
  const reported = new Set(findings.map((f) => f.file));
  for (const file of [...change.files].sort()) if (!reported.has(file)) io.stdout(`${inertLineStart(file)}: no problems\n`);
  io.stdout(`${summary(all.map((f) => ({ severity: f.severity, file: f.file }) as LocatedFinding))}\n`);
}
