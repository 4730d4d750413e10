/**
 * The sidecar formatter (issue 14): Format Document and `editor.formatOnSave` give the canonical
 * form of `claimbook fmt`, as one edit (one undo) covering only what changed. A sidecar that
 * does not parse or holds conflict markers is left alone, with a message saying why.
 */
import * as vscode from 'vscode';
import { formatSidecar, trimChange } from '../core';

export class SidecarFormatter implements vscode.DocumentFormattingEditProvider {
  static readonly selector: vscode.DocumentSelector = [{ pattern: '**/*.claims.yaml' }];

  provideDocumentFormattingEdits(document: vscode.TextDocument): vscode.TextEdit[] {
    const text = document.getText();
    const result = formatSidecar(text);
    if (!result.ok) {
      const p = result.problems[0];
      const line = p ? document.positionAt(p.start).line + 1 : 1;
      void vscode.window.showWarningMessage(`Claimbook: not formatted: ${p?.message ?? 'the file does not parse'} (line ${line}). Fix it first.`);
      return [];
    }
    if (!result.changed) return [];
    const change = trimChange(text, 0, text.length, result.text);
    const range = new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length));
    return [vscode.TextEdit.replace(range, change.text)];
  }
}
