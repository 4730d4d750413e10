/**
 * A Host over texts held in memory, loaded once from disk: what the extension's VscodeHost is
 * after its first validation (open buffers first, disk reads cached until a watcher fires).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Host, ReadResult } from '../src/core';

export class MemoryHost implements Host {
  private listing: string[] | undefined;
  readonly texts = new Map<string, string>();
  /** As VscodeHost: articles are hashed with node:crypto. */
  readonly sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

  static load(dir: string): MemoryHost {
    const host = new MemoryHost();
    const walk = (abs: string, rel: string): void => {
      for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
        if (e.name.startsWith('.')) continue;
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(path.join(abs, e.name), r);
        else host.texts.set(r, fs.readFileSync(path.join(abs, e.name), 'utf8'));
      }
    };
    walk(dir, '');
    return host;
  }

  set(rel: string, text: string): void {
    if (!this.texts.has(rel)) this.listing = undefined;
    this.texts.set(rel, text);
  }

  get(rel: string): string {
    const text = this.texts.get(rel);
    if (text === undefined) throw new Error(`no file ${rel}`);
    return text;
  }

  listFiles(): Promise<string[]> {
    this.listing ??= [...this.texts.keys()].sort();
    return Promise.resolve(this.listing);
  }

  readText(rel: string, maxBytes: number): Promise<ReadResult> {
    const text = this.texts.get(rel);
    if (text === undefined) return Promise.resolve({ ok: false, reason: 'ENOENT' });
    // As NodeHost and VscodeHost do (they stat first): oversized files are never decoded.
    const size = text.length * 3 <= maxBytes ? text.length : Buffer.byteLength(text);
    if (size > maxBytes) return Promise.resolve({ ok: false, reason: `larger than ${Math.round(maxBytes / 1048576)} MB (${size} bytes)` });
    return Promise.resolve({ ok: true, text });
  }
}
