// The tagging workflow in a real VS Code, driven by scripted answers instead of quick picks:
// a selection becomes an exact claim that `claimbook check` accepts, undo and escape leave no
// trace, CRLF and emoji count as code points, and claims and the codebook are edited in place.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadSidecarFile, TextIndex } from '../../src/core';
import type { ClaimbookApi } from '../../src/extension/api';
import type { Outcome } from '../../src/extension/tagging/services';
import { QuickInputPrompter } from '../../src/extension/tagging/prompter';
import { screenshotHandshake } from './screenshot';
import { ScriptedPrompter, type Script } from './scripted';
import { activateExtension, extension, log, openInEditor, waitForDiagnostics, waitForEvent, workspaceRoot } from './workspace';

let api: ClaimbookApi;
const decoder = new TextDecoder();
const ARTICLE = 'articles/paris-summit-advances-security-guarantees-for-ukraine.txt';
const SIDECAR = 'articles/paris-summit-advances-security-guarantees-for-ukraine.claims.yaml';
const SENTENCE = 'For the EU, the talks also highlight the urgency of building a more independent and resilient defense posture';

const uri = (p: string) => vscode.Uri.joinPath(workspaceRoot(), ...p.split('/'));
const onDisk = async (p: string) => decoder.decode(await vscode.workspace.fs.readFile(uri(p)));
const problems = (u: vscode.Uri) => vscode.languages.getDiagnostics(u).filter((d) => d.source === 'claimbook' && d.severity <= vscode.DiagnosticSeverity.Warning);
const docOf = (u: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());

async function run(command: string, script: Script): Promise<{ outcome: Outcome; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(script);
  api.setPrompter(prompter);
  try {
    const outcome = await vscode.commands.executeCommand<Outcome>(command);
    return { outcome, prompter };
  } finally {
    api.setPrompter(undefined);
  }
}

/** Opens an article and selects each quote (first occurrences). */
async function select(articlePath: string, ...quotes: string[]): Promise<vscode.TextEditor> {
  const editor = await openInEditor(uri(articlePath));
  const text = editor.document.getText();
  editor.selections = quotes.map((q) => {
    const at = text.indexOf(q);
    assert.ok(at >= 0, `"${q}" is in ${articlePath}`);
    return new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + q.length));
  });
  return editor;
}

