/**
 * A file of a git revision read as a Host reads one: the size `git ls-tree -l` gave, the bytes
 * `git cat-file --batch` gave. Shared by the CLI's and the editor's git sources, which run git
 * differently (synchronously, asynchronously) but must refuse the same files the same way.
 */
import type { ReadResult } from './host';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** `bytes` is asked for only when the file exists and is not over `maxBytes`. */
export function blobText(size: number | undefined, bytes: () => Uint8Array | undefined, maxBytes: number): ReadResult {
  if (size === undefined) return { ok: false, reason: 'ENOENT' };
  if (size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1048576)} MB (${size} bytes)` };
  const data = bytes();
  if (data === undefined) return { ok: false, reason: 'not readable from git' };
  try {
    return { ok: true, text: UTF8.decode(data) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}
