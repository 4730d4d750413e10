// The annotator's day in a real VS Code (issue 19): a broken codebook or sidecar is loud in
// every view and the status bar; articles wrap; progress and the next untagged mention; New
// Article leading to a first tag; the stance legend; hover ids unescaped; and the sequence after
// which "Filter Claims…" used to do nothing. Every wait is on an event, never a sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { computeStats } from '../../src/core';
import type { ExploreNode, NoticeNode } from '../../src/core/explore';
import type { ClaimbookApi } from '../../src/extension/api';
import type { Outcome } from '../../src/extension/tagging/services';
import type { TreeNode } from '../../src/extension/tree/nodeStore';
import { screenshotHandshake } from './screenshot';
import { ScriptedPrompter, type Script } from './scripted';
import { activateExtension, extension, openInEditor, waitForDiagnostics, workspaceRoot, revertDirtyDocuments } from './workspace';

let api: ClaimbookApi;
const PARIS = 'articles/paris-summit-advances-security-guarantees-for-ukraine';
const CHIEFS = 'articles/2025-03-11-military-chiefs-meet-in-paris';
const SENTENCE = 'For the EU, the talks also highlight the urgency of building a more independent and resilient defense posture';
const uri = (p: string) => vscode.Uri.joinPath(workspaceRoot(), ...p.split('/'));
const docOf = (u: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString());
const rule = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function run(command: string, script: Script, ...args: unknown[]): Promise<{ outcome: Outcome; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(script);
  api.setPrompter(prompter);
  try {
    return { outcome: await vscode.commands.executeCommand<Outcome>(command, ...args), prompter };
  } finally {
    api.setPrompter(undefined);
  }
}

/** Resolves once `probe` holds, checking now and after each validation and explorer refresh. */
async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  const now = probe();
  if (now !== undefined) return now;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (probe() === undefined) return;
      subs.forEach((s) => s.dispose());
      clearTimeout(timer);
      resolve();
    };
    const subs = [api.explorer.onDidRefresh(check), api.onDidValidate(check)];
    const timer = setTimeout(() => {
      subs.forEach((s) => s.dispose());
      reject(new Error(`timed out waiting for ${what}`));
    }, 15_000);
  });
  return probe() as T;
}

async function replaceIn(doc: vscode.TextDocument, search: string | RegExp, by: string): Promise<void> {
  const text = doc.getText();
  const m = typeof search === 'string' ? { index: text.indexOf(search), 0: search } : search.exec(text);
  assert.ok(m && m.index >= 0, `${String(search)} is in ${doc.uri.path}`);
  const e = new vscode.WorkspaceEdit();
  e.replace(doc.uri, new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length)), by);
  assert.ok(await vscode.workspace.applyEdit(e), 'edit applied');
}

/** Tags SENTENCE in the Paris article as the EU's report on rearmament (scripted answers). */
async function tagSentence(): Promise<{ outcome: Outcome; prompter: ScriptedPrompter }> {
  const article = await openInEditor(uri(`${PARIS}.txt`));
  const at = article.document.getText().indexOf(SENTENCE);
  article.selection = new vscode.Selection(article.document.positionAt(at), article.document.positionAt(at + SENTENCE.length));
  const tagged = await run('claimbook.tagSelection', { actor: 'eu', commitment: 'rearmament', stance: 'report' });
  assert.equal(tagged.outcome.status, 'written', JSON.stringify(tagged.outcome));
  return tagged;
}

/** Types the EU's name where its id belongs in the sidecar, then applies the light bulb's quick fix. */
async function fixActorTypedAsName(sidecar: vscode.TextDocument): Promise<void> {
  await replaceIn(sidecar, /^( {4}actor: )eu$/m, '    actor: "European Union"');
  const [diag] = (await waitForDiagnostics(sidecar.uri, (d) => d.some((x) => rule(x) === 'unknown-actor'))).filter((x) => rule(x) === 'unknown-actor');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecar.uri, diag!.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.edit);
  assert.ok(fix?.edit, `a quick fix among ${actions.map((a) => a.title).join(' | ')}`);
  await vscode.workspace.applyEdit(fix.edit);
  await waitForDiagnostics(sidecar.uri, (d) => !d.some((x) => rule(x) === 'unknown-actor'));
}

const notices = (nodes: Array<TreeNode<{ id: string; kind?: string }>>) => nodes.filter((n) => n.data.kind === 'notice').map((n) => n.data as unknown as NoticeNode);

