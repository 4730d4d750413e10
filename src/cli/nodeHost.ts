/** The core's Host over node:fs, rooted at the dataset folder. */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Host, ReadResult } from '../core';
import { UsageError } from './args';

const SKIP = new Set(['node_modules', '.git']);
/** Fatal: a file that is not UTF-8 is refused, not decoded into replacement characters. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The core's `sha256Hex`, natively: the same hex (node encodes lone surrogates as U+FFFD too). */
export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class NodeHost implements Host {
  readonly sha256Hex = nodeSha256Hex;

  constructor(readonly root: string) {}

  async listFiles(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      for (const e of entries) {
        if (SKIP.has(e.name)) continue;
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) await walk(path.join(dir, e.name), r);
        else if (e.isFile()) out.push(r);
      }
    };
    await walk(this.root, '');
    return out.sort();
  }

  /**
   * Reads synchronously: a check reads its 2,000 files as fast as it parses them, and through
   * fs.promises each read cost the main thread more (a stat, then open, fstat, read and close,
   * each a thread-pool round trip and a promise) than reading it outright. The CLI has nothing
   * else to do meanwhile. One descriptor serves the size check and the read.
   */
  async readText(rel: string, maxBytes: number): Promise<ReadResult> {
    const file = path.join(this.root, ...rel.split('/'));
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const { size } = fstatSync(fd);
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

/**
 * Writes through a temporary file and a rename, so a crash never leaves half a file. `text` may
 * come in pieces (an export streams its output without holding it whole).
 */
export async function writeFileAtomic(file: string, text: string | Iterable<string>): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
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
    private readonly files: readonly string[],
  ) {
    super(root);
  }

  override listFiles(): Promise<string[]> {
    return Promise.resolve([...this.files]);
  }
}
