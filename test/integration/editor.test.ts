// What an annotator sees in a real VS Code: diagnostics that follow typing, anchors that follow
// edits, write-back on save, quick fixes, hovers, and re-validation when the codebook changes.
// Every wait is on an event (onDidValidate or onDidChangeDiagnostics), never a sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import type { ValidationEvent } from '../../src/extension/controller';
import { activateExtension, log, openInEditor, waitForDiagnostics, waitForEvent, workspaceRoot } from './workspace';

const claimbook = (d: vscode.Diagnostic) => d.source === 'claimbook';
const rule = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const problems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => claimbook(d) && d.severity <= vscode.DiagnosticSeverity.Warning);

let api: ClaimbookApi;

/** Runs an action and waits for the validation it causes (subscribing first). */
async function validated(action: () => Thenable<unknown>, what: string): Promise<ValidationEvent> {
  const done = waitForEvent(api.onDidValidate, (e) => e.trigger !== 'activation' && e.trigger !== 'settle', what);
  await action();
  return done;
}

/** The sample article with the most claims, and its sidecar. */
async function busiestArticle(): Promise<{ article: vscode.Uri; sidecar: vscode.Uri }> {
  const sidecars = await vscode.workspace.findFiles('**/*.claims.yaml');
  let best: { article: vscode.Uri; sidecar: vscode.Uri; claims: number } | undefined;
  for (const sidecar of sidecars) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
    const claims = (text.match(/^\s*- id:/gm) ?? []).length;
    const article = vscode.Uri.joinPath(sidecar, '..', (/^article: (.+)$/m.exec(text)?.[1] ?? '').trim());
    if (!best || claims > best.claims) best = { article, sidecar, claims };
  }
  assert.ok(best, 'no sidecar in the workspace');
  return best;
}

async function edit(doc: vscode.TextDocument, start: number, end: number, text: string): Promise<void> {
  const e = new vscode.WorkspaceEdit();
  e.replace(doc.uri, new vscode.Range(doc.positionAt(start), doc.positionAt(end)), text);
  assert.ok(await vscode.workspace.applyEdit(e), 'edit applied');
}

/** Puts a document back to its text on disk, so each test starts from the samples. */
async function revert(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc?.isDirty) return;
  await vscode.window.showTextDocument(doc);
  const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const revert = () => vscode.commands.executeCommand('workbench.action.files.revert');
  // A buffer edited back to its saved text is dirty but reverting it changes nothing to validate.
  if (doc.getText() === onDisk) await revert();
  else await validated(revert, `revert of ${uri.path}`);
}

