/** The core's Host over node:fs, rooted at the dataset folder. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, renameSync, rmSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { Host, ReadResult } from '../core';
import { UsageError } from './args';

const SKIP = new Set(['node_modules', '.git']);
/** Fatal: a file that is not UTF-8 is refused, not decoded into replacement characters. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/** The core's `sha256Hex`, natively: the same hex (node encodes lone surrogates as U+FFFD too). */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A walk of the dataset folder. `files` also holds the paths that cannot be used as files (a
 * FIFO, a folder named like one, a link leading outside the root, a loop): `refused` says why,
 * and reading one gives that reason, so the check reports exactly those it would have used.
 * `problems` are the folders that could not be read.
 */
export interface Listing {
  files: string[];
  refused: Array<[string, string]>;
  problems: Array<{ path: string; reason: string }>;
}

export class NodeHost implements Host {
  readonly sha256Hex = nodeSha256Hex;
  protected refused = new Map<string, string>();
  protected problems: Listing['problems'] = [];

  constructor(readonly root: string) {}

  async listFiles(): Promise<string[]> {
    const listing = await listDataset(this.root);
    this.refused = new Map(listing.refused);
    this.problems = listing.problems;
    return listing.files;
  }

  listingProblems(): Listing['problems'] {
    return this.problems;
  }

  /**
   * Reads synchronously: a check reads its 2,000 files as fast as it parses them, and through
   * fs.promises each read cost the main thread more (a stat, then open, fstat, read and close,
   * each a thread-pool round trip and a promise) than reading it outright. The CLI has nothing
   * else to do meanwhile. One descriptor serves the size check and the read.
   */
  async readText(rel: string, maxBytes: number): Promise<ReadResult> {
    const refused = this.refused.get(rel);
    if (refused !== undefined) return { ok: false, reason: refused };
    const file = path.join(this.root, ...rel.split('/'));
    let fd: number | undefined;
    try {
      // Non-blocking, so a FIFO put where a file was expected cannot hang the check.
      fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
      const { size } = stat;
      if (size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1048576)} MB (${size} bytes)` };
      const bytes = readFileSync(fd);
      try {
        return { ok: true, text: UTF8.decode(bytes) };
      } catch {
        return { ok: false, reason: 'not valid UTF-8 text' };
      }
    } catch (error) {
      return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** Where a file is written before its rename: beside it (same file system), hidden, unique to this process and moment. */
function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes a file the tool creates (an export's output, a new sidecar, the merge driver's result)
 * through a temporary file and a rename, so a crash never leaves half a file. `text` may come in
 * UTF-8 pieces (an export streams its output without holding it whole). Not synced: what it writes can
 * be made again, and a brat export of 1,000 articles would pay two thousand fsyncs. A file the
 * check read and the tool rewrites goes through `replaceFileAtomic` instead, which syncs.
 */
export async function writeFileAtomic(file: string, text: string | Iterable<Uint8Array>): Promise<void> {
  const tmp = tempPathFor(file);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx');
    if (typeof text === 'string') await handle.writeFile(text, 'utf8');
    else for (const piece of text) for (let at = 0; at < piece.length; ) at += (await handle.write(piece, at)).bytesWritten;
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

/**
 * `writeFileAtomic` for the many small files of a brat export, synchronously: for 2,000 files
 * each promise round trip (open, write, close, rename) cost the main thread more than the
 * system call itself, as for reads. The CLI has nothing else to do meanwhile.
 */
export function writeFileAtomicSync(file: string, text: string): void {
  const tmp = tempPathFor(file);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    writeFileSync(fd, text, 'utf8');
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
}

export type WriteOutcome = { written: true } | { written: false; reason: string };

/**
 * Replaces a file the check read as `expected` with `text`, through a temporary file and a
 * rename, so a crash never leaves half a file. Refused (nothing written) when the file is a
 * symbolic link (never written through), read-only, hard-linked (a rename would split the
 * link), or changed since it was read: an edit saved meanwhile is never lost. The mode is kept;
 * the temporary file and then its folder are synced, so the rename cannot outlive the data.
 */
export async function replaceFileAtomic(file: string, text: string, expected: string, by = '--fix'): Promise<WriteOutcome> {
  const before = await fs.lstat(file);
  if (before.isSymbolicLink()) return { written: false, reason: `a symbolic link (${by} never writes through a link)` };
  if ((before.mode & 0o200) === 0) return { written: false, reason: 'read-only' };
  if (before.nlink > 1) return { written: false, reason: `it has ${before.nlink} hard links, which a rewrite would split` };
  const dir = path.dirname(file);
  const tmp = tempPathFor(file);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', before.mode & 0o7777);
    await handle.writeFile(text, 'utf8');
    await handle.chmod(before.mode & 0o7777); // the umask narrowed the mode given to open
    await handle.sync();
    await handle.close();
    handle = undefined;
    // The last moment before the rename: the file must still be what the fixes were made from.
    if (!(await unchanged(file, before, expected))) {
      await fs.rm(tmp, { force: true });
      return { written: false, reason: `it changed on disk while ${by} ran (run it again)` };
    }
    await fs.rename(tmp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await syncFolder(dir);
  return { written: true };
}

async function unchanged(file: string, before: Stats, expected: string): Promise<boolean> {
  const now = await fs.lstat(file).catch(() => undefined);
  if (!now || now.ino !== before.ino || now.dev !== before.dev) return false;
  const current = await fs.readFile(file).catch(() => undefined);
  return current !== undefined && UTF8_LENIENT.decode(current) === expected;
}

/** A folder's entry for the renamed file is durable once the folder is synced (not on Windows). */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Resolves the DIR argument; a path that is not a folder is a usage error (exit 2). */
export async function datasetDir(cwd: string, arg: string | undefined): Promise<string> {
  const dir = path.resolve(cwd, arg ?? '.');
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${dir} is not a folder`);
  return dir;
}

