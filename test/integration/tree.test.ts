// The Claimbook views inside a real VS Code, on the samples: counts match `claimbook stats`,
// clicking a claim selects its quote, the tree follows edits of sidecars and the codebook,
// filters narrow it, conflicts open side by side. Every wait is on an event, never a sleep.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import type { ExploreNode, GroupNode } from '../../src/core/explore';
import type { TreeNode } from '../../src/extension/tree/nodeStore';
import type { PairNode } from '../../src/extension/tree/conflictsView';
import { activateExtension, openInEditor, waitForEvent, workspaceRoot, revertDirtyDocuments } from './workspace';
import { screenshotHandshake } from './screenshot';
import { ScriptedPrompter } from './scripted';

const REPO = path.resolve(__dirname, '..', '..', '..');
const OUTCOMES = 'articles/2026-01-06-outcomes-of-the-paris-summit';
const PARIS = 'articles/paris-summit-advances-security-guarantees-for-ukraine';

let api: ClaimbookApi;

const uri = (p: string) => vscode.Uri.joinPath(workspaceRoot(), ...p.split('/'));
const read = async (p: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(p)));
const groupsOf = (nodes: TreeNode<ExploreNode>[]) => nodes.filter((n): n is TreeNode<GroupNode> => n.data.kind === 'group');

/** Resolves once `probe` returns something, checking now and after each explorer refresh. */
async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  const now = probe();
  if (now !== undefined) return now;
  await waitForEvent(api.explorer.onDidRefresh, () => probe() !== undefined, what);
  return probe() as T;
}

/** `claimbook stats --format json` on the test workspace, from the CLI the build produced. */
function cliStats(): { byActor: Record<string, number> } {
  const out = execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'stats', workspaceRoot().fsPath, '--format', 'json'], {
    encoding: 'utf8',
    // Under Electron (the desktop runner) execPath is the app: make it behave as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return JSON.parse(out) as { byActor: Record<string, number> };
}

/** A claim block for the end of a sidecar, anchored exactly on `quote` in `articleText`. */
function claimBlock(id: string, fields: string, quote: string, articleText: string): string {
  const at = articleText.indexOf(quote);
  assert.ok(at >= 0, `"${quote}" is in the article`);
  const start = [...articleText.slice(0, at).replace(/\r\n?/g, '\n')].length;
  const end = start + [...quote].length;
  return `\n  - id: ${id}\n${fields}    quote:\n      exact: ${JSON.stringify(quote)}\n      start: ${start}\n      end: ${end}\n`;
}

async function append(doc: vscode.TextDocument, text: string): Promise<void> {
  const e = new vscode.WorkspaceEdit();
  e.insert(doc.uri, doc.positionAt(doc.getText().length), text);
  assert.ok(await vscode.workspace.applyEdit(e), 'edit applied');
}

function claimNode(id: string): TreeNode<ExploreNode> | undefined {
  return api.explorer.claims.nodes().find((n) => n.data.kind === 'claim' && n.data.row.id === id);
}

