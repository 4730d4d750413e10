// Review and curation inside a real VS Code: the samples compared with a modified copy (a folder
// outside the workspace) and with a git branch of a temporary repository; the Disagreements
// view lists exactly the expected units; each decision writes the expected sidecar text and is
// undone by one Ctrl+Z; editing their side updates the comparison. Waits are on events only.
// (Named to run after the other files: it opens articles, which editor.test.ts opens itself.)
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import type { Disagreement } from '../../src/core/curation';
import { EXPECTED, MILITARY, OUTCOMES, PARIS, modifiedCopy, type Expected } from '../unit/support/modifiedCopy';
import { activateExtension, openInEditor, waitForEvent, workspaceRoot, revertDirtyDocuments } from './workspace';
import { screenshotHandshake } from './screenshot';

let api: ClaimbookApi;
/** Run as the README scene (--grep it with --screenshot): the window is arranged for the picture. */
const SCENE = /two-source decorations open/.test(process.env.CLAIMBOOK_TEST_GREP ?? '');
let tmp: string;
let theirs: string;

const uri = (p: string) => vscode.Uri.joinPath(workspaceRoot(), ...p.split('/'));
const shape = (d: Disagreement): Expected => ({ article: d.article, kind: d.kind, ...(d.mine ? { mine: d.mine.claim.id } : {}), ...(d.theirs ? { theirs: d.theirs.claim.id } : {}), ...(d.differs.length > 0 ? { differs: d.differs } : {}) });
const listed = () => api.curator.view.disagreements().map((n) => n.row.d);
const find = (kind: string, id: string) => listed().find((d) => d.kind === kind && (d.mine?.claim.id === id || d.theirs?.claim.id === id));

