/**
 * Tool writes that never land on a text they were not computed for. Core edits are offsets in a
 * text read earlier (the last validation's, a read from disk, a buffer before a question was
 * answered); by the time they are applied the file may hold something else (another tool or git
 * wrote it, the user typed while a pick was open). Written at stale offsets they would corrupt
 * it. A GuardedEdit records, per file, the text its edits were positioned in, and applies nothing
 * unless every file still holds that text: in its buffer when open, else on disk, read by opening
 * it (which `applyEdit` would do anyway) just before applying.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../core';
import { addEdits } from './convert';

export type GuardedOutcome = { status: 'applied' } | { status: 'changed'; files: string[]; message: string } | { status: 'refused'; message: string };

interface Expected {
  uri: vscode.Uri;
  text: string;
}

export class GuardedEdit {
  readonly edit = new vscode.WorkspaceEdit();
  private readonly expected = new Map<string, Expected>();
  /** A file expected to hold two different texts: its edits cannot all be right. */
  private readonly torn = new Set<string>();

  /** Core offset edits positioned in `text`, which `uri` must still hold when the edit is applied. */
  add(uri: vscode.Uri, text: string, edits: readonly TextEdit[]): void {
    this.expect(uri, text);
    addEdits(this.edit, uri, text, edits);
  }

  /** For edits put on `edit` directly: they are positioned in `text`, which `uri` must still hold. */
  expect(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const seen = this.expected.get(key);
    if (seen && !sameLines(seen.text, text)) this.torn.add(key);
    this.expected.set(key, { uri, text });
  }

  get size(): number {
    return this.edit.size;
  }

  /** Applies the whole edit if no file changed since its text was read; else nothing at all. */
  async apply(): Promise<GuardedOutcome> {
    const changed = await changedFiles([...this.expected.values()]);
    for (const key of this.torn) if (!changed.some((u) => u.toString() === key)) changed.push(vscode.Uri.parse(key));
    if (changed.length > 0) return { status: 'changed', files: changed.map(nameOf), message: changedMessage(changed) };
    // Nothing awaited since the check: the edit goes out with the version of each document just
    // compared, and VS Code refuses it if one of them moves on before it lands.
    if (await vscode.workspace.applyEdit(this.edit)) return { status: 'applied' };
    return { status: 'refused', message: 'VS Code did not apply the edit (a file may have changed meanwhile); try again' };
  }
}

/**
 * The files that no longer hold the text given for them. Files not open are
 * opened, so their text is what VS Code would edit; callers must not await between this and
 * handing the edit to VS Code.
 */
export async function changedFiles(expected: readonly Expected[]): Promise<vscode.Uri[]> {
  const docs: Array<{ e: Expected; doc: vscode.TextDocument | undefined }> = [];
  for (const e of expected) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === e.uri.toString());
    // A file that is gone (or unreadable) fails to open: it changed too.
    docs.push({ e, doc: open ?? (await vscode.workspace.openTextDocument(e.uri).then((d) => d, () => undefined)) });
  }
  return docs.filter(({ e, doc }) => !doc || !sameLines(doc.getText(), e.text)).map(({ e }) => e.uri);
}

/** What the user reads about files that changed: which, that nothing was written, and to try again. */
export function changedMessage(uris: readonly vscode.Uri[]): string {
  const files = uris.map(nameOf);
  const list = files.length === 1 ? files[0] : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}`;
  return `${list} changed since Claimbook read ${files.length === 1 ? 'it' : 'them'} (on disk or in an editor); nothing was written. Try again.`;
}

function nameOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}

/**
 * Equal texts up to line endings. VS Code gives one end-of-line to a whole buffer, so a file
 * read from disk with mixed ones reads back normalised; edits are placed by line and column,
 * which line endings do not move.
 */
function sameLines(a: string, b: string): boolean {
  return a === b || a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}