/** A NodeHost whose listing was taken once already (the parts of a split check share it). */
export class ListedHost extends NodeHost {
  constructor(
    root: string,
    private readonly listing: Listing,
  ) {
    super(root);
    this.refused = new Map(listing.refused);
    this.problems = listing.problems;
  }

  override listFiles(): Promise<string[]> {
    return Promise.resolve([...this.listing.files]);
  }
}

/**
 * Lists the dataset. Links are followed when they stay inside the root: a linked file is listed
 * under the link's name (and read through it); a linked folder is not walked, since every folder
 * inside the root is listed under its own name already (so no loop can arise). A link leading
 * outside, a broken link or a link loop is refused, as is anything not a file or a folder.
 */
export async function listDataset(root: string): Promise<Listing> {
  const listing: Listing = { files: [], refused: [], problems: [] };
  const realRoot = await fs.realpath(root);
  const inside = (real: string): boolean => real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : `${realRoot}${path.sep}`);
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (!rel) throw error;
      listing.problems.push({ path: rel, reason: `cannot list this folder (${(error as NodeJS.ErrnoException).code ?? String(error)}); its files are not checked` });
      return;
    }
    for (const e of entries) {
      if (SKIP.has(e.name)) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        // A folder named like a dataset file would otherwise pass unnoticed.
        if (e.name.endsWith('.claims.yaml') || e.name === 'claimbook.yaml') refuse(listing, r, 'a folder, not a file');
        await walk(abs, r);
      } else if (e.isFile()) listing.files.push(r);
      else if (e.isSymbolicLink()) await followLink(listing, abs, r, inside);
      else refuse(listing, r, 'not a regular file (a FIFO, socket or device)');
    }
  };
  await walk(root, '');
  listing.files.sort();
  return listing;
}

function refuse(listing: Listing, rel: string, reason: string): void {
  listing.files.push(rel);
  listing.refused.push([rel, reason]);
}

async function followLink(listing: Listing, abs: string, rel: string, inside: (real: string) => boolean): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    refuse(listing, rel, code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a broken symbolic link' : `an unusable symbolic link (${code ?? String(error)})`);
    return;
  }
  if (!inside(real)) return refuse(listing, rel, 'a symbolic link leading outside the dataset folder');
  const stat = await fs.stat(real).catch(() => undefined);
  if (stat?.isFile()) listing.files.push(rel);
  else if (!stat?.isDirectory()) refuse(listing, rel, 'a symbolic link to something that is not a file');
  // A linked folder inside the root: its files are listed under the folder's own name.
}
