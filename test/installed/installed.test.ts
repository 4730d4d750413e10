// The extension as a user has it after installing claimbook-<version>.vsix: loaded from VS
// Code's extensions folder (not from this repository), activating on a dataset by itself,
// publishing diagnostics and showing its views.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import { extension, findArticles, openInEditor, waitForDiagnostics, waitForEvent } from '../integration/workspace';

const fromClaimbook = (d: vscode.Diagnostic): boolean => d.source?.toLowerCase().includes('claimbook') ?? false;
const rule = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run this suite through out/test/runInstalled.js`);
  return value;
}

describe('installed .vsix', () => {
  it('is loaded from the extensions folder, holding the bundles and not the sources', () => {
    const installed = extension();
    const dir = installed.extensionUri.fsPath;
    assert.ok(dir.startsWith(env('CLAIMBOOK_EXTENSIONS_DIR') + path.sep), `loaded from ${dir}, not from the extensions folder`);
    assert.ok(!dir.startsWith(env('CLAIMBOOK_REPO_ROOT')), `loaded from the repository (${dir})`);
    const manifest = JSON.parse(fs.readFileSync(path.join(env('CLAIMBOOK_REPO_ROOT'), 'package.json'), 'utf8')) as { version: string };
    assert.equal((installed.packageJSON as { version: string }).version, manifest.version);
    for (const shipped of ['dist/extension.js', 'dist/web/extension.js', 'schemas/codebook.schema.json', 'docs/rules.md', 'media/icon.png', 'LICENSE.txt']) {
      assert.ok(fs.existsSync(path.join(dir, shipped)), `the .vsix lacks ${shipped}`);
    }
    for (const kept of ['src', 'test', 'node_modules', 'bench', 'samples', 'out', 'dist/extension.js.map']) {
      assert.ok(!fs.existsSync(path.join(dir, kept)), `the .vsix ships ${kept}`);
    }
  });

  it('activates by itself on the dataset and publishes diagnostics', async () => {
    const [article] = await findArticles();
    assert.ok(article, 'the samples have no article');
    await openInEditor(article);
    // Nothing here calls activate(): the hints can only come from the extension activating on `claimbook.yaml`.
    const hints = await waitForDiagnostics(article, (ds) => ds.some((d) => fromClaimbook(d) && rule(d) === 'untagged-mention'), 60_000);
    assert.ok(hints.length > 0);
    assert.ok(extension().isActive, 'diagnostics arrived but the extension is not active');
  });

  it('reports an error as the sidecar is edited', async () => {
    const [sidecar] = await findArticles('**/*.claims.yaml');
    assert.ok(sidecar, 'the samples have no sidecar');
    const editor = await openInEditor(sidecar);
    const text = editor.document.getText();
    const at = text.search(/actor: \S+/);
    assert.ok(at >= 0, 'the sidecar has no actor field');
    const oldValue = /actor: (\S+)/.exec(text.slice(at))?.[1] ?? '';
    const start = editor.document.positionAt(at + 'actor: '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(sidecar, new vscode.Range(start, start.translate(0, oldValue.length)), 'nobody-of-that-name');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const found = await waitForDiagnostics(sidecar, (ds) => ds.some((d) => fromClaimbook(d) && rule(d) === 'unknown-actor'));
    assert.equal(found.find((d) => rule(d) === 'unknown-actor')?.severity, vscode.DiagnosticSeverity.Error);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the Claims, Codebook and Conflicts views with the dataset in them', async () => {
    const api = (await extension().activate()) as ClaimbookApi;
    const visible = api.explorer.claimsTree.visible
      ? Promise.resolve()
      : waitForEvent(api.explorer.claimsTree.onDidChangeVisibility, (e) => e.visible, 'the Claims view to show');
    await vscode.commands.executeCommand('workbench.view.extension.claimbook');
    await visible;
    await api.validateAll();
    const groups = api.explorer.claims.getChildren();
    assert.ok(Array.isArray(groups) && groups.length > 0, 'the Claims view is empty');
    const entries = api.explorer.codebook.getChildren();
    assert.ok(Array.isArray(entries) && entries.length > 0, 'the Codebook view is empty');
  });
});
