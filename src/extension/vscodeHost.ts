/**
 * The core's Host in the editor: open buffers first (unsaved text is what gets validated), then
 * `vscode.workspace.fs`, so virtual and remote workspaces work. Disk reads and the file list are
 * cached and invalidated by a file watcher, so a keystroke does not re-read the dataset.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Host, ReadResult } from '../core';
import { uriOf } from './datasets';

export class VscodeHost implements Host {
  private files: Promise<string[]> | undefined;
  private readonly disk = new Map<string, Promise<ReadResult>>();
  /** The extension host is Node: hash articles natively (the same hex as the core's sha256Hex). */
  readonly sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

  constructor(readonly root: vscode.Uri) {}

  /** Called by the watcher: forget what we know of a path (and the listing on create/delete). */
  invalidate(path: string, listing: boolean): void {
    this.disk.delete(path);
    if (listing) this.files = undefined;
  }

  listFiles(): Promise<string[]> {
    const listing = this.files ?? Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(this.root, '**/*'), '**/{node_modules,.git}/**')).then((uris) => {
      const prefix = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
      return uris.map((u) => u.path.slice(prefix.length)).sort();
    });
    this.files = listing;
    return listing;
  }

  /** The open document for a path, if any: its text wins over the disk. */
  document(path: string): vscode.TextDocument | undefined {
    const uri = uriOf(this.root, path).toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  readText(path: string, maxBytes: number): Promise<ReadResult> {
    const doc = this.document(path);
    if (doc) return Promise.resolve({ ok: true, text: doc.getText() });
    let cached = this.disk.get(path);
    if (!cached) {
      cached = readDisk(uriOf(this.root, path), maxBytes);
      this.disk.set(path, cached);
    }
    return cached;
  }
}

async function readDisk(uri: vscode.Uri, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1048576)} MB (${stat.size} bytes)` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    return { ok: false, reason: error instanceof TypeError ? 'not valid UTF-8 text' : error instanceof Error ? error.message : String(error) };
  }
}
