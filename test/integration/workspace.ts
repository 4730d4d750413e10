// Helpers for integration tests: find the extension and the workspace's files, open
// editors, and wait on VS Code events (never sleep: STYLE.md §17).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

/** `publisher.name` from the repository's package.json (compiled to out/test/integration/). */
export const EXTENSION_ID: string = (() => {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
  };
  return `${manifest.publisher}.${manifest.name}`;
})();

/** console.log that the VS Code server runner shows by default (it hides untagged output). */
export function log(...args: unknown[]): void {
  console.log(`${process.env.CLAIMBOOK_TEST_LOG_TAG ?? ''}${format(...args)}`);
}

/** Starts each run from a plain window (no Welcome page or chat panel), for readable screenshots. */
export async function tidyWindow(): Promise<void> {
  for (const command of ['workbench.action.closeAllEditors', 'workbench.action.closeAuxiliaryBar']) {
    await vscode.commands.executeCommand(command).then(undefined, () => undefined);
  }
}

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return found;
}

/** Activates the extension (idempotent) and returns what `activate()` returned. */
export async function activateExtension<Api = unknown>(): Promise<Api> {
  return (await extension().activate()) as Api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without a workspace folder');
  return folder.uri;
}

/** Articles of the test workspace, sorted by path so tests pick the same one every run. */
export async function findArticles(glob = '**/*.txt'): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(glob, '**/node_modules/**');
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Resolves with the first event that satisfies `accept`; rejects after `timeoutMs` with
 * `what` in the message. Subscribe before triggering the action you wait on.
 */
export function waitForEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Waits until `uri`'s diagnostics satisfy `accept` (checks the current ones first). */
export async function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (accept(current)) return current;
  // Checking and subscribing happen in one tick, so no change can slip between them.
  await waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (change) => change.uris.some((changed) => changed.toString() === uri.toString()) && accept(vscode.languages.getDiagnostics(uri)),
    `diagnostics of ${uri.fsPath}`,
    timeoutMs,
  );
  return vscode.languages.getDiagnostics(uri);
}

/** Puts back every edited, unsaved document as it is on disk: what a test typed goes away. */
export async function revertDirtyDocuments(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