describe('editor: validation as the annotator types', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
    log(`activation: ${api.activationMs.toFixed(1)} ms of our own code`);
  });

  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await revert(doc.uri);
    // Every test starts from a published validation of exactly the current buffers.
    await api.validateAll();
  });

  it('runs with auto-save off, so tests decide when files are saved', () => {
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  it('opening a sample article shows no claimbook errors or warnings', async () => {
    const { article } = await busiestArticle();
    await validated(() => openInEditor(article), 'validation on open');
    assert.deepEqual(problems(article).map((d) => d.message), []);
  });

  it('an unknown actor typed into a sidecar is reported at that node, and fixing it clears it', async () => {
    const { sidecar } = await busiestArticle();
    const doc = (await openInEditor(sidecar)).document;
    const text = doc.getText();
    const m = /^\s+actor: ([a-z-]+)$/m.exec(text);
    assert.ok(m, 'a claim with an actor');
    const start = m.index + m[0].indexOf(m[1] as string);
    await edit(doc, start, start + (m[1] as string).length, 'nobody-known');
    const diags = await waitForDiagnostics(sidecar, (ds) => ds.some((d) => rule(d) === 'unknown-actor'));
    const d = diags.find((x) => rule(x) === 'unknown-actor') as vscode.Diagnostic;
    assert.equal(doc.getText(d.range), 'nobody-known');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('rules.md'), 'code links to the rule docs');

    await edit(doc, start, start + 'nobody-known'.length, m[1] as string);
    await waitForDiagnostics(sidecar, (ds) => !ds.some((x) => rule(x) === 'unknown-actor'));
  });

  it("typing in an article leaves other files' diagnostics as they were (not rebuilt)", async () => {
    const { article, sidecar } = await busiestArticle();
    // Another sidecar with a finding: an unknown actor typed in.
    const other = (await vscode.workspace.findFiles('**/*.claims.yaml')).find((u) => u.toString() !== sidecar.toString());
    assert.ok(other, 'a second sidecar');
    const otherDoc = (await openInEditor(other)).document;
    const m = /^\s+actor: ([a-z-]+)$/m.exec(otherDoc.getText());
    assert.ok(m, 'a claim with an actor');
    const start = m.index + m[0].indexOf(m[1] as string);
    await edit(otherDoc, start, start + (m[1] as string).length, 'nobody-known');
    await waitForDiagnostics(other, (ds) => ds.some((d) => rule(d) === 'unknown-actor'));
    const before: vscode.Diagnostic[] = vscode.languages.getDiagnostics(other);
    assert.ok(before.length > 0 && before.every((d, i) => d === vscode.languages.getDiagnostics(other)[i]), 'VS Code hands out the objects it holds');

    const doc = (await openInEditor(article)).document;
    for (const at of [0, doc.getText().length >> 1]) {
      const typed = await validated(() => edit(doc, at, at, 'x'), 'validation after typing in the article');
      assert.equal(typed.trigger, 'change');
      const after: vscode.Diagnostic[] = vscode.languages.getDiagnostics(other);
      assert.equal(after.length, before.length);
      assert.ok(after.every((d, i) => d === before[i]), 'the other sidecar kept its diagnostic objects');
    }
  });

  it('a misspelt actor gets a "did you mean" quick fix that repairs the file', async () => {
    const { sidecar } = await busiestArticle();
    const doc = (await openInEditor(sidecar)).document;
    const m = /^\s+actor: ([a-z-]{5,})$/m.exec(doc.getText());
    assert.ok(m);
    const id = m[1] as string;
    const typo = `${id.slice(0, 2)}${id[3]}${id[2]}${id.slice(4)}`;
    const start = m.index + m[0].indexOf(id);
    await edit(doc, start, start + id.length, typo);
    const [d] = (await waitForDiagnostics(sidecar, (ds) => ds.some((x) => rule(x) === 'unknown-actor'))).filter((x) => rule(x) === 'unknown-actor');
    assert.ok(d);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecar, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === `Change to '${id}'`);
    assert.ok(fix?.edit, `quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(start + id.length))), id);
    await waitForDiagnostics(sidecar, (ds) => !ds.some((x) => rule(x) === 'unknown-actor'));
  });

  it('text inserted before a quote keeps claims anchored; saving writes the offsets back, one undo reverts them', async () => {
    const { article, sidecar } = await busiestArticle();
    const doc = (await openInEditor(article)).document;
    const sidecarBefore = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
    const firstStart = Number(/^\s+start: (\d+)$/m.exec(sidecarBefore)?.[1]);
    const inserted = 'Breaking: ';
    const started = Date.now();
    const typed = await validated(() => edit(doc, 0, 0, inserted), 'validation after typing');
    log(`keystroke → diagnostics on ${article.path.split('/').pop()}: validation ${typed.durationMs.toFixed(1)} ms; ${Date.now() - started} ms including the debounce`);
    assert.deepEqual(problems(article).map((d) => `${rule(d)}: ${d.message}`), [], 'claims stay anchored while typing');

    await validated(() => doc.save(), 'validation after save');
    const sidecarDoc = await vscode.workspace.openTextDocument(sidecar);
    const afterSave = sidecarDoc.getText();
    assert.equal(Number(/^\s+start: (\d+)$/m.exec(afterSave)?.[1]), firstStart + inserted.length, 'offsets moved by the inserted text');
    assert.deepEqual(problems(article), []);
    assert.deepEqual(problems(sidecar), []);

    await vscode.window.showTextDocument(sidecarDoc);
    await vscode.commands.executeCommand('undo');
    assert.equal(sidecarDoc.getText(), sidecarBefore, 'one undo reverts the write-back');

    // Restore the samples for the next tests: article text and sidecar on disk.
    await edit(doc, 0, inserted.length, '');
    await doc.save();
    await sidecarDoc.save();
  });

  it('an edit inside a quote is a quote-mismatch at the claim, with a fix that updates the quote', async () => {
    const { article, sidecar } = await busiestArticle();
    const doc = (await openInEditor(article)).document;
    const sidecarText = (await vscode.workspace.openTextDocument(sidecar)).getText();
    const exact = JSON.parse(/^\s+exact: (".*")$/m.exec(sidecarText)?.[1] ?? '""') as string;
    const at = doc.getText().indexOf(exact);
    assert.ok(at >= 0, 'the first quote occurs in the article');
    const middle = at + Math.floor(exact.length / 2);
    await edit(doc, middle, middle, 'XYZ');
    const diags = await waitForDiagnostics(article, (ds) => ds.some((d) => rule(d) === 'quote-mismatch'));
    const d = diags.find((x) => rule(x) === 'quote-mismatch') as vscode.Diagnostic;
    assert.ok(doc.getText(d.range).includes('XYZ'), 'the diagnostic covers the edited quote');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, d.range, vscode.CodeActionKind.QuickFix.value);
    const update = actions.find((a) => a.title === 'Update the quote to the current text');
    // It edits the sidecar, another file: a command applies it, checking that file first.
    assert.ok(update?.command, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.commands.executeCommand(update.command.command, ...(update.command.arguments ?? [])), true);
    await waitForDiagnostics(article, (ds) => !ds.some((x) => rule(x) === 'quote-mismatch'));
    assert.ok((await vscode.workspace.openTextDocument(sidecar)).getText().includes('XYZ'), 'the sidecar quote now holds the edited text');
  });

  it('source.fixAll.claimbook applies the safe fixes: a name typed where an id belongs', async () => {
    const { sidecar } = await busiestArticle();
    const doc = (await openInEditor(sidecar)).document;
    const m = /^\s+actor: ([a-z-]+)$/m.exec(doc.getText());
    assert.ok(m);
    const id = m[1] as string;
    const codebook = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'claimbook.yaml')));
    const name = new RegExp(`^  ${id}:\\n\\s+name: (.+)$`, 'm').exec(codebook)?.[1]?.trim();
    assert.ok(name, `name of ${id}`);
    const start = m.index + m[0].indexOf(id);
    await edit(doc, start, start + id.length, `"${name}"`);
    await waitForDiagnostics(sidecar, (ds) => ds.some((d) => rule(d) === 'unknown-actor'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecar, new vscode.Range(0, 0, 0, 0), 'source.fixAll.claimbook');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.claimbook');
    assert.ok(fixAll?.edit, `fix-all among: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.workspace.applyEdit(fixAll.edit);
    assert.equal(doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(start + id.length))), id);
    await waitForDiagnostics(sidecar, (ds) => !ds.some((x) => rule(x) === 'unknown-actor'));
  });

  it('hovering a claim span shows its actor, commitment and stance', async () => {
    const { article, sidecar } = await busiestArticle();
    const doc = (await openInEditor(article)).document;
    const sidecarText = (await vscode.workspace.openTextDocument(sidecar)).getText();
    const exact = JSON.parse(/^\s+exact: (".*")$/m.exec(sidecarText)?.[1] ?? '""') as string;
    const actorId = /^\s+actor: ([a-z-]+)$/m.exec(sidecarText)?.[1] ?? '';
    const codebook = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'claimbook.yaml')));
    const name = new RegExp(`^  ${actorId}:\\n\\s+name: (.+)$`, 'm').exec(codebook)?.[1]?.trim();
    assert.ok(name, `name of ${actorId}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', article, doc.positionAt(doc.getText().indexOf(exact) + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const v = api.controller.validationFor(article);
    const state = v ? `validated text current: ${v.result.texts.get(v.located.path) === doc.getText()}; anchors: ${v.result.sidecars.filter((x) => x.article?.path === v.located.path).flatMap((x) => x.claims.map((c) => `${c.anchor?.status}@${c.anchor?.start}`)).join(' ')}` : 'no validation';
    const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(article));
    assert.ok(hovers.length > 0, `a hover at the quote "${exact.slice(0, 40)}…" (offset ${doc.getText().indexOf(exact)}; dirty ${doc.isDirty}; XYZ in buffer ${doc.getText().includes('XYZ')}, on disk ${disk.includes('XYZ')}; ${state})`);
    assert.ok(text.replace(/\\/g, '').includes(name), `hover mentions ${name}:\n${text}`);
    assert.match(text, /Open claim/);
  });

  it('changing the codebook re-validates an open article', async () => {
    const { article } = await busiestArticle();
    await openInEditor(article);
    const v = api.controller.validationFor(article);
    assert.ok(v);
    // Two claims of one actor on one commitment in this article; declaring their stances contradictory must flag them.
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (const ctx of v.result.sidecars.filter((s) => s.article?.path === v.located.path)) {
      for (const { claim } of ctx.claims) {
        const key = `${claim.actor}/${claim.commitment}`;
        const other = seen.get(key);
        if (other !== undefined && claim.stance !== undefined) pair ??= [other, claim.stance];
        if (claim.stance !== undefined) seen.set(key, claim.stance);
      }
    }
    assert.ok(pair, 'the article has two claims of one actor on one commitment');
    const codebookUri = vscode.Uri.joinPath(workspaceRoot(), 'claimbook.yaml');
    const codebook = await vscode.workspace.openTextDocument(codebookUri);
    const m = /^contradictions:\n/m.exec(codebook.getText());
    assert.ok(m, 'the codebook has a contradictions list');
    assert.deepEqual(vscode.languages.getDiagnostics(article).filter((d) => rule(d) === 'contradiction' && d.severity === vscode.DiagnosticSeverity.Warning), []);
    await edit(codebook, m.index + m[0].length, m.index + m[0].length, `  - [${pair[0]}, ${pair[1]}]\n`);
    await waitForDiagnostics(article, (ds) => ds.some((d) => rule(d) === 'contradiction' && d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('a sidecar changed on disk (not open) is re-validated through the file watcher', async () => {
    const sidecars = await vscode.workspace.findFiles('**/*.claims.yaml');
    const closed = sidecars.find((u) => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === u.toString()));
    assert.ok(closed, 'a sidecar that is not open');
    const original = await vscode.workspace.fs.readFile(closed);
    const text = new TextDecoder().decode(original);
    const broken = text.replace(/^(\s+stance: )([a-z-]+)$/m, '$1no-such-stance');
    assert.notEqual(broken, text);
    try {
      await vscode.workspace.fs.writeFile(closed, new TextEncoder().encode(broken));
      await waitForDiagnostics(closed, (ds) => ds.some((d) => rule(d) === 'unknown-stance'));
    } finally {
      await vscode.workspace.fs.writeFile(closed, original);
    }
    await waitForDiagnostics(closed, (ds) => !ds.some((d) => rule(d) === 'unknown-stance'));
  });

  it('settings apply without reload: turning a rule off removes its diagnostics', async () => {
    const { article } = await busiestArticle();
    await openInEditor(article);
    await waitForDiagnostics(article, (ds) => ds.some((d) => rule(d) === 'untagged-mention' && d.severity === vscode.DiagnosticSeverity.Hint));
    const config = vscode.workspace.getConfiguration('claimbook');
    try {
      await config.update('rules', { 'untagged-mention': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(article, (ds) => !ds.some((d) => rule(d) === 'untagged-mention'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(article, (ds) => ds.some((d) => rule(d) === 'untagged-mention'));
  });
});