/** Resolves once `probe` holds, checking now and after each update of the curation views. */
async function until(probe: () => boolean, what: string): Promise<void> {
  if (probe()) return;
  await waitForEvent(api.curator.onDidUpdate, () => probe(), what, 20_000);
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

describe('curation: Compare Annotations and the Disagreements view', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-compare-'));
    theirs = modifiedCopy(workspaceRoot().fsPath, path.join(tmp, 'theirs'));
    await vscode.commands.executeCommand('workbench.view.extension.claimbook');
  });

  after(async () => {
    // The README screenshot is taken when the suite ends: its run leaves the comparison open.
    if (!SCENE) await vscode.commands.executeCommand('claimbook.stopComparing');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async () => {
    await revertDirtyDocuments();
    await api.validateAll();
  });

  it('lists exactly the moved, relabelled, restanced, deleted and added claims, with a summary', async () => {
    await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'folder', path: theirs });
    await until(() => listed().length === EXPECTED.length, 'the comparison with the modified copy');
    assert.deepEqual(listed().map(shape), EXPECTED);
    const articles = api.curator.view.getChildren();
    assert.deepEqual(articles.map((n) => String(api.curator.view.getTreeItem(n).description).split(' ')[0]), ['1', '5', '1']);
    assert.match(api.curator.tree.description ?? '', /^▬ mine {2}┅ theirs \(folder:theirs\) · 7 disagreements in 3 articles/);
    assert.match(api.curator.status.text, /7 disagreements in 3 articles/);
    const label = api.curator.view.getTreeItem(api.curator.view.node(find('label', 'c-6oik1l')!.key)!);
    assert.equal(label.label, 'Label: Security guarantee ≠ Military support');
    assert.equal(label.contextValue, 'disagreement.mine.theirs');
  });

  it('shows both sources’ spans in the article and a side-by-side hover', async () => {
    await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'folder', path: theirs });
    await until(() => listed().length === EXPECTED.length, 'the comparison');
    const span = find('span', 'c-7ybtvr')!;
    await vscode.commands.executeCommand('claimbook.showDisagreement', span.key);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri(`${OUTCOMES}.txt`).toString());
    assert.match(editor.document.getText(editor.selection), /^France and the UK’s readiness/);
    const ranges = api.curator.decorations.rangesFor(editor.document)!;
    assert.equal(ranges.mine.length, 4);
    assert.equal(ranges.theirs.length, 4);
    assert.ok(ranges.theirs.some((r) => editor.document.getText(r).startsWith('the UK’s readiness')));
    const at = editor.document.positionAt(editor.document.getText().indexOf('the UK’s readiness') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /\| \| Mine \| Theirs \(folder:theirs\) \|/);
    assert.match(text, /\| span \| \*\*796–905\*\* \| \*\*807–905\*\* \|/);
  });

  it('moves with Next and Previous Disagreement, wrapping around', async () => {
    await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'folder', path: theirs });
    await until(() => listed().length === EXPECTED.length, 'the comparison');
    const keys = listed().map((d) => d.key);
    assert.equal(await vscode.commands.executeCommand('claimbook.nextDisagreement'), keys[0]);
    assert.equal(await vscode.commands.executeCommand('claimbook.nextDisagreement'), keys[1]);
    assert.equal(await vscode.commands.executeCommand('claimbook.previousDisagreement'), keys[0]);
    assert.equal(await vscode.commands.executeCommand('claimbook.previousDisagreement'), keys[keys.length - 1]);
  });

  const decisions: Array<{ action: string; kind: string; id: string; sidecar: string; check: (text: string, before: string) => void }> = [
    {
      action: 'acceptTheirs', kind: 'label', id: 'c-6oik1l', sidecar: OUTCOMES,
      check: (t) => assert.match(t, /  - id: c-6oik1l\n    actor: coalition-of-the-willing\n    commitment: military-support\n    stance: report\n    fields: \{ beneficiary: ukraine \}\n    annotator: sample\n    curated-from: "folder:theirs:c-6oik1l"\n    quote:\n      exact: "The Paris Summit/),
    },
    {
      action: 'acceptMine', kind: 'attributes', id: 'c-ryqvxl', sidecar: OUTCOMES,
      check: (t) => assert.match(t, /  - id: c-ryqvxl\n    actor: europe\n    commitment: troop-deployment\n    stance: report\n    fields: \{ location: Ukraine \}\n    annotator: sample\n    curated-from: "folder:theirs:c-ryqvxl"\n    quote:/),
    },
    {
      action: 'acceptBoth', kind: 'span', id: 'c-7ybtvr', sidecar: OUTCOMES,
      check: (t) => {
        assert.match(t, /  - id: c-7ybtvr\n(    .*\n)*    curated-from: "folder:theirs:c-7ybtvr"\n/);
        // Theirs comes in with a new id (c-7ybtvr is mine), re-anchored where its quote is here.
        assert.match(t, /  - id: c-[a-z0-9]{6}\n    actor: france\n(    .*\n)*    curated-from: "folder:theirs:c-7ybtvr"\n(    .*\n)?    quote:\n      exact: "the UK’s readiness to deploy forces and establish military hubs in Ukraine after a peace agreement"\n      prefix: ".*"\n      suffix: ".*"\n      start: 807\n      end: 905\n/);
      },
    },
    {
      action: 'rejectBoth', kind: 'only-mine', id: 'c-94f6fe', sidecar: PARIS,
      check: (t, before) => {
        assert.ok(before.includes('id: c-94f6fe'));
        assert.ok(!t.includes('id: c-94f6fe'));
      },
    },
    {
      action: 'acceptTheirs', kind: 'only-theirs', id: 'c-zz0add', sidecar: OUTCOMES,
      check: (t) => assert.match(t, /  - id: c-zz0add\n    actor: coalition-of-the-willing\n    commitment: security-guarantee\n    stance: report\n    annotator: theirs\n    curated-from: "folder:theirs:c-zz0add"\n    quote:\n      exact: "Mechanisms for deterrence and guarantees are being discussed"\n/),
    },
  ];

  for (const { action, kind, id, sidecar, check } of decisions) {
    it(`${action} on a "${kind}" unit writes the expected sidecar text, settles it, and one Ctrl+Z takes it back`, async () => {
      await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'folder', path: theirs });
      await until(() => listed().length === EXPECTED.length, 'the comparison');
      const d = find(kind, id);
      assert.ok(d, `${kind} ${id} is listed`);
      const editor = await openInEditor(uri(`${sidecar}.claims.yaml`));
      const before = editor.document.getText();
      const outcome = await vscode.commands.executeCommand<{ done: boolean; wrote?: boolean }>(`claimbook.${action}`, d.key);
      assert.deepEqual(outcome && { done: outcome.done, wrote: outcome.wrote }, { done: true, wrote: true });
      check(editor.document.getText(), before);
      await until(() => listed().length === EXPECTED.length - 1 && !listed().some((x) => x.key === d.key), `${kind} ${id} settled`);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before);
      await until(() => listed().length === EXPECTED.length, `${kind} ${id} listed again after undo`);
    });
  }

  it('keeping a claim only I have writes nothing and leaves it out of the list', async () => {
    await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'folder', path: theirs });
    await until(() => listed().length === EXPECTED.length, 'the comparison');
    const d = find('only-mine', 'c-mgrk88')!;
    const doc = await vscode.workspace.openTextDocument(uri(`${OUTCOMES}.claims.yaml`));
    const version = doc.version;
    const outcome = await vscode.commands.executeCommand<{ done: boolean; wrote?: boolean }>('claimbook.acceptMine', d.key);
    assert.deepEqual(outcome && { done: outcome.done, wrote: outcome.wrote }, { done: true, wrote: false });
    assert.equal(doc.version, version);
    await until(() => !listed().some((x) => x.key === d.key), 'the kept unit left out');
  });

  it('follows edits of their side', async () => {
    await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'folder', path: theirs });
    await until(() => listed().length === EXPECTED.length, 'the comparison');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(theirs, `${MILITARY}.claims.yaml`)));
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('beneficiary: europe');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'beneficiary: europe'.length)), 'beneficiary: ukraine');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(() => listed().length === EXPECTED.length - 1 && !listed().some((d) => d.article === `${MILITARY}.txt`), 'their edit reflected');
    assert.match(api.curator.status.text, /6 disagreements in 2 articles/);
  });

  it('compares with a git branch of a temporary repository', async () => {
    const root = workspaceRoot().fsPath;
    git(root, ['init', '-q']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'samples']);
    // Their branch: the modified copy committed without touching the work tree.
    const index = path.join(tmp, 'index');
    const env = { GIT_INDEX_FILE: index, GIT_WORK_TREE: modifiedCopy(root, path.join(tmp, 'branch')) };
    git(root, ['--work-tree', env.GIT_WORK_TREE, 'add', '-A'], env);
    const tree = git(root, ['write-tree'], env);
    const commit = git(root, ['commit-tree', tree, '-p', 'HEAD', '-m', 'their annotations']);
    git(root, ['update-ref', 'refs/heads/theirs', commit]);
    const refused = await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'git', rev: 'no-such-branch' });
    assert.match(String(refused), /git knows no branch, tag or commit "no-such-branch"/);
    await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'git', rev: 'theirs' });
    await until(() => api.curator.session?.source.label === 'git:theirs' && listed().length === EXPECTED.length, 'the comparison with branch theirs');
    assert.deepEqual(listed().map(shape), EXPECTED);
    const d = find('label', 'c-6oik1l')!;
    const editor = await openInEditor(uri(`${OUTCOMES}.claims.yaml`));
    await vscode.commands.executeCommand('claimbook.acceptTheirs', d.key);
    assert.match(editor.document.getText(), /curated-from: "git:theirs:c-6oik1l"/);
    await vscode.commands.executeCommand('undo');
  });

  it('leaves the view and the two-source decorations open (the README screenshot)', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('wordWrap', 'on', vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('claimbook.compareAnnotations', { kind: 'folder', path: theirs });
      await until(() => listed().length === EXPECTED.length, 'the comparison');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('claimbook.disagreements.focus');
      const span = find('span', 'c-7ybtvr')!;
      await vscode.commands.executeCommand('claimbook.showDisagreement', span.key);
      await api.curator.tree.reveal(api.curator.view.node(span.key)!, { select: true, focus: false });
      if (SCENE) {
        // The picture is of the Disagreements view: the other views make room (a throw-away workspace).
        for (const view of ['claimbook.claims', 'claimbook.codebook']) await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      }
      const editor = vscode.window.activeTextEditor!;
      const at = editor.document.positionAt(0);
      editor.selection = new vscode.Selection(at, at);
      await screenshotHandshake();
    } finally {
      if (!SCENE) await editorConfig.update('wordWrap', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
