/** The core's Host over node:fs, rooted at the dataset folder. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Host, ReadResult } from '../core';
import { UsageError } from './args';

const SKIP = new Set(['node_modules', '.git']);

export class NodeHost implements Host {
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

  async readText(rel: string, maxBytes: number): Promise<ReadResult> {
    const file = path.join(this.root, ...rel.split('/'));
    try {
      const { size } = await fs.stat(file);
      if (size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1048576)} MB (${size} bytes)` };
      const bytes = await fs.readFile(file);
      try {
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
      } catch {
        return { ok: false, reason: 'not valid UTF-8 text' };
      }
    } catch (error) {
      return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
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