describe('the annotator\'s day (issue 19)', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
    await vscode.commands.executeCommand('workbench.view.extension.claimbook');
  });

  afterEach(async () => {
    api.setPrompter(undefined);
    await revertDirtyDocuments();
    await vscode.commands.executeCommand('claimbook.clearClaimFilter');
    await vscode.commands.executeCommand('claimbook.groupClaims', 'actor');
    await api.validateAll();
  });

  it('a codebook with a syntax error: a notice in every view, an error in the status bar, plain words, and the skipped rules said', async () => {
    const article = (await openInEditor(uri(`${PARIS}.txt`))).document;
    const codebook = await vscode.workspace.openTextDocument(uri('claimbook.yaml'));
    // What the issue did: delete the colon after one `name`.
    await replaceIn(codebook, /^( {4}name): European Union$/m, '    name European Union');
    const line = codebook.getText().split('\n').findIndex((l) => l === '    name European Union') + 1;
    const claims = await until(() => {
      const n = notices(api.explorer.claims.roots());
      return n.length > 0 ? n : undefined;
    }, 'a notice in the Claims view');
    assert.match(claims[0]!.label, new RegExp(`^claimbook\\.yaml has a syntax error at line (${line}|${line + 1})$`));
    assert.doesNotMatch(claims[0]!.message, /Implicit keys/, 'plain words, not the parser\'s');
    assert.match(claims[0]!.message, /missing its ":"/);
    // The Codebook and Conflicts views draw no conclusions: only the notice.
    assert.deepEqual(api.explorer.codebook.roots().map((n) => n.data.kind), ['notice']);
    assert.deepEqual(api.explorer.conflicts.roots().map((n) => n.data.kind), ['notice']);
    const item = api.explorer.claims.getTreeItem(api.explorer.claims.roots()[0] as TreeNode<ExploreNode>);
    assert.equal(item.description, 'Open');
    assert.equal(item.command?.command, 'claimbook.openNotice');
    // The status bar: an error state, not counts.
    await vscode.window.showTextDocument(article);
    await until(() => (api.statusBar.text.includes('codebook unreadable') ? true : undefined), 'the status bar error state');
    assert.deepEqual(api.statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.errorBackground'));
    // The rules that need the codebook say they did not run.
    const ds = await waitForDiagnostics(codebook.uri, (d) => d.some((x) => rule(x) === 'codebook-unusable'));
    assert.match(ds.find((x) => rule(x) === 'codebook-unusable')!.message, /rules that need it did not run: unknown-actor/);
    await vscode.commands.executeCommand('workbench.view.extension.claimbook');
    await screenshotHandshake();
    // "Open" goes to the problem.
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(opened.document.uri.toString(), codebook.uri.toString());
    assert.ok(Math.abs(opened.selection.active.line + 1 - line) <= 1, `the cursor at line ${line} (is ${opened.selection.active.line + 1})`);
    // Fixed: the views come back.
    await replaceIn(codebook, '    name European Union', '    name: European Union');
    await until(() => (notices(api.explorer.claims.roots()).length === 0 && api.explorer.conflicts.roots().some((n) => n.data.kind === 'pair') ? true : undefined), 'the views back');
  });

  it('an unreadable sidecar: its claims are not silently gone, the Claims view says which file and where', async () => {
    const sidecar = (await openInEditor(uri(`${PARIS}.claims.yaml`))).document;
    await replaceIn(sidecar, /^claims:$/m, 'claims:\n  - id: "broken');
    const found = await until(() => notices(api.explorer.claims.roots()).find((n) => n.file === `${PARIS}.claims.yaml`), 'a notice for the sidecar');
    assert.match(found.label, /^paris-summit-advances-security-guarantees-for-ukraine\.claims\.yaml has a syntax error at line \d+$/);
    assert.match(found.message, /Its claims are not shown/);
    assert.match(found.message, /closing quote/);
  });

  it('articles open with word wrap: a language for articles with a wrapping default', async () => {
    const editor = await openInEditor(uri(`${PARIS}.txt`));
    assert.equal(editor.document.languageId, 'claimbook-article');
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'on');
  });

  it('the status bar shows the article\'s progress with the numbers of `claimbook stats`', async () => {
    const editor = await openInEditor(uri(`${PARIS}.txt`));
    await api.validateAll();
    const v = api.controller.validationFor(editor.document.uri)!;
    const claims = computeStats(v.result).byArticle[`${PARIS}.txt`];
    const m = await until(() => /^\$\(quote\) (\d+) claims · (\d+) % covered · (\d+) untagged mentions?/.exec(api.statusBar.text) ?? undefined, `progress in "${api.statusBar.text}"`);
    assert.equal(Number(m[1]), claims);
    const hints = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => rule(d) === 'untagged-mention').length;
    assert.equal(Number(m[3]), hints);
    assert.ok(Number(m[2]) > 0 && Number(m[2]) <= 100);
    assert.doesNotMatch(String(api.statusBar.tooltip), /\b1 claims\b/);
    // The Claims view grouped by article shows the same coverage.
    await vscode.commands.executeCommand('claimbook.groupClaims', 'article');
    const group = await until(() => api.explorer.claims.roots().find((n) => n.data.kind === 'group' && n.data.key === `${PARIS}.txt`), 'the article group');
    assert.match(String(api.explorer.claims.getTreeItem(group).description), new RegExp(`^${claims}( · .*)? · ${m[2]} % covered$`));
  });

  it('Next / Previous Untagged Mention select the hints in order, wrapping around', async () => {
    const editor = await openInEditor(uri(`${PARIS}.txt`));
    const hints = (await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => rule(x) === 'untagged-mention').length >= 2))
      .filter((x) => rule(x) === 'untagged-mention')
      .sort((a, b) => a.range.start.compareTo(b.range.start));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('claimbook.nextUntaggedMention');
    assert.ok(editor.selection.isEqual(hints[0]!.range), 'the first hint is selected');
    await vscode.commands.executeCommand('claimbook.nextUntaggedMention');
    assert.ok(editor.selection.isEqual(hints[1]!.range), 'then the second');
    await vscode.commands.executeCommand('claimbook.previousUntaggedMention');
    await vscode.commands.executeCommand('claimbook.previousUntaggedMention');
    assert.ok(editor.selection.isEqual(hints[hints.length - 1]!.range), 'previous from the first wraps to the last');
  });

  it('New Article from the clipboard creates articles/NAME.txt, opens it, and a first tag works there', async () => {
    const text = 'Leaders meet in Rome\nThe European Union pledged to fund the reconstruction of Ukrainian schools.\n';
    await vscode.env.clipboard.writeText(text);
    const { outcome, prompter } = await run('claimbook.newArticle', { 'article-source': 'clipboard', 'article-name': 'Leaders meet in Rome' });
    assert.deepEqual(prompter.problems, []);
    assert.deepEqual(outcome, { status: 'written', ids: [], file: 'articles/leaders-meet-in-rome.txt' });
    assert.equal(prompter.inputs[0]?.value, 'leaders-meet-in-rome', 'the headline suggests the name');
    const created = uri('articles/leaders-meet-in-rome.txt');
    try {
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), created.toString());
      assert.equal(editor.document.getText(), text);
      const quote = 'The European Union pledged to fund the reconstruction of Ukrainian schools';
      const at = text.indexOf(quote);
      editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + quote.length));
      const tagged = await run('claimbook.tagSelection', { actor: 'eu', commitment: 'reconstruction', stance: 'pledge' });
      assert.equal(tagged.outcome.status, 'written', JSON.stringify(tagged.outcome) + tagged.prompter.problems.join('; '));
    } finally {
      for (const p of ['articles/leaders-meet-in-rome.claims.yaml', 'articles/leaders-meet-in-rome.txt']) {
        const doc = docOf(uri(p));
        if (doc) {
          await vscode.window.showTextDocument(doc);
          await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
        await vscode.workspace.fs.delete(uri(p)).then(undefined, () => undefined);
      }
    }
  });

  it('the stance legend: stances in the Codebook view carry the coloured icon of the highlighting, as claims do; the hover shows it too', async () => {
    const pledge = api.explorer.codebook.entry('stance', 'pledge');
    assert.ok(pledge, 'the pledge stance in the Codebook view');
    const icon = api.explorer.codebook.getTreeItem(pledge).iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'pass-filled');
    assert.equal(icon.color?.id, 'claimbook.stance.pledge.foreground');
    assert.match(String(api.explorer.codebook.getTreeItem(pledge).tooltip), /claimbook\.stance\.pledge\.background/);
    const claim = api.explorer.claims.nodes().find((n) => n.data.kind === 'claim' && n.data.row.stance === 'pledge')!;
    const claimIcon = api.explorer.claims.getTreeItem(claim).iconPath as vscode.ThemeIcon;
    assert.deepEqual([claimIcon.id, claimIcon.color?.id], [icon.id, icon.color?.id]);
    // The README's legend scene: the Codebook view's stances beside a highlighted article and its hover.
    await vscode.commands.executeCommand('claimbook.codebook.focus');
    await vscode.commands.executeCommand('workbench.actions.treeView.claimbook.codebook.collapseAll');
    const stances = api.explorer.codebook.roots().find((n) => n.data.kind === 'section' && n.data.key === 'stances');
    const last = stances?.children[stances.children.length - 1];
    if (last) await api.explorer.codebookTree.reveal(last, { select: false, focus: false });
    await vscode.commands.executeCommand('claimbook.conflicts.focus');
    const editor = await openInEditor(uri(`${CHIEFS}.txt`));
    const at = editor.document.getText().indexOf('any deployment of European troops in Ukraine');
    editor.selection = new vscode.Selection(editor.document.positionAt(at + 10), editor.document.positionAt(at + 10));
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshotHandshake();
  });

  it('the hover shows ids as code without markdown escapes (troop-deployment, not troop\\-deployment)', async () => {
    const doc = (await openInEditor(uri(`${CHIEFS}.txt`))).document;
    await api.validateAll();
    const quote = 'any deployment of European troops in Ukraine would occur only after a peace deal is signed';
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf(quote) + 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /`troop-deployment`/);
    assert.doesNotMatch(text, /troop\\-deployment/);
    assert.match(text, /\$\(debug-breakpoint-conditional\) \*\*Conditional pledge\*\*/, 'the stance icon of the legend');
  });

  it('the walkthrough, step by step: every link runs a real command, and each step does what it says', async () => {
    const manifest = extension().packageJSON as { contributes: { walkthroughs: Array<{ steps: Array<{ id: string; description: string; media: { markdown: string } }> }> } };
    const steps = manifest.contributes.walkthroughs[0]!.steps;
    assert.deepEqual(steps.map((st) => st.id), ['dataset', 'tag', 'fix', 'explore']);
    const known = new Set(await vscode.commands.getCommands(true));
    for (const st of steps) {
      for (const [, command] of st.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(known.has(command!), `${st.id}: ${command} is a command`);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension().extensionUri, st.media.markdown));
    }
    // 1. Open the samples (this workspace is a copy of them): a dataset is found.
    assert.equal(api.controller.roots.all().length, 1);
    // 2. Tag a first claim.
    const tagged = await tagSentence();
    // 3. See a problem and fix it: the actor as a name, fixed from the light bulb.
    await fixActorTypedAsName(docOf(uri(`${PARIS}.claims.yaml`))!);
    // 4. Explore the views: the new claim is in the Claims view, the stances in the Codebook, the samples' pair in Conflicts.
    await vscode.commands.executeCommand('workbench.view.extension.claimbook');
    const id = tagged.outcome.status === 'written' ? tagged.outcome.ids[0] : '';
    await until(() => api.explorer.claims.nodes().find((n) => n.data.kind === 'claim' && n.data.row.id === id), 'the new claim in the Claims view');
    assert.ok(api.explorer.codebook.entry('stance', 'report'));
    assert.ok(api.explorer.conflicts.roots().some((n) => n.data.kind === 'pair'));
  });

  it('Filter Claims opens its pick after tagging, undo, a quick fix, a click in the tree and Group By → Article', async () => {
    // Tagging, then undo.
    await tagSentence();
    const sidecar = docOf(uri(`${PARIS}.claims.yaml`))!;
    await vscode.window.showTextDocument(sidecar);
    await vscode.commands.executeCommand('undo');
    // A quick fix: a name typed where an id belongs, fixed from the light bulb.
    await fixActorTypedAsName(sidecar);
    // A click in the tree: the node becomes the tree's focused element.
    const node = await until(() => api.explorer.claims.nodes().find((n) => n.data.kind === 'claim'), 'a claim node');
    await api.explorer.claimsTree.reveal(node, { select: true, focus: true });
    const item = api.explorer.claims.getTreeItem(node);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    // Group By → Article, from its pick.
    const grouped = await run('claimbook.groupClaims', { grouping: 'article' });
    assert.deepEqual(grouped.prompter.problems, []);
    assert.equal(api.explorer.model.grouping, 'article');
    // The title bar runs Filter Claims with the tree's focused node as argument (VS Code's view
    // title context: $focusedTreeItem → ExtHostTreeView.focusedElement). It must still ask.
    const focused = api.explorer.claimsTree.selection[0] ?? node;
    const filtered = await run('claimbook.filterClaims', { filter: 'stance', 'filter:stance': 'report' }, focused);
    assert.deepEqual(filtered.prompter.picks.map((p) => p.step), ['filter', 'filter:stance'], 'the pick opened');
    assert.deepEqual(api.explorer.model.filter, { stance: 'report' });
    assert.match(String(api.explorer.claimsTree.description), /stance: Reported/);
    // And from the palette (no argument) too.
    const again = await run('claimbook.filterClaims', { filter: 'clear' });
    assert.deepEqual(again.prompter.picks.map((p) => p.step), ['filter']);
    assert.deepEqual(api.explorer.model.filter, {});
  });
});
