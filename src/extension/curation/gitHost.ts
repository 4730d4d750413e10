/**
 * The core's Host over a git revision of the dataset, for comparing with a branch or commit:
 * the listing from `git ls-tree`, each file from `git cat-file --batch` in one process, all
 * asynchronous so the extension host never waits on git. Nothing touches the work tree.
 * Only ever constructed in a trusted workspace (git runs hooks and config of the repository).
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { blobText, type Host, type ReadResult } from '../../core';

const GIT_TIMEOUT_MS = 30_000;
const MAX_BUFFER = 512 * 1024 * 1024;
const SKIP = /(^|\/)(node_modules|\.git)(\/|$)/;

export function runGit(cwd: string, args: string[], input?: string): Promise<Buffer> {
  // The curator refuses git sources first; this keeps any other caller from starting a `git`
  // an untrusted folder could have planted.
  if (!vscode.workspace.isTrusted) return Promise.reject(new Error('git is not run in an untrusted workspace'));
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: MAX_BUFFER, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(new Error(String(stderr).trim() || error.message));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The repository holding `dir`, and `dir`'s path inside it ('' at the top, else ending in '/'). */
export async function gitLocation(dir: string): Promise<{ top: string; prefix: string } | undefined> {
  try {
    const top = (await runGit(dir, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
    const prefix = (await runGit(dir, ['rev-parse', '--show-prefix'])).toString('utf8').trim();
    return { top, prefix };
  } catch {
    return undefined;
  }
}

/** Branches (local first), then tags: what a quick pick offers. */
export async function gitRefs(top: string): Promise<string[]> {
  const out = (await runGit(top, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags', 'refs/remotes'])).toString('utf8');
  return out.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.endsWith('/HEAD'));
}

/** The commit a revision names, or undefined when git does not know it. */
export async function resolveRevision(top: string, rev: string): Promise<string | undefined> {
  if (rev === '' || rev.startsWith('-')) return undefined;
  try {
    return (await runGit(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

export class GitRevisionHost implements Host {
  private constructor(
    private readonly sizes: Map<string, number>,
    private readonly contents: Map<string, Buffer>,
  ) {}

  /** Reads the whole dataset at `commit` (listing and contents) before the check starts. */
  static async open(top: string, prefix: string, commit: string, maxBytes: number): Promise<GitRevisionHost> {
    const listing = (await runGit(top, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', prefix === '' ? '.' : prefix])).toString('utf8');
    const sizes = new Map<string, number>();
    for (const entry of listing.split('\0')) {
      const m = /^\d+ blob [0-9a-f]+ +(\d+)\t([^\n]*)$/.exec(entry);
      if (!m) continue;
      const rel = (m[2] as string).slice(prefix.length);
      if (!SKIP.test(rel)) sizes.set(rel, Number(m[1]));
    }
    const wanted = [...sizes].filter(([, size]) => size <= maxBytes).map(([rel]) => rel);
    const out = wanted.length === 0 ? Buffer.alloc(0) : await runGit(top, ['cat-file', '--batch'], wanted.map((rel) => `${commit}:${prefix}${rel}\n`).join(''));
    const contents = new Map<string, Buffer>();
    let at = 0;
    for (const rel of wanted) {
      const eol = out.indexOf(10, at);
      if (eol < 0) break;
      const header = out.subarray(at, eol).toString('utf8');
      at = eol + 1;
      const m = / blob (\d+)$/.exec(header);
      if (!m) continue;
      const size = Number(m[1]);
      contents.set(rel, out.subarray(at, at + size));
      at += size + 1;
    }
    return new GitRevisionHost(sizes, contents);
  }

  listFiles(): Promise<string[]> {
    return Promise.resolve([...this.sizes.keys()].sort());
  }

  readText(rel: string, maxBytes: number): Promise<ReadResult> {
    return Promise.resolve(blobText(this.sizes.get(rel), () => this.contents.get(rel), maxBytes));
  }

}
