/**
 * `claimbook merge-driver BASE OURS THEIRS PATH`: git's `%O %A %B %P`. Merges a sidecar or the
 * codebook entry by entry and writes the result into OURS; exit 0 when clean, 1 when conflict
 * markers were left. Whatever it cannot read (binary, not YAML, not a dataset file) goes to
 * git's own line merge (`git merge-file`), so no side is ever lost.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeDatasetFile, type MergeOutcome } from '../../core';
import { writeFileAtomic } from '../nodeHost';
import { git } from '../git';
import { UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LABELS = { ours: 'ours', theirs: 'theirs' };

/** The text of a file, or why it is not text; a missing base (add/add) is empty. */
function readSide(file: string, allowMissing: boolean): { text: string } | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (allowMissing && code === 'ENOENT') return { text: '' };
    return { reason: `cannot read ${file} (${code ?? String(error)})` };
  }
  if (bytes.includes(0)) return { reason: 'binary file' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

export async function runMergeDriver(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length !== 4) throw new UsageError('merge-driver takes BASE OURS THEIRS PATH (git passes %O %A %B %P)');
  const [baseFile, oursFile, theirsFile, target] = args.positionals.map((p) => path.resolve(io.cwd, p)) as [string, string, string, string];
  const shown = args.positionals[3] as string;
  const base = readSide(baseFile, true), ours = readSide(oursFile, false), theirs = readSide(theirsFile, false);
  let outcome: MergeOutcome;
  if ('reason' in base) outcome = { kind: 'fallback', reason: `the base: ${base.reason}` };
  else if ('reason' in ours) outcome = { kind: 'fallback', reason: `our side: ${ours.reason}` };
  else if ('reason' in theirs) outcome = { kind: 'fallback', reason: `their side: ${theirs.reason}` };
  else {
    try {
      outcome = mergeDatasetFile({
        path: shown,
        base: base.text,
        ours: ours.text,
        theirs: theirs.text,
        labels: LABELS,
        article: (name) => articleText(path.dirname(target), name),
      });
    } catch (error) {
      // A bug here must not cost a side: git's line merge still has both.
      outcome = { kind: 'fallback', reason: `internal error (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (outcome.kind === 'fallback') {
    io.stderr(`claimbook merge-driver: ${shown}: ${outcome.reason}; falling back to git's line merge\n`);
    return lineMerge(baseFile, oursFile, theirsFile, io);
  }
  await writeFileAtomic(oursFile, outcome.text);
  if (outcome.conflicts > 0) {
    io.stderr(`claimbook merge-driver: ${shown}: ${outcome.conflicts} conflict${outcome.conflicts === 1 ? '' : 's'} marked; resolve, then run claimbook check\n`);
    return 1;
  }
  return 0;
}

/** The article as it is in the work tree (git writes merge results last, so: our version). */
function articleText(dir: string, name: string): string | undefined {
  const read = readSide(path.join(dir, name), false);
  return 'text' in read ? read.text : undefined;
}

/** git merge-file OURS BASE THEIRS: writes into OURS, exits with the number of conflicts. */
function lineMerge(baseFile: string, oursFile: string, theirsFile: string, io: Io): number {
  if (!existsSync(baseFile)) {
    // No base at all: merge against an empty one, as git does for add/add.
    baseFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimbook-merge-')), 'base');
    writeFileSync(baseFile, '');
  }
  const r = git(['merge-file', '-L', LABELS.ours, '-L', 'base', '-L', LABELS.theirs, oursFile, baseFile, theirsFile], io.cwd);
  if (r.error || r.status === null) {
    io.stderr(`claimbook merge-driver: could not run git merge-file (${r.error?.message ?? 'killed'}); the file is left as our side\n`);
    return 1;
  }
  if (r.status < 0 || r.status > 127) io.stderr(r.stderr);
  return r.status === 0 ? 0 : 1;
}