async function revert(u: vscode.Uri): Promise<void> {
  const doc = docOf(u);
  if (!doc?.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('tagging: selections become claims', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
  });

  afterEach(async () => {
    api.setPrompter(undefined);
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await revert(doc.uri);
    await api.validateAll();
  });

  it('tags a selection end to end: exact anchor, comments kept, clean for `claimbook check`, undone by one undo', async () => {
    const before = await onDisk(SIDECAR);
    const editor = await select(ARTICLE, SENTENCE);
    const validated = waitForEvent(api.onDidValidate, () => true, 'validation after tagging');
    const { outcome, prompter } = await run('claimbook.tagSelection', { actor: 'eu', commitment: 'rearmament', stance: 'report' });
    assert.deepEqual(prompter.problems, []);
    assert.equal(outcome.status, 'written', JSON.stringify(outcome));
    const id = outcome.status === 'written' ? (outcome.ids[0] as string) : '';
    assert.match(id, /^c-[a-z0-9]{6}$/);
    // The actor pick offers the actor named in the selection first.
    assert.equal(prompter.picks[0]?.items.find((i) => !i.separator)?.id, 'eu');

    const sidecarDoc = docOf(uri(SIDECAR));
    assert.ok(sidecarDoc?.isDirty, 'the sidecar buffer holds the new claim, unsaved');
    const text = sidecarDoc.getText();
    assert.ok(text.startsWith('# Claims for the article named below'), 'the leading comment survives');
    const claim = loadSidecarFile(SIDECAR, text).model.claims.find((c) => c.id === id);
    assert.ok(claim?.quote, 'the claim has a quote');
    const article = TextIndex.of(editor.document.getText());
    assert.equal(claim.quote.exact, SENTENCE);
    assert.equal(article.sliceCp(claim.quote.start, claim.quote.end), SENTENCE, 'offsets point at the quote');
    assert.equal(claim.quote.start, article.rawToCp(editor.document.getText().indexOf(SENTENCE)));
    assert.deepEqual([claim.actor, claim.commitment, claim.stance], ['eu', 'rearmament', 'report']);
    assert.ok(claim.annotator, 'an annotator is recorded');
    const starts = loadSidecarFile(SIDECAR, text).model.claims.map((c) => c.quote?.start ?? -1);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'claims stay sorted by start');

    await validated;
    await waitForDiagnostics(uri(SIDECAR), (ds) => !ds.some((d) => d.source === 'claimbook' && d.severity <= vscode.DiagnosticSeverity.Warning));
    assert.deepEqual(problems(uri(ARTICLE)).map((d) => d.message), []);

    await sidecarDoc.save();
    const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
    const check = spawnSync(process.execPath, [cli, 'check', workspaceRoot().fsPath, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    const findings = JSON.parse(check.stdout || '[]') as Array<{ file: string; severity: string; rule: string; id?: string }>;
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), [], check.stderr);
    assert.equal(check.status, 0, check.stderr);
    log(`claimbook check after tagging: ${findings.length} findings, exit ${check.status}`);

    await vscode.window.showTextDocument(sidecarDoc);
    await vscode.commands.executeCommand('undo');
    assert.equal(sidecarDoc.getText(), before, 'one undo removes the claim');
    await sidecarDoc.save();
  });

  it('escape at any step writes nothing', async () => {
    const before = await onDisk(SIDECAR);
    const answers: Script = { actor: 'macron', commitment: 'troop-deployment', stance: 'conditional', condition: 'once a ceasefire holds', 'field:location': 'Ukraine' };
    for (const step of ['actor', 'commitment', 'stance', 'condition', 'field:location']) {
      await select(ARTICLE, SENTENCE);
      const { outcome } = await run('claimbook.tagSelection', { ...answers, [step]: undefined });
      assert.deepEqual(outcome, { status: 'cancelled', step });
      const doc = docOf(uri(SIDECAR));
      assert.ok(!doc?.isDirty, `no edit after escaping at ${step}`);
      assert.equal(await onDisk(SIDECAR), before);
    }
  });

  it('several selections become several claims with the same answers; required values are checked as typed', async () => {
    await select(ARTICLE, 'security guarantees', SENTENCE);
    const { outcome, prompter } = await run('claimbook.tagSelection', { actor: 'macron', commitment: 'troop-deployment', stance: 'conditional', condition: 'once a ceasefire holds', 'field:location': 'Ukraine' });
    assert.deepEqual(prompter.problems, []);
    assert.equal(outcome.status, 'written');
    const ids = outcome.status === 'written' ? outcome.ids : [];
    assert.equal(ids.length, 2);
    const condition = prompter.inputs.find((i) => i.step === 'condition');
    assert.match(condition?.validate?.('  ') ?? '', /required/);
    const claims = loadSidecarFile(SIDECAR, docOf(uri(SIDECAR))?.getText() ?? '').model.claims.filter((c) => ids.includes(c.id ?? ''));
    assert.deepEqual(claims.map((c) => [c.actor, c.stance, c.condition, c.fields.get('location')]), [
      ['macron', 'conditional', 'once a ceasefire holds', 'Ukraine'],
      ['macron', 'conditional', 'once a ceasefire holds', 'Ukraine'],
    ]);
    await waitForDiagnostics(uri(SIDECAR), (ds) => !ds.some((d) => d.source === 'claimbook' && d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('in a CRLF article, after an emoji, offsets are code points of the normalised text; a new sidecar is created', async () => {
    const articlePath = 'articles/zz-crlf-emoji.txt';
    const sidecarPath = 'articles/zz-crlf-emoji.claims.yaml';
    const raw = 'Flags 🇫🇷🇩🇪 at the summit.\r\nMacron said 🙂 France would send troops to Ukraine.\r\nEnd.\r\n';
    await vscode.workspace.fs.writeFile(uri(articlePath), new TextEncoder().encode(raw));
    try {
      await api.validateAll();
      const editor = await select(articlePath, 'France would send troops');
      assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
      const { outcome, prompter } = await run('claimbook.tagSelection', { actor: 'france', commitment: 'troop-deployment', stance: 'pledge', 'field:location': 'Ukraine' });
      assert.deepEqual(prompter.problems, []);
      assert.equal(outcome.status, 'written', JSON.stringify(outcome));
      const created = docOf(uri(sidecarPath))?.getText() ?? (await onDisk(sidecarPath));
      const claim = loadSidecarFile(sidecarPath, created).model.claims[0];
      // "Flags " 6 + 4 flag code points + " at the summit." 15 + LF 1 + "Macron said " 12 + emoji 1 + " " 1.
      assert.deepEqual([claim?.quote?.start, claim?.quote?.end], [40, 64]);
      assert.match(created, /^article: zz-crlf-emoji\.txt\ntext-sha256: [0-9a-f]{64}\nclaims:\n/);
      await waitForDiagnostics(uri(articlePath), (ds) => !ds.some((d) => d.source === 'claimbook' && d.severity <= vscode.DiagnosticSeverity.Information));
      await waitForDiagnostics(uri(sidecarPath), (ds) => !ds.some((d) => d.source === 'claimbook' && d.severity <= vscode.DiagnosticSeverity.Information));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const p of [sidecarPath, articlePath]) await vscode.workspace.fs.delete(uri(p)).then(undefined, () => undefined);
      await api.validateAll();
    }
  });

  it('a sidecar with a syntax error is not rewritten: the command says why and shows the problem', async () => {
    const sidecar = await vscode.workspace.openTextDocument(uri(SIDECAR));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(sidecar.uri, sidecar.positionAt(sidecar.getText().indexOf('claims:')), 'broken: [unclosed\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const broken = sidecar.getText();
    await select(ARTICLE, SENTENCE);
    const { outcome, prompter } = await run('claimbook.tagSelection', { actor: 'eu', commitment: 'rearmament', stance: 'report' });
    assert.equal(outcome.status, 'refused');
    assert.match(outcome.status === 'refused' ? outcome.reason : '', /has a YAML syntax error at line \d+/);
    assert.equal(prompter.picks.length, 0, 'no question asked before refusing');
    assert.equal(sidecar.getText(), broken, 'the broken sidecar is untouched');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), sidecar.uri.toString(), 'the problem is shown');
  });

  it('edits, re-stances, deletes and navigates claims at the cursor, and toggles article and sidecar', async () => {
    const editor = await openInEditor(uri(ARTICLE));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const v = api.controller.validationFor(uri(ARTICLE));
    const ctx = v?.result.sidecars.find((s) => s.sidecar.path === SIDECAR);
    const anchored = (ctx?.claims ?? []).filter((c) => c.anchor).sort((a, b) => (a.anchor?.start ?? 0) - (b.anchor?.start ?? 0));
    const first = anchored.find((c) => (c.anchor?.start ?? 0) > 0) ?? anchored[0];
    assert.ok(first?.claim.id);

    const next = await vscode.commands.executeCommand<Outcome>('claimbook.nextClaim');
    assert.equal(next.status, 'moved');
    assert.deepEqual(next.status === 'moved' ? next.ids : [], [first.claim.id]);
    const index = TextIndex.of(editor.document.getText());
    assert.equal(editor.document.offsetAt(editor.selection.active), index.cpToRaw(first.anchor?.start ?? 0));

    const toSidecar = await vscode.commands.executeCommand<Outcome>('claimbook.openSidecar');
    assert.equal(toSidecar.status, 'moved');
    const sidecarEditor = vscode.window.activeTextEditor;
    assert.equal(sidecarEditor?.document.uri.toString(), uri(SIDECAR).toString());
    assert.match(sidecarEditor?.document.lineAt(sidecarEditor.selection.active.line).text ?? '', new RegExp(`- id: ${first.claim.id}`));
    const back = await vscode.commands.executeCommand<Outcome>('claimbook.openArticle');
    assert.equal(back.status, 'moved');
    const articleEditor = vscode.window.activeTextEditor;
    assert.equal(articleEditor?.document.uri.toString(), uri(ARTICLE).toString());
    assert.equal(articleEditor?.document.getText(articleEditor.selection), first.claim.quote?.exact);

    const changed = await run('claimbook.changeStance', { stance: 'proposal' });
    assert.deepEqual(changed.prompter.problems, []);
    assert.equal(changed.outcome.status, 'written');
    assert.equal(changed.prompter.picks[0]?.activeId, first.claim.stance, 'the current stance is preselected');
    const afterChange = loadSidecarFile(SIDECAR, docOf(uri(SIDECAR))?.getText() ?? '').model.claims.find((c) => c.id === first.claim.id);
    assert.equal(afterChange?.stance, 'proposal');

    await api.validateAll();
    const edited = await run('claimbook.editClaim', { actor: 'nato', commitment: first.claim.commitment ?? '', stance: 'proposal', 'field:location': 'Ukraine', condition: 'x' });
    assert.equal(edited.outcome.status, 'written', JSON.stringify(edited));
    assert.equal(loadSidecarFile(SIDECAR, docOf(uri(SIDECAR))?.getText() ?? '').model.claims.find((c) => c.id === first.claim.id)?.actor, 'nato');

    await api.validateAll();
    const deleted = await run('claimbook.deleteClaimAtCursor', {});
    assert.equal(deleted.outcome.status, 'written');
    const remaining = loadSidecarFile(SIDECAR, docOf(uri(SIDECAR))?.getText() ?? '').model.claims.map((c) => c.id);
    assert.ok(!remaining.includes(first.claim.id), 'the claim is gone');
    assert.equal(remaining.length, (ctx?.claims.length ?? 0) - 1);
  });

  it('adds an actor from a selection and an alias to an actor, editing claimbook.yaml in place', async () => {
    const codebookUri = uri('claimbook.yaml');
    const before = await onDisk('claimbook.yaml');
    await select(ARTICLE, 'Paris');
    const added = await run('claimbook.addActor', { 'newActor.name': 'City of Paris', 'newActor.id': 'city-of-paris', 'newActor.type': 'organisation' });
    assert.deepEqual(added.prompter.problems, []);
    assert.equal(added.prompter.inputs.find((i) => i.step === 'newActor.id')?.value, 'city-of-paris', 'the id is suggested from the name');
    assert.equal(added.outcome.status, 'written');
    const text = docOf(codebookUri)?.getText() ?? '';
    assert.match(text, /\n {2}city-of-paris:\n {4}name: City of Paris\n {4}type: organisation\n {4}aliases: \[Paris, City of Paris\]\n/);
    for (const comment of before.match(/#.*$/gm) ?? []) assert.ok(text.includes(comment), `comment kept: ${comment}`);
    await revert(codebookUri);

    await select(ARTICLE, 'Paris');
    const alias = await run('claimbook.addAlias', { actor: 'france' });
    assert.equal(alias.outcome.status, 'written', JSON.stringify(alias.outcome));
    assert.match(docOf(codebookUri)?.getText() ?? '', /aliases: \[France, French, Paris\]/);
    await waitForDiagnostics(codebookUri, (ds) => !ds.some((d) => d.source === 'claimbook' && d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('New Dataset scaffolds a valid codebook in a folder, and refuses a folder that has one', async () => {
    const folder = uri('zz-new-dataset');
    await vscode.workspace.fs.createDirectory(folder);
    try {
      const outcome = await vscode.commands.executeCommand<Outcome>('claimbook.newDataset', folder);
      assert.equal(outcome.status, 'written');
      const text = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'claimbook.yaml')));
      assert.match(text, /^stances:\n {2}pledge:/m);
      const again = await vscode.commands.executeCommand<Outcome>('claimbook.newDataset', folder);
      assert.equal(again.status, 'refused');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await api.validateAll();
    }
  });
});

if (process.env.CLAIMBOOK_TEST_GREP?.includes('screenshot')) {
  describe('tagging: screenshot scene', () => {
    it('shows the actor pick for a selected quote', async () => {
      api = await activateExtension<ClaimbookApi>();
      await api.validateAll();
      await vscode.commands.executeCommand('workbench.action.closeSidebar').then(undefined, () => undefined);
      const editorConfig = vscode.workspace.getConfiguration('editor');
      await editorConfig.update('wordWrap', 'on', vscode.ConfigurationTarget.Workspace);
      const editor = await select(ARTICLE, SENTENCE);
      editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
      // The real quick picks, with a signal once the first one is on screen.
      const real = new QuickInputPrompter();
      let opened: () => void = () => undefined;
      const shown = new Promise<void>((resolve) => (opened = resolve));
      api.setPrompter({
        pick: (request) => {
          const answer = real.pick(request);
          opened();
          return answer;
        },
        input: (request) => real.input(request),
      });
      void vscode.commands.executeCommand('claimbook.tagSelection');
      await shown;
      try {
        await screenshotHandshake();
      } finally {
        await editorConfig.update('wordWrap', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
}