describe('tree: the Claimbook views', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
    await vscode.commands.executeCommand('workbench.view.extension.claimbook');
  });

  afterEach(async () => {
    await revertDirtyDocuments();
    await vscode.commands.executeCommand('claimbook.clearClaimFilter');
    await vscode.commands.executeCommand('claimbook.groupClaims', 'actor');
    await api.validateAll();
  });

  it('lists actors first, with the counts of `claimbook stats`', async () => {
    const expected = cliStats().byActor;
    const top = groupsOf(api.explorer.claims.getChildren());
    assert.equal(top.length, Object.keys(expected).length);
    assert.deepEqual(Object.fromEntries(top.map((g) => [g.data.key, g.data.count])), expected);
    const france = top.find((g) => g.data.key === 'france');
    assert.ok(france);
    const item = api.explorer.claims.getTreeItem(france);
    assert.equal(item.label, 'France');
    assert.match(String(item.description), /^1\b/);
  });

  it('answers "what did France commit to, conditionally, and where" in three clicks, selecting the quote', async () => {
    const france = groupsOf(api.explorer.claims.getChildren()).find((g) => g.data.key === 'france')!;
    const commitment = groupsOf(api.explorer.claims.getChildren(france))[0]!;
    assert.equal(commitment.data.label, 'Deploy troops');
    const claim = api.explorer.claims.getChildren(commitment)[0]!;
    assert.equal(claim.data.kind, 'claim');
    if (claim.data.kind !== 'claim') return;
    const item = api.explorer.claims.getTreeItem(claim);
    assert.match(String(item.description), /^Conditional pledge · 2026-01-06-outcomes-of-the-paris-summit/);
    assert.equal(item.command?.command, 'claimbook.revealClaim');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(editor.document.uri.toString(), uri(`${OUTCOMES}.txt`).toString());
    assert.equal(editor.document.getText(editor.selection), claim.data.row.quote);
    assert.match(editor.document.getText(editor.selection), /^France and the UK’s readiness to deploy forces/);
  });

  it('adds a node when a claim is added to a sidecar, refreshing only its group, and removes it on delete', async () => {
    const sidecar = `${PARIS}.claims.yaml`;
    const doc = (await openInEditor(uri(sidecar))).document;
    const original = doc.getText();
    const eu = () => groupsOf(api.explorer.claims.getChildren()).find((g) => g.data.key === 'eu');
    const before = eu()!.data.count;
    const fired: Array<TreeNode<ExploreNode> | TreeNode<ExploreNode>[] | undefined> = [];
    const listening = api.explorer.claims.onDidChangeTreeData((e) => fired.push(e));
    const quote = 'For the EU, the talks also highlight the urgency of building a more independent and resilient defense posture';
    await append(doc, claimBlock('c-tree01', '    actor: eu\n    commitment: rearmament\n    stance: report\n    annotator: tree-test\n', quote, await read(`${PARIS}.txt`)));
    const added = await until(() => claimNode('c-tree01'), 'the new claim in the Claims view');
    listening.dispose();
    assert.equal(eu()!.data.count, before + 1);
    assert.equal(added.parent?.data.kind === 'group' && added.parent.data.key, 'rearmament');
    assert.ok(fired.length > 0 && fired.every((e) => Array.isArray(e) && e.every((n) => n.id.startsWith('actor:actor=eu'))), `only the eu group refreshed: ${JSON.stringify(fired.map((e) => (Array.isArray(e) ? e.map((n) => n.id) : e)))}`);
    assert.deepEqual(added.data.kind === 'claim' && added.data.row.badges, []);

    assert.equal(await vscode.commands.executeCommand('claimbook.deleteClaim', added), true);
    await until(() => (claimNode('c-tree01') ? undefined : true), 'the deleted claim gone from the Claims view');
    assert.equal(eu()!.data.count, before);
    assert.equal(doc.getText(), original, 'deleting the claim restores the sidecar exactly');
  });

  it('badges a claim whose quote no longer matches, and re-anchors it from the context menu', async () => {
    const doc = (await openInEditor(uri(`${OUTCOMES}.claims.yaml`))).document;
    const original = doc.getText();
    const at = original.indexOf('readiness to deploy forces');
    const e = new vscode.WorkspaceEdit();
    e.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'readiness'.length)), 'readyness');
    assert.ok(await vscode.workspace.applyEdit(e));
    const troubled = await until(() => {
      const n = claimNode('c-7ybtvr');
      return n?.data.kind === 'claim' && n.data.row.badges.length > 0 ? n : undefined;
    }, 'a badge on the edited claim');
    const item = api.explorer.claims.getTreeItem(troubled);
    assert.match(String(item.contextValue), /\breanchorable\b/);
    assert.match(String(item.description), /⚠/);
    assert.equal((item.resourceUri as vscode.Uri).scheme, 'claimbook-explorer', 'a coloured badge through a file decoration');
    assert.equal(await vscode.commands.executeCommand('claimbook.reanchorClaim', troubled), true);
    await until(() => {
      const n = claimNode('c-7ybtvr');
      return n?.data.kind === 'claim' && n.data.row.badges.length === 0 ? n : undefined;
    }, 'the badge gone after re-anchoring');
    assert.equal(doc.getText(), original);
  });

  it('copies a claim as JSON and opens it in its sidecar', async () => {
    const node = claimNode('c-7ybtvr')!;
    const json = await vscode.commands.executeCommand<string>('claimbook.copyClaimAsJson', node);
    assert.deepEqual(JSON.parse(json), { ...JSON.parse(json), id: 'c-7ybtvr', actor: 'france', stance: 'conditional', sidecar: `${OUTCOMES}.claims.yaml` });
    await vscode.commands.executeCommand('claimbook.openClaimInSidecar', node);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri(`${OUTCOMES}.claims.yaml`).toString());
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /- id: c-7ybtvr/);
  });

  it('narrows the tree with a filter shown in the view description, and clears it', async () => {
    const all = api.explorer.claims.getChildren().length;
    await vscode.commands.executeCommand('claimbook.filterClaims', { actor: 'france', stance: 'conditional' });
    const top = groupsOf(api.explorer.claims.getChildren());
    assert.deepEqual(top.map((g) => [g.data.key, g.data.count]), [['france', 1]]);
    assert.equal(api.explorer.claimsTree.description, 'actor: France · stance: Conditional pledge');
    await vscode.commands.executeCommand('claimbook.filterClaims', { problemsOnly: true });
    // The samples' one problem is their contradiction: Europe's two claims on troop deployment.
    assert.deepEqual(groupsOf(api.explorer.claims.getChildren()).map((g) => [g.data.key, g.data.count]), [['europe', 2]]);
    await vscode.commands.executeCommand('claimbook.clearClaimFilter');
    assert.equal(api.explorer.claims.getChildren().length, all);
    assert.equal(api.explorer.claimsTree.description, undefined);
  });

  it('switches grouping to articles and to commitments, and remembers it', async () => {
    await vscode.commands.executeCommand('claimbook.groupClaims', 'article');
    assert.equal(api.explorer.model.grouping, 'article');
    const articles = groupsOf(api.explorer.claims.getChildren()).map((g) => g.data.key);
    assert.deepEqual(articles, [...articles].sort());
    assert.ok(articles.includes(`${OUTCOMES}.txt`));
    await vscode.commands.executeCommand('claimbook.groupClaims', 'commitment');
    const first = groupsOf(api.explorer.claims.getChildren())[0]!;
    assert.equal(first.data.dimension, 'commitment');
    assert.equal(groupsOf(api.explorer.claims.getChildren(first))[0]?.data.dimension, 'actor');
  });

  it('shows the claims of the article in the editor beside it, in the order of its text, with whole quotes on hover', async () => {
    const grouping = api.explorer.model.grouping;
    await openInEditor(uri(`${OUTCOMES}.txt`));
    const filter = await vscode.commands.executeCommand('claimbook.showArticleClaims');
    assert.deepEqual(filter, { article: `${OUTCOMES}.txt` });
    assert.equal(api.explorer.model.grouping, 'article');
    const groups = groupsOf(api.explorer.claims.getChildren());
    assert.deepEqual(groups.map((g) => g.data.key), [`${OUTCOMES}.txt`]);
    const claims = api.explorer.claims.getChildren(groups[0]) as Array<TreeNode<ExploreNode>>;
    const starts = claims.map((n) => (n.data.kind === 'claim' ? (n.data.row.span?.start ?? -1) : -1));
    assert.ok(starts.length > 1 && starts.every((x) => x >= 0), 'every claim anchored');
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'in text order');
    const first = claims[0]!;
    const tooltip = api.explorer.claims.getTreeItem(first).tooltip as vscode.MarkdownString;
    // The hover's markdown escapes punctuation (and may encode it): compare the words.
    const words = (t: string): string => t.replace(/&[a-z]+;|&#\d+;/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (first.data.kind === 'claim') assert.ok(words(tooltip.value).includes(words(first.data.row.quote)), `whole quote in the hover: ${tooltip.value}`);
    await vscode.commands.executeCommand('claimbook.clearClaimFilter');
    await vscode.commands.executeCommand('claimbook.groupClaims', grouping);
  });

  it('marks an actor no claim uses in the Codebook view, and opens its entry', async () => {
    assert.equal(api.explorer.codebook.entry('actor', 'france')?.data.unused, false);
    const doc = (await openInEditor(uri('claimbook.yaml'))).document;
    const at = doc.getText().indexOf('\nactors:\n') + '\nactors:\n'.length;
    const e = new vscode.WorkspaceEdit();
    e.insert(doc.uri, doc.positionAt(at), '  tree-test-actor:\n    name: Tree Test Actor\n    type: state\n');
    assert.ok(await vscode.workspace.applyEdit(e));
    const node = await until(() => api.explorer.codebook.entry('actor', 'tree-test-actor'), 'the new actor in the Codebook view');
    assert.equal(node.data.unused, true);
    const item = api.explorer.codebook.getTreeItem(node);
    assert.match(String(item.contextValue), /\bunused\b/);
    assert.match(String(item.description), /unused/);
    assert.equal(node.parent?.data.key, 'state');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('claimbook.openCodebookEntry', node);
    assert.equal(editor.document.getText(editor.selection), 'tree-test-actor');
  });

  it('shows the claims of a codebook entry through the filter', async () => {
    const node = api.explorer.codebook.entry('commitment', 'military-support')!;
    await vscode.commands.executeCommand('claimbook.showClaims', node);
    assert.deepEqual(api.explorer.model.filter, { commitment: 'military-support' });
    const total = groupsOf(api.explorer.claims.getChildren()).reduce((n, g) => n + g.data.count, 0);
    assert.equal(total, node.data.total);
  });

  it('lists a contradiction in the Conflicts view and opens both claims side by side', async () => {
    const samplePairs = api.explorer.conflicts.getChildren().map((n) => n.data as PairNode);
    assert.deepEqual(samplePairs.map((n) => [n.pair.actor, n.pair.commitment, n.pair.sameArticle]), [['europe', 'troop-deployment', false]], "the samples' one contradiction");
    const doc = (await openInEditor(uri(`${OUTCOMES}.claims.yaml`))).document;
    const quote = 'without direct deployment of German troops on Ukrainian soil';
    await append(doc, claimBlock('c-tree02', '    actor: france\n    commitment: troop-deployment\n    stance: refusal\n    fields: { location: Ukraine }\n', quote, await read(`${OUTCOMES}.txt`)));
    const pair = await until(() => api.explorer.conflicts.getChildren().find((n) => (n.data as PairNode).pair.actor === 'france'), 'a conflict');
    assert.equal(pair.data.kind, 'pair');
    const p = (pair.data as PairNode).pair;
    assert.deepEqual([p.actor, p.a.stance, p.b.stance, p.sameArticle], ['france', 'conditional', 'refusal', true]);
    assert.equal(api.explorer.conflictsTree.description, '2 contradicting pairs');
    const editors = await vscode.commands.executeCommand<vscode.TextEditor[]>('claimbook.openConflict', pair);
    assert.deepEqual(editors.map((e) => e.document.getText(e.selection)), [p.a.quote, quote]);
    assert.notEqual(editors[0]?.viewColumn, editors[1]?.viewColumn);
    assert.ok(claimNode('c-tree02')?.data.kind === 'claim');
  });

  it('changes the stance of a claim from its context menu, through the tagging command', async () => {
    const rows = api.explorer.model.datasets()[0]!.rows;
    const mid = (r: (typeof rows)[number]) => (r.span!.start + r.span!.end) >> 1;
    const alone = rows.find((r) => r.span && r.stance === 'pledge' && !rows.some((o) => o !== r && o.articlePath === r.articlePath && o.span && o.span.start <= mid(r) && mid(r) <= o.span.end))!;
    assert.ok(alone, 'a pledge whose middle no other claim covers');
    const node = api.explorer.claims.claimNode(workspaceRoot(), alone.key)!;
    api.setPrompter(new ScriptedPrompter({ stance: 'proposal' }));
    try {
      const outcome = await vscode.commands.executeCommand<{ status: string }>('claimbook.changeStanceInView', node);
      assert.equal(outcome.status, 'written');
    } finally {
      api.setPrompter(undefined);
    }
    const changed = await until(() => {
      const n = api.explorer.claims.nodes().find((x) => x.data.kind === 'claim' && x.data.row.key === alone.key);
      return n?.data.kind === 'claim' && n.data.row.stance === 'proposal' ? n : undefined;
    }, 'the new stance in the Claims view');
    assert.match(String(api.explorer.claims.getTreeItem(changed).description), /^Proposal · /);
  });

  it('adds an alias to an actor from the Codebook view', async () => {
    const node = api.explorer.codebook.entry('actor', 'france')!;
    assert.equal(await vscode.commands.executeCommand('claimbook.addAliasInView', node, 'the Élysée'), true);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri('claimbook.yaml').toString())!;
    assert.match(doc.getText(), /france:\n {4}name: France\n {4}type: state\n {4}aliases: \[France, French, "the Élysée"\]/);
  });

  it('follows the cursor to the claim under it', async () => {
    await vscode.workspace.getConfiguration('claimbook').update('explorer.followCursor', true, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openInEditor(uri(`${OUTCOMES}.txt`));
      const at = editor.document.getText().indexOf('readiness to deploy forces');
      editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
      const followed = await api.explorer.followCursor.follow(editor);
      assert.equal(followed?.kind === 'claim' && followed.row.id, 'c-7ybtvr');
      assert.deepEqual(api.explorer.claimsTree.selection.map((n) => n.id), [followed?.id]);
    } finally {
      await vscode.workspace.getConfiguration('claimbook').update('explorer.followCursor', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('leaves the views open on a revealed claim (the README screenshot)', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('wordWrap', 'on', vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.view.extension.claimbook');
      await vscode.commands.executeCommand('workbench.actions.treeView.claimbook.claims.collapseAll');
      const france = groupsOf(api.explorer.claims.getChildren()).find((g) => g.data.key === 'france')!;
      const claim = api.explorer.claims.getChildren(groupsOf(api.explorer.claims.getChildren(france))[0])[0]!;
      // Neighbours of France opened too, so the picture shows stances in their colours.
      for (const key of ['kushner', 'merz', 'nato', 'united-kingdom']) {
        const actor = groupsOf(api.explorer.claims.getChildren()).find((g) => g.data.key === key)!;
        for (const g of groupsOf(api.explorer.claims.getChildren(actor))) {
          for (const c of api.explorer.claims.getChildren(g)) await api.explorer.claimsTree.reveal(c, { select: false });
        }
      }
      await api.explorer.claimsTree.reveal(claim, { select: true, focus: true });
      await vscode.commands.executeCommand('workbench.action.focusSideBar');
      for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      await vscode.commands.executeCommand('claimbook.revealClaim', claim);
      await screenshotHandshake();
    } finally {
      await editorConfig.update('wordWrap', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
