/**
 * The core's Host over a git revision of a dataset: the listing from `git ls-tree`, the
 * contents from one `git cat-file --batch` (what `git show REV:PATH` prints, for every file in
 * one process). Nothing touches the work tree or the index, so comparing `--rev alice --rev bob`
 * works whatever is checked out, and with uncommitted changes.
 */
import { execFileSync } from 'node:child_process';
import { blobText, type Host, type ReadResult } from '../core';
import { nodeSha256Hex } from './nodeHost';
import { UsageError } from './args';

const SKIP = /(^|\/)(node_modules|\.git)(\/|$)/;
/** Enough for dataset L (about 140 MB) in one read. */
const MAX_BUFFER = 1024 * 1024 * 1024;

function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The repository holding `dir` and `dir`'s path inside it ('' at the top, else ending in '/'). */
export function gitLocation(dir: string): { top: string; prefix: string } {
  try {
    const top = git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
    const prefix = git(dir, ['rev-parse', '--show-prefix']).toString('utf8').trim();
    return { top, prefix };
  } catch {
    throw new UsageError(`${dir} is not inside a git repository (--rev reads revisions of one)`);
  }
}

/** The commit a revision names; a name git does not know is a usage error. */
export function resolveRevision(top: string, rev: string): string {
  if (rev.startsWith('-') || rev.length === 0) throw new UsageError(`--rev ${rev}: not a revision name`);
  try {
    return git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new UsageError(`--rev ${rev}: no such branch, tag or commit`);
  }
}

export class GitHost implements Host {
  readonly sha256Hex = nodeSha256Hex;
  private readonly sizes = new Map<string, number>();
  private contents: Map<string, Buffer> | undefined;

  constructor(
    private readonly top: string,
    private readonly prefix: string,
    private readonly commit: string,
  ) {
    // -l gives each blob's size, so a huge file is refused without reading it.
    const out = git(top, ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', prefix === '' ? '.' : prefix]).toString('utf8');
    for (const line of out.split('\0')) {
      // cat-file --batch reads one path a line: a path with a newline cannot be asked for.
      if (line.includes('\n')) continue;
      const m = /^\d+ blob [0-9a-f]+ +(\d+)\t(.*)$/s.exec(line);
      if (!m) continue; // submodules (commit), symlinks are blobs too but harmless
      const rel = (m[2] as string).slice(prefix.length);
      if (!SKIP.test(rel)) this.sizes.set(rel, Number(m[1]));
    }
  }

  listFiles(): Promise<string[]> {
    return Promise.resolve([...this.sizes.keys()].sort());
  }

  readText(rel: string, maxBytes: number): Promise<ReadResult> {
    return Promise.resolve(blobText(this.sizes.get(rel), () => this.read(maxBytes).get(rel), maxBytes));
  }


  /** Every listed file under the size cap, read in one `git cat-file --batch`. */
  private read(maxBytes: number): Map<string, Buffer> {
    if (this.contents) return this.contents;
    const paths = [...this.sizes].filter(([, size]) => size <= maxBytes).map(([rel]) => rel);
    const out = git(this.top, ['cat-file', '--batch'], paths.map((rel) => `${this.commit}:${this.prefix}${rel}\n`).join(''));
    const contents = new Map<string, Buffer>();
    let at = 0;
    for (const rel of paths) {
      const eol = out.indexOf(10, at);
      if (eol < 0) break;
      const header = out.subarray(at, eol).toString('utf8');
      at = eol + 1;
      const m = / blob (\d+)$/.exec(header);
      if (!m) continue; // "<name> missing"
      const size = Number(m[1]);
      contents.set(rel, out.subarray(at, at + size));
      at += size + 1;
    }
    this.contents = contents;
    return contents;
  }
}
