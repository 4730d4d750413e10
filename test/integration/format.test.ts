// The sidecar formatter in a real VS Code: Format Document gives the canonical form as one
// undoable edit, formatOnSave formats on save, and New Dataset offers git-setup in a repository.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import type { Outcome } from '../../src/extension/tagging/services';
import { ScriptedPrompter } from './scripted';
import { activateExtension, openInEditor, workspaceRoot } from './workspace';

const SIDECAR = 'articles/2025-03-11-military-chiefs-meet-in-paris.claims.yaml';
const uri = (p: string) => vscode.Uri.joinPath(workspaceRoot(), ...p.split('/'));

/** The sample without the blank lines between claims and with one stance single-quoted. */
const messy = (canonical: string) => canonical.replace(/\n\n {2}- id:/g, '\n  - id:').replace('stance: report', "stance: 'report'");

async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('format: the sidecar formatter', () => {
  let api: ClaimbookApi;
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
  });

  it('Format Document writes the canonical form as one edit that one undo takes back', async () => {
    const editor = await openInEditor(uri(SIDECAR));
    const doc = editor.document;
    const canonical = doc.getText();
    try {
      await replaceAll(doc, messy(canonical));
      assert.notEqual(doc.getText(), canonical);
      await vscode.commands.executeCommand('editor.action.formatDocument');
      assert.equal(doc.getText(), canonical);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), messy(canonical));
    } finally {
      await replaceAll(doc, canonical);
      await doc.save();
    }
  });

  it('formats on save with editor.formatOnSave', async () => {
    const config = vscode.workspace.getConfiguration('editor', uri(SIDECAR));
    await config.update('formatOnSave', true, vscode.ConfigurationTarget.Workspace);
    const editor = await openInEditor(uri(SIDECAR));
    const doc = editor.document;
    const canonical = doc.getText();
    try {
      await replaceAll(doc, messy(canonical));
      assert.ok(await doc.save());
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
      assert.equal(saved, canonical);
    } finally {
      await config.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      if (doc.getText() !== canonical) {
        await replaceAll(doc, canonical);
        await doc.save();
      }
    }
  });

  it('New Dataset in a git repository offers git-setup, which registers the merge driver', async () => {
    const folder = uri('zz-git-dataset');
    await vscode.workspace.fs.createDirectory(folder);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: folder.fsPath, encoding: 'utf8' });
    assert.equal(git('init', '-q').status, 0);
    const prompter = new ScriptedPrompter({ 'git-setup': 'yes' });
    api.setPrompter(prompter);
    try {
      const outcome = await vscode.commands.executeCommand<Outcome>('claimbook.newDataset', folder);
      assert.equal(outcome.status, 'written');
      assert.deepEqual(prompter.problems, []);
      assert.ok(prompter.picks.some((p) => p.step === 'git-setup'), 'git-setup was offered');
      const attributes = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.gitattributes')));
      assert.match(attributes, /^\*\.claims\.yaml merge=claimbook$/m);
      assert.match(git('config', '--get', 'merge.claimbook.driver').stdout, /cli\.js'? merge-driver %O %A %B %P/);
    } finally {
      api.setPrompter(undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await api.validateAll();
    }
  });
});
