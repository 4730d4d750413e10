/**
 * Reading the files the tagging commands edit. Edits are computed on the text VS Code will edit:
 * the open document (dirty or not), so unsaved changes are never overwritten, and a file changed
 * on disk is seen as VS Code loaded it.
 */
import * as vscode from 'vscode';
import { loadCodebookFile, loadSidecarFile, type CodebookFile, type SidecarFile, type TextEdit } from '../../core';
import { editRefusal, type EditProblem } from '../../core/edit';
import { uriOf } from '../datasets';
import type { GuardedEdit } from '../guardedEdit';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A YAML file of the dataset as it is in the editor now, parsed. */
export interface Current<F> {
  uri: vscode.Uri;
  doc: vscode.TextDocument;
  file: F;
}

export async function currentSidecar(root: vscode.Uri, path: string): Promise<Current<SidecarFile> | undefined> {
  const uri = uriOf(root, path);
  if (!(await exists(uri))) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  return { uri, doc, file: loadSidecarFile(path, doc.getText()) };
}

export async function currentCodebook(root: vscode.Uri): Promise<Current<CodebookFile> | undefined> {
  const uri = uriOf(root, 'claimbook.yaml');
  if (!(await exists(uri))) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  return { uri, doc, file: loadCodebookFile('claimbook.yaml', doc.getText()) };
}

/**
 * Edits on a document, positioned in the text they were computed on: applied only if it still
 * holds that text (an await, such as a question, may have let the user type).
 */
export function addDocumentEdits(edit: GuardedEdit, current: Current<{ text: string }>, edits: readonly TextEdit[]): void {
  edit.add(current.uri, current.file.text, edits);
}

/** Explains why a file was not edited and opens it at the problem. */
export async function showProblem(root: vscode.Uri, problem: EditProblem): Promise<void> {
  void vscode.window.showErrorMessage(`Claimbook: ${problem.message}`);
  const uri = uriOf(root, problem.file);
  if (!(await exists(uri))) return;
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(doc.positionAt(problem.start), doc.positionAt(problem.end));
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
}

/** A file that must not be rewritten (syntax errors, conflict markers), as an edit problem. */
export function refusalOf(current: Current<CodebookFile | SidecarFile> | undefined): EditProblem | undefined {
  return current ? editRefusal(current.file) : undefined;
}
