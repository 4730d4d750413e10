/** A Host over files in memory (bytes or text), decoding like the CLI's node host does. */
import type { Host, ReadResult } from '../../../src/core';

export class MemoryHost implements Host {
  constructor(readonly files: Map<string, Uint8Array | string>) {}

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }

  async readText(path: string, maxBytes: number): Promise<ReadResult> {
    const content = this.files.get(path);
    if (content === undefined) return { ok: false, reason: 'ENOENT' };
    if (typeof content === 'string') return content.length > maxBytes ? { ok: false, reason: 'too large' } : { ok: true, text: content };
    if (content.byteLength > maxBytes) return { ok: false, reason: 'too large' };
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
    } catch {
      return { ok: false, reason: 'not valid UTF-8 text' };
    }
  }
}
