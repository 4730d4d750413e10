// Tool writes never land on a text they were not computed for (issue 13, part C): a sidecar or
// the codebook that changed — on disk, or in its editor — between the read an edit was computed
// on and the moment it is applied is left exactly as it is now, and the user is told which file
// changed and to try again. Every wait is on an event, never a sleep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import type { ExploreNode } from '../../src/core/explore';
import type { TreeNode } from '../../src/extension/tree/nodeStore';
import type { PickRequest } from '../../src/extension/tagging/prompter';
import { activateExtension, openInEditor, revertDirtyDocuments, waitForDiagnostics, waitForEvent, workspaceRoot } from './workspace';
import { ScriptedPrompter, type Script } from './scripted';

const COALITION = 'articles/2026-01-06-coalition-of-the-willing-gathers-amid-global-tensions';
const MILITARY = 'articles/2025-03-11-military-chiefs-meet-in-paris';
const EU = 'articles/2026-01-06-eu-ready-to-commit-to-binding-guarantees';
const PARIS = 'articles/paris-summit-advances-security-guarantees-for-ukraine';
/** What another tool (git, a colleague's sync, a script) puts at the top of a file meanwhile. */
const ELSEWHERE = '# edited elsewhere while Claimbook was busy\n';

let api: ClaimbookApi;

const uri = (p: string) => vscode.Uri.joinPath(workspaceRoot(), ...p.split('/'));
const onDisk = (p: string) => fs.readFileSync(uri(p).fsPath, 'utf8');
const openDoc = (p: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(p).toString());

/** Resolves once `probe` returns something, checking now and after each explorer refresh. */
async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  const now = probe();
  if (now !== undefined) return now;
  await waitForEvent(api.explorer.onDidRefresh, () => probe() !== undefined, what);
  return probe() as T;
}

function claimNode(id: string): TreeNode<ExploreNode> | undefined {
  return api.explorer.claims.nodes().find((n) => n.data.kind === 'claim' && n.data.row.id === id);
}

/** The messages the extension shows while `action` runs (the notification toasts a user reads). */
async function messagesDuring<T>(action: () => Thenable<T>): Promise<{ result: T; messages: string[] }> {
  const messages: string[] = [];
  type Show = (...args: unknown[]) => unknown;
  const w = vscode.window as unknown as { showErrorMessage: Show; showWarningMessage: Show; showInformationMessage: Show };
  const saved = { error: w.showErrorMessage, warning: w.showWarningMessage, info: w.showInformationMessage };
  const record = (original: Show) => (...args: unknown[]) => {
    messages.push(String(args[0]));
    return original.apply(vscode.window, args);
  };
  w.showErrorMessage = record(saved.error);
  w.showWarningMessage = record(saved.warning);
  w.showInformationMessage = record(saved.info);
  try {
    return { result: await action(), messages };
  } finally {
    w.showErrorMessage = saved.error;
    w.showWarningMessage = saved.warning;
    w.showInformationMessage = saved.info;
  }
}

/** A prompter that does something (the user typing, a tool writing) while a question is open. */
class BusyPrompter extends ScriptedPrompter {
  constructor(script: Script, private readonly meanwhile: () => Promise<void>) {
    super(script);
  }

  override async pick(request: PickRequest): Promise<string | undefined> {
    await this.meanwhile();
    return super.pick(request);
  }
}

const created: string[] = [];

/**
 * A copy of a sample article and its sidecar under a new name: files no test has opened, so
 * VS Code holds no buffer for them (a buffer, once opened, lingers for minutes after its editor closes).
 */
async function freshCopy(base: string, name: string): Promise<{ sidecar: string; article: string; original: string }> {
  const article = `articles/${name}.txt`;
  const sidecar = `articles/${name}.claims.yaml`;
  const original = onDisk(`${base}.claims.yaml`).replace(/^article: .*$/m, `article: ${name}.txt`);
  fs.writeFileSync(uri(article).fsPath, onDisk(`${base}.txt`));
  fs.writeFileSync(uri(sidecar).fsPath, original);
  created.push(article, sidecar);
  await api.validateAll();
  await until(() => rowsOf(sidecar)[0], `the claims of ${sidecar} in the Claims view`);
  return { sidecar, article, original };
}

