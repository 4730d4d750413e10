/** New Dataset: a `claimbook.yaml` with the default stances and an example actor and commitment, in a chosen folder. */
import * as vscode from 'vscode';
import { newCodebookText } from '../../core/edit';
import { COMMANDS } from '../commandIds';
import { exists } from './documents';
import { refused, type Outcome, type TaggingServices } from './services';
import { offerGitSetup } from './offerGitSetup';

export async function newDataset(s: TaggingServices, folderArg?: unknown): Promise<Outcome> {
  let folder = folderArg instanceof vscode.Uri ? folderArg : undefined;
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: 'Create dataset here',
      title: 'Claimbook: folder for the new dataset (articles go in it or below it)',
    });
    folder = picked?.[0];
    if (!folder) return { status: 'cancelled', step: 'folder' };
  }
  const codebook = vscode.Uri.joinPath(folder, 'claimbook.yaml');
  if (await exists(codebook)) return refused(`${codebook.path} already exists: that folder is a dataset already`);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(codebook, { contents: new TextEncoder().encode(newCodebookText()) });
  if (!(await vscode.workspace.applyEdit(edit))) return refused('VS Code did not create the file');
  await s.controller.roots.refresh();
  void s.controller.validateAll('new-dataset');
  await vscode.window.showTextDocument(codebook, { preview: false });
  await offerGitSetup(s, folder);
  // Next step without leaving the editor: an article to tag.
  void vscode.window
    .showInformationMessage('Claimbook: dataset created. Add an article (.txt or .md), select a quote and run "Tag Selection as Claim".', 'New Article…')
    .then((choice) => (choice ? vscode.commands.executeCommand(COMMANDS.newArticle, vscode.Uri.joinPath(codebook, '..')) : undefined));
  return { status: 'written', ids: [], file: codebook.path };
}
