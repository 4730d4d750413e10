// Proves the wiring: the bundle loads in a real extension host, activate() hands back an
// API, and the test workspace's articles open in an editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, extension, findArticles, openInEditor, workspaceRoot } from './workspace';

describe('smoke', () => {
  it('the extension is installed under its manifest id and activates with an API', async () => {
    assert.equal(extension().id.toLowerCase(), 'claimbook.claimbook');
    const api = await activateExtension();
    assert.ok(extension().isActive, 'extension did not become active');
    assert.equal(typeof api, 'object', `activate() returned ${String(api)}, not an API object`);
    assert.notEqual(api, null);
  });

  it('the workspace is a dataset: it has a codebook at its root', async () => {
    const codebook = vscode.Uri.joinPath(workspaceRoot(), 'claimbook.yaml');
    const stat = await vscode.workspace.fs.stat(codebook);
    assert.equal(stat.type, vscode.FileType.File);
  });

  it('an article opens in an editor with its text', async () => {
    const [article] = await findArticles();
    assert.ok(article, 'the test workspace has no .txt article');
    const editor = await openInEditor(article);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), article.toString());
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(article));
    assert.ok(onDisk.length > 0, `${article.fsPath} is empty`);
    // The editor normalises line ends, so compare the text without them.
    assert.equal(editor.document.getText().replace(/\r\n?/g, '\n'), onDisk.replace(/\r\n?/g, '\n'));
  });
});