function rowsOf(sidecar: string): Array<TreeNode<ExploreNode>> {
  return api.explorer.claims.nodes().filter((n) => n.data.kind === 'claim' && n.data.row.sidecarPath === sidecar);
}

function nodeIn(sidecar: string, id: string): TreeNode<ExploreNode> | undefined {
  return rowsOf(sidecar).find((n) => n.data.kind === 'claim' && n.data.row.id === id);
}

/** Restores a file on disk and waits until the views saw it again. */
async function restore(p: string, text: string): Promise<void> {
  await revertDirtyDocuments();
  if (onDisk(p) !== text) fs.writeFileSync(uri(p).fsPath, text);
  // An open (clean) buffer reloads from disk on its own: wait for it, so the views check that.
  const doc = openDoc(p);
  if (doc && doc.getText() !== text) await waitForEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document === doc && doc.getText() === text, `${p} reloaded from disk`);
  await api.validateAll();
}

describe('guarded edits: a file that changed since it was read is never written at stale offsets', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of created.splice(0)) fs.rmSync(uri(p).fsPath, { force: true });
    await api.validateAll();
  });

  afterEach(async () => {
    api.setPrompter(undefined);
    await revertDirtyDocuments();
    await vscode.workspace.getConfiguration('claimbook').update('validate.delayMs', undefined, vscode.ConfigurationTarget.Workspace);
    await api.validateAll();
  });

  it('Delete Claim on a sidecar that is not open, changed on disk since the last validation: nothing is written, the user is told', async () => {
    const { sidecar, original } = await freshCopy(MILITARY, 'zz-guard-delete');
    assert.equal(openDoc(sidecar), undefined, 'precondition: the sidecar is not open in VS Code');
    // The file watcher re-validates a changed file after the delay: keep it from catching up
    // before the command runs, which is the race a busy machine or a slow check gives.
    await vscode.workspace.getConfiguration('claimbook').update('validate.delayMs', 10_000, vscode.ConfigurationTarget.Workspace);
    await api.validateAll();
    const node = nodeIn(sidecar, 'c-a9x8ci');
    assert.ok(node, 'the claim is in the Claims view');
    try {
      fs.writeFileSync(uri(sidecar).fsPath, ELSEWHERE + original);
      const { result, messages } = await messagesDuring(() => vscode.commands.executeCommand('claimbook.deleteClaim', node));
      assert.notEqual(result, true, 'the deletion is not reported as done');
      const doc = openDoc(sidecar);
      assert.equal(doc?.getText() ?? onDisk(sidecar), ELSEWHERE + original, 'the sidecar holds exactly what the other tool wrote');
      assert.equal(doc?.isDirty ?? false, false, 'no edit is pending in its buffer');
      assert.equal(onDisk(sidecar), ELSEWHERE + original);
      assert.ok(messages.some((m) => m.includes(sidecar) && /changed/.test(m) && /try again/i.test(m)), `a message names the file and says to try again: ${JSON.stringify(messages)}`);
    } finally {
      await restore(sidecar, original);
    }
    // Once the view caught up, the same command works.
    const again = await until(() => nodeIn(sidecar, 'c-a9x8ci'), 'the claim back in the view');
    const doc = await vscode.workspace.openTextDocument(uri(sidecar));
    try {
      assert.equal(await vscode.commands.executeCommand('claimbook.deleteClaim', again), true);
      assert.doesNotMatch(doc.getText(), /c-a9x8ci/);
      assert.match(doc.getText(), /c-drxtgj/, 'only that claim went');
    } finally {
      await restore(sidecar, original);
    }
  });

  it('Re-anchor on an open sidecar typed into while the passage was being picked: nothing is written over the new text', async () => {
    const sidecar = `${COALITION}.claims.yaml`;
    const doc = (await openInEditor(uri(sidecar))).document;
    const quote = /( {6}exact: "Diplomats and leaders[^\n]*\n {6}prefix: ""\n {6}suffix: "[^\n]*"\n {6}start: 0\n {6}end: 134)/.exec(doc.getText());
    assert.ok(quote, 'the first claim of the sample');
    // Its quote made ambiguous: "security guarantees" is twice in the article, so Re-anchor asks which.
    const at = quote.index;
    const e = new vscode.WorkspaceEdit();
    e.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + quote[1]!.length)), '      exact: "security guarantees"\n      start: 0\n      end: 19');
    assert.ok(await vscode.workspace.applyEdit(e));
    const node = await until(() => {
      const n = claimNode('c-mcov7y');
      return n?.data.kind === 'claim' && n.data.row.findings.some((f) => f.rule === 'anchor-ambiguous' && (f.fixes?.length ?? 0) >= 2) ? n : undefined;
    }, 'the claim ambiguous, with a fix per passage');
    let typed = '';
    api.setPrompter(new BusyPrompter({ reanchor: '0' }, async () => {
      // The annotator types at the top of the sidecar while the pick is open.
      const t = new vscode.WorkspaceEdit();
      t.insert(doc.uri, new vscode.Position(0, 0), ELSEWHERE);
      assert.ok(await vscode.workspace.applyEdit(t));
      typed = doc.getText();
    }));
    const { result, messages } = await messagesDuring(() => vscode.commands.executeCommand('claimbook.reanchorClaim', node));
    assert.ok(typed.startsWith(ELSEWHERE), 'the pick was asked, and the typing happened');
    assert.notEqual(result, true);
    assert.equal(doc.getText(), typed, 'the sidecar holds exactly what was typed');
    assert.ok(messages.some((m) => m.includes(sidecar) && /try again/i.test(m)), `a message names the file: ${JSON.stringify(messages)}`);
  });

  it('the live-anchor write-back on save leaves a sidecar alone that changed on disk while it was being written', async () => {
    const copy = await freshCopy(EU, 'zz-guard-live');
    const { sidecar, original } = copy;
    assert.equal(openDoc(sidecar), undefined, 'precondition: the sidecar is not open in VS Code');
    const article = (await openInEditor(uri(copy.article))).document;
    const articleText = article.getText();
    const inserted = 'Breaking: ';
    const typedAndValidated = waitForEvent(api.onDidValidate, (e) => e.trigger === 'change', 'validation after typing');
    const e = new vscode.WorkspaceEdit();
    e.insert(article.uri, new vscode.Position(0, 0), inserted);
    assert.ok(await vscode.workspace.applyEdit(e));
    await typedAndValidated;
    // The write-back reads the sidecar, then the other tool writes it before the edit lands.
    const live = api.controller.live;
    const read = live.read;
    let raced = false;
    live.read = async (u: vscode.Uri) => {
      const text = await read(u);
      if (!raced && u.toString() === uri(sidecar).toString()) {
        raced = true;
        fs.writeFileSync(uri(sidecar).fsPath, ELSEWHERE + original);
      }
      return text;
    };
    try {
      const saved = waitForEvent(api.onDidValidate, (x) => x.trigger === 'save', 'validation after save');
      const { messages } = await messagesDuring(async () => {
        await article.save();
        await saved;
      });
      assert.ok(raced, 'the write-back read the sidecar from disk');
      const doc = openDoc(sidecar);
      assert.equal(doc?.getText() ?? onDisk(sidecar), ELSEWHERE + original, 'the sidecar holds exactly what the other tool wrote');
      assert.equal(doc?.isDirty ?? false, false);
      assert.equal(onDisk(sidecar), ELSEWHERE + original, 'nothing saved over it');
      assert.ok(messages.some((m) => m.includes(sidecar) && /changed/.test(m)), `a message names the file: ${JSON.stringify(messages)}`);
    } finally {
      live.read = read;
      const undo = new vscode.WorkspaceEdit();
      undo.delete(article.uri, new vscode.Range(0, 0, 0, inserted.length));
      await vscode.workspace.applyEdit(undo);
      await article.save();
      assert.equal(article.getText(), articleText);
      await restore(sidecar, original);
    }
  });
  it('a quick fix on an article that edits its sidecar (not open), changed on disk after the light bulb was shown: nothing is written', async () => {
    const copy = await freshCopy(PARIS, 'zz-guard-fix');
    const { sidecar, original } = copy;
    const closed = uri(sidecar);
    assert.equal(openDoc(sidecar), undefined, 'precondition: the sidecar is not open in VS Code');
    const article = (await openInEditor(uri(copy.article))).document;
    const exact = JSON.parse(/^\s+exact: (".*")$/m.exec(original)?.[1] ?? '""') as string;
    const at = article.getText().indexOf(exact);
    assert.ok(exact && at >= 0, 'the first quote is in the article');
    const typing = new vscode.WorkspaceEdit();
    typing.insert(article.uri, article.positionAt(at + (exact.length >> 1)), 'XYZ');
    assert.ok(await vscode.workspace.applyEdit(typing));
    const diagnostics = await waitForDiagnostics(article.uri, (ds) => ds.some((d) => d.code !== undefined && typeof d.code === 'object' && d.code.value === 'quote-mismatch'));
    const d = diagnostics.find((x) => typeof x.code === 'object' && x.code.value === 'quote-mismatch')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const update = actions.find((a) => a.title === 'Update the quote to the current text');
    assert.ok(update, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    try {
      fs.writeFileSync(closed.fsPath, ELSEWHERE + original);
      // What VS Code does with a chosen code action: its edit, then its command.
      const { messages } = await messagesDuring(async () => {
        if (update.edit) await vscode.workspace.applyEdit(update.edit);
        if (update.command) await vscode.commands.executeCommand(update.command.command, ...(update.command.arguments ?? []));
      });
      const doc = openDoc(sidecar);
      assert.equal(doc?.getText() ?? onDisk(sidecar), ELSEWHERE + original, 'the sidecar holds exactly what the other tool wrote');
      assert.equal(doc?.isDirty ?? false, false);
      assert.ok(messages.some((m) => m.includes(sidecar) && /try again/i.test(m)), `a message names the file: ${JSON.stringify(messages)}`);
    } finally {
      await restore(sidecar, original);
    }
  });
  it('Rename Symbol refuses when a sidecar it would edit (not open) changed on disk since the last validation', async () => {
    const { sidecar, original } = await freshCopy(MILITARY, 'zz-guard-rename');
    assert.equal(openDoc(sidecar), undefined, 'precondition: the sidecar is not open in VS Code');
    await vscode.workspace.getConfiguration('claimbook').update('validate.delayMs', 10_000, vscode.ConfigurationTarget.Workspace);
    await api.validateAll();
    const from = (await openInEditor(uri(`${MILITARY}.claims.yaml`))).document;
    const at = from.getText().indexOf('actor: trump') + 'actor: '.length;
    assert.ok(at > 'actor: '.length, 'an actor id to rename');
    try {
      fs.writeFileSync(uri(sidecar).fsPath, ELSEWHERE + original);
      // What the editor does on F2: ask the provider, then apply what it returned.
      const outcome = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', from.uri, from.positionAt(at), 'donald-trump')).then(
        async (edit) => `applied: ${await vscode.workspace.applyEdit(edit)}`,
        (error: Error) => error.message,
      );
      assert.match(outcome, new RegExp(`${sidecar.replace(/[.]/g, '\\.')} changed .*Try again`), 'the rename is refused, naming the file');
      const doc = openDoc(sidecar);
      assert.equal(doc?.getText() ?? onDisk(sidecar), ELSEWHERE + original, 'the sidecar holds exactly what the other tool wrote');
      assert.equal(doc?.isDirty ?? false, false);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty), 'no file got part of the rename');
    } finally {
      await restore(sidecar, original);
    }
  });
});
