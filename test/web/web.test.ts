// The extension loaded as a web extension (package.json `browser`) in VS Code's web worker
// extension host, as on vscode.dev / github.dev: no Node, files only through
// vscode.workspace.fs. Bundled for the browser, so no node:assert either.
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import { ScriptedPrompter } from '../integration/scripted';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const rule = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const fromClaimbook = (d: vscode.Diagnostic): boolean => d.source?.toLowerCase().includes('claimbook') ?? false;

function diagnosticsOf(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!accept(ds)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(ds);
      return true;
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, 30_000);
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    done();
  });
}

async function files(glob: string): Promise<vscode.Uri[]> {
  return (await vscode.workspace.findFiles(glob)).sort((a, b) => a.path.localeCompare(b.path));
}

let api: ClaimbookApi;
let sidecar: vscode.Uri;

describe('web extension (web worker extension host)', () => {
  it('runs in a web worker, not in Node, and activates with its API', async () => {
    const scope = globalThis as { process?: { versions?: { node?: string } }; importScripts?: unknown };
    check(scope.process?.versions?.node === undefined, 'this suite runs in Node: the web worker extension host was not used');
    check(typeof scope.importScripts === 'function', 'not a web worker');
    const extension = vscode.extensions.getExtension('claimbook.claimbook');
    check(extension, 'claimbook.claimbook is not loaded');
    api = (await extension.activate()) as ClaimbookApi;
    check(extension.isActive && typeof api.validateAll === 'function', 'no API from activate()');
  });

  it('publishes diagnostics for the samples read through vscode.workspace.fs', async () => {
    const [article] = await files('**/*.txt');
    check(article, 'no article');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    await api.validateAll();
    await diagnosticsOf(article, (ds) => ds.some((d) => fromClaimbook(d) && rule(d) === 'untagged-mention'), 'untagged-mention hints');
  });

  it('re-validates as a sidecar is typed into, with a quick fix (the unknown actor)', async () => {
    [sidecar] = (await files('**/*.claims.yaml')) as [vscode.Uri];
    check(sidecar, 'no sidecar');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sidecar));
    const text = editor.document.getText();
    const match = /actor: (\S+)/.exec(text);
    check(match, 'no actor field');
    const start = editor.document.positionAt(match.index + 'actor: '.length);
    const typo = `${match[1]}x`;
    await editor.edit((b) => b.replace(new vscode.Range(start, start.translate(0, match[1]!.length)), typo));
    const ds = await diagnosticsOf(sidecar, (all) => all.some((d) => rule(d) === 'unknown-actor'), 'an unknown-actor error');
    const d = ds.find((x) => rule(x) === 'unknown-actor');
    check(d?.severity === vscode.DiagnosticSeverity.Error, 'unknown-actor is not an error');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecar, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === `Change to '${match[1]}'`);
    check(fix?.edit, `no "Change to '${match[1]}'" among: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    await diagnosticsOf(sidecar, (all) => !all.some((x) => rule(x) === 'unknown-actor'), 'the error to go');
  });

  it('hovers a claim span in its article with the claim', async () => {
    const text = (await vscode.workspace.openTextDocument(sidecar)).getText();
    const exact = JSON.parse(/^\s+exact: (".*")$/m.exec(text)?.[1] ?? '""') as string;
    const article = vscode.Uri.joinPath(sidecar, '..', sidecar.path.split('/').pop()!.replace(/\.claims\.yaml$/, '.txt'));
    const doc = await vscode.workspace.openTextDocument(article);
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf(exact);
    check(exact !== '' && at >= 0, `quote not found in ${article.path}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', article, doc.positionAt(at + 2));
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    check(/\*\*Actor:\*\*/.test(shown) && /Open claim/.test(shown), `no claim in the hover: ${shown}`);
  });

  it('tags a selection as a claim, with the annotator from the setting (no git in a browser)', async () => {
    const sentence = 'For the EU, the talks also highlight the urgency of building a more independent and resilient defense posture';
    const [article] = await files('**/paris-summit-advances-security-guarantees-for-ukraine.txt');
    check(article, 'no paris-summit article');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const at = editor.document.getText().indexOf(sentence);
    check(at >= 0, 'the sentence is not in the article');
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + sentence.length));
    const prompter = new ScriptedPrompter({ actor: 'eu', commitment: 'rearmament', stance: 'report' });
    api.setPrompter(prompter);
    let outcome: { status: string; ids?: string[] };
    try {
      outcome = await vscode.commands.executeCommand<{ status: string; ids?: string[] }>('claimbook.tagSelection');
    } finally {
      api.setPrompter(undefined);
    }
    check(prompter.problems.length === 0, prompter.problems.join('; '));
    check(outcome.status === 'written', JSON.stringify(outcome));
    const sidecarUri = vscode.Uri.joinPath(article, '..', 'paris-summit-advances-security-guarantees-for-ukraine.claims.yaml');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === sidecarUri.toString());
    check(doc?.isDirty, 'the sidecar buffer does not hold the new claim');
    const text = doc.getText();
    check(text.includes(`id: ${outcome.ids?.[0] ?? '?'}`) && text.includes(sentence), 'the new claim is not in the sidecar');
    check(/annotator: web-tester/.test(text), 'the annotator is not the one set in claimbook.annotator');
    await diagnosticsOf(sidecarUri, (ds) => !ds.some((d) => fromClaimbook(d) && d.severity <= vscode.DiagnosticSeverity.Warning), 'a clean sidecar');
  });

  it('fills the Claims and Codebook views', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.claimbook');
    await api.validateAll();
    check(api.explorer.claims.getChildren().length > 0, 'the Claims view is empty');
    check(api.explorer.codebook.getChildren().length > 0, 'the Codebook view is empty');
  });

  it('formats a sidecar back to canonical form', async () => {
    const doc = await vscode.workspace.openTextDocument(sidecar);
    const canonical = doc.getText();
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    // Blank lines between claims are one in canonical form: add two more after the first claim.
    const at = doc.positionAt(canonical.indexOf('\n  - id: ', canonical.indexOf('  - id: ') + 1));
    check(await editor.edit((b) => b.insert(at, '\n\n')), 'the edit was not applied');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', sidecar, { tabSize: 2, insertSpaces: true });
    check(edits && edits.length > 0, 'the formatter proposed no edit');
    const ws = new vscode.WorkspaceEdit();
    ws.set(sidecar, edits);
    check(await vscode.workspace.applyEdit(ws), 'the format edit was not applied');
    check(doc.getText() === canonical, 'formatting did not give back the canonical text');
  });

  it('shows an article with its claims beside it (the README screenshot of the web build)', async () => {
    const article = vscode.Uri.joinPath(sidecar, '..', sidecar.path.split('/').pop()!.replace(/\.claims\.yaml$/, '.txt'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article), { preview: false });
    await vscode.commands.executeCommand('claimbook.showArticleClaims');
    await diagnosticsOf(article, () => true, 'the article validated');
    await screenshotHandshake();
    await vscode.commands.executeCommand('claimbook.clearClaimFilter');
  });
});

/**
 * The web worker has no file system of its own: the runner (asked for a screenshot) leaves
 * `.claimbook-screenshot-wanted` in the workspace, shoots on our log line, then creates
 * `.claimbook-screenshot-done` there, which a workspace watcher reports.
 */
async function screenshotHandshake(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return;
  const wanted = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, '.claimbook-screenshot-wanted')).then(() => true, () => false);
  if (!wanted) return;
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '.claimbook-screenshot-done'));
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no screenshot was taken within 30 s')), 30_000);
    watcher.onDidCreate(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  console.log('[suite] claimbook screenshot: ready');
  try {
    await done;
  } finally {
    watcher.dispose();
  }
}

