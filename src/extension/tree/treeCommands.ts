/**
 * The explorer's commands: grouping and filter from the view title, and the actions on claim,
 * codebook and conflict nodes. Edits go through WorkspaceEdit (undoable) and only onto the text
 * the last validation saw; if a buffer moved on, the dataset is validated again first, and a file
 * changed by the time the edit is applied (on disk, or typed into during a pick) is not written.
 */
import * as vscode from 'vscode';
import { CODEBOOK_FILE as CODEBOOK_PATH, nodeRange, type Fix } from '../../core';
import { addAlias } from '../../core/edit';
import {
  FILTER_DIMENSIONS, GROUPINGS, GROUPING_TITLES, claimAsJson, describeFilter, filterChoices, isGrouping, parseFilter, removeClaimEdit,
  type ClaimFilter, type ClaimNode, type ClaimRow, type CodebookNode, type FilterDimension, type GroupNode, type NoticeNode,
} from '../../core/explore';
import { COMMANDS } from '../commandIds';
import type { Handler } from '../commands';
import { uriOf } from '../datasets';
import { GuardedEdit } from '../guardedEdit';
import type { ClaimExplorer } from './explorer';
import type { DatasetRows } from './explorerModel';
import { REANCHOR_RULES } from './items';
import { TreeNode } from './nodeStore';
import type { PairNode } from './conflictsView';
import type { PickItem, Prompter } from '../tagging/prompter';

export function explorerCommands(explorer: ClaimExplorer): Record<string, Handler> {
  const model = explorer.model;
  return {
    [COMMANDS.groupClaims]: async (mode) => {
      const chosen = isGrouping(mode) ? mode : await pickGrouping(explorer.prompter(), model.grouping);
      if (chosen) await model.setGrouping(chosen);
    },
    [COMMANDS.filterClaims]: async (arg) => {
      // From the view's title bar VS Code passes the tree's focused node (once anything in the
      // tree was clicked), not a filter: only a plain object is a filter given by a caller.
      const next = isPlainObject(arg) ? parseFilter(arg) : await pickFilter(explorer);
      if (next) model.setFilter(next);
    },
    [COMMANDS.clearClaimFilter]: () => model.setFilter({}),
    [COMMANDS.revealClaim]: (node) => revealClaim(explorer, claimOf(node)),
    [COMMANDS.deleteClaim]: (node) => deleteClaim(explorer, claimOf(node)),
    [COMMANDS.reanchorClaim]: (node) => reanchorClaim(explorer, claimOf(node)),
    [COMMANDS.openClaimInSidecar]: (node) => {
      const c = claimOf(node);
      return vscode.commands.executeCommand(COMMANDS.openClaim, c.row.sidecarPath, c.row.index);
    },
    [COMMANDS.copyClaimAsJson]: async (node) => {
      const { row } = claimOf(node);
      const json = JSON.stringify(claimAsJson(row), null, 2);
      await vscode.env.clipboard.writeText(json);
      vscode.window.setStatusBarMessage(`Claimbook: copied claim ${row.id ?? `#${row.index + 1}`} as JSON`, 3000);
      return json;
    },
    [COMMANDS.showClaims]: async (node) => {
      const filter = filterFor(node);
      if (!filter) return;
      model.setFilter(filter);
      await vscode.commands.executeCommand('claimbook.claims.focus');
    },
    [COMMANDS.showArticleClaims]: (uri) => showArticleClaims(explorer, uri),
    [COMMANDS.openCodebookEntry]: (node) => openCodebookEntry(explorer, node),
    [COMMANDS.openConflict]: (node) => openConflict(explorer, node),
    [COMMANDS.openNotice]: (node) => openNotice(explorer, node),
    // Editing a claim is the tagging commands' job; they act on the claim at the article's cursor.
    [COMMANDS.editClaimInView]: (node) => atClaim(explorer, claimOf(node), COMMANDS.editClaim),
    [COMMANDS.changeStanceInView]: (node) => atClaim(explorer, claimOf(node), COMMANDS.changeStance),
    [COMMANDS.addAliasInView]: (node, alias) => addAliasTo(explorer, node, alias),
    [COMMANDS.renameInView]: async (node) => {
      // The codebook's rename provider renames the id in the codebook and every sidecar.
      const editor = await openCodebookEntry(explorer, node, false);
      if (editor) await vscode.commands.executeCommand('editor.action.rename');
    },
  };
}

interface ClaimRef {
  row: ClaimRow;
  root: vscode.Uri;
}

/** The claim a command was invoked on: a claim node from any view. */
function claimOf(node: unknown): ClaimRef {
  if (node instanceof TreeNode && (node.data as { kind?: string }).kind === 'claim') return { row: (node.data as ClaimNode).row, root: node.root };
  throw new Error('run this command from a claim in the Claimbook views');
}

/** A filter handed over by a caller (`{ actor: 'france' }`), as opposed to a tree node or a URI. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  // `$treeViewId` marks a view context VS Code did not convert (no focused node): not a filter either.
  return (proto === Object.prototype || proto === null) && !('$treeViewId' in value);
}

async function pickGrouping(prompter: Prompter, current: string): Promise<(typeof GROUPINGS)[number] | undefined> {
  const items = GROUPINGS.map((g) => ({ id: g, label: GROUPING_TITLES[g], description: g === current ? '(current)' : undefined }));
  const picked = await prompter.pick({ step: 'grouping', title: 'Group Claims By', placeholder: 'how the Claims view nests its claims', items, activeId: current });
  return isGrouping(picked) ? picked : undefined;
}

const DIMENSION_TITLES: Record<FilterDimension, string> = { actor: 'Actor', commitment: 'Commitment', stance: 'Stance', annotator: 'Annotator', article: 'Article' };

async function pickFilter(explorer: ClaimExplorer): Promise<ClaimFilter | undefined> {
  const model = explorer.model;
  const current = model.filter;
  const datasets = model.datasets();
  const labels = datasets[0]?.labels;
  if (!labels) {
    void vscode.window.showInformationMessage('Claimbook: no dataset has been checked yet, so there is nothing to filter.');
    return undefined;
  }
  const items: PickItem[] = FILTER_DIMENSIONS.map((d) => ({ id: d, label: DIMENSION_TITLES[d], description: current[d] !== undefined ? describeFilter({ [d]: current[d] }, labels) : undefined }));
  items.push({ id: 'problems', label: current.problemsOnly ? '$(check) Problems only' : 'Problems only', description: 'claims with a badge, an error or a warning' });
  if (model.filtered) items.push({ id: 'clear', label: 'Clear filter', description: describeFilter(current, labels) });
  const prompter = explorer.prompter();
  const picked = await prompter.pick({ step: 'filter', title: 'Filter Claims By', placeholder: 'what to narrow the Claims view by', items });
  if (picked === undefined) return undefined;
  if (picked === 'clear') return {};
  if (picked === 'problems') return { ...current, problemsOnly: !current.problemsOnly || undefined };
  const d = FILTER_DIMENSIONS.find((x) => x === picked);
  if (!d) return undefined;
  const rows = datasets.flatMap((ds) => ds.rows);
  const choices = filterChoices(rows, d, labels).map((c) => ({ id: c.value, label: c.label, description: `${c.value !== c.label ? `${c.value} · ` : ''}${c.count}` }));
  const value = await prompter.pick({ step: `filter:${d}`, title: `Filter Claims by ${DIMENSION_TITLES[d]}`, placeholder: 'type to search', items: choices });
  return value !== undefined ? { ...current, [d]: value } : undefined;
}

function filterFor(node: unknown): ClaimFilter | undefined {
  if (!(node instanceof TreeNode)) return undefined;
  const data = node.data as (CodebookNode | GroupNode) & { kind: string };
  if (data.kind === 'actor' || data.kind === 'commitment' || data.kind === 'stance') return { [data.kind]: data.key };
  if (data.kind === 'group') {
    const g = data as GroupNode;
    if (g.dimension === 'actor' || g.dimension === 'commitment' || g.dimension === 'article') return { [g.dimension]: g.key };
  }
  return undefined;
}

/** Opens the article with the claim's span selected; a claim without a span opens in its sidecar. */
async function revealClaim(explorer: ClaimExplorer, { row, root }: ClaimRef, column?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
  const d = explorer.model.dataset(root);
  if (!d || !row.span || !row.articlePath) {
    await vscode.commands.executeCommand(COMMANDS.openClaim, row.sidecarPath, row.index);
    return vscode.window.activeTextEditor;
  }
  const range = d.validation.positions.range(row.articlePath, row.span.start, row.span.end);
  const editor = await vscode.window.showTextDocument(uriOf(root, row.articlePath), { selection: range, preserveFocus: column === undefined, preview: column === undefined, viewColumn: column });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The dataset as validated on the current text of `paths`; validates again when a buffer changed since. */
async function current(explorer: ClaimExplorer, root: vscode.Uri, paths: string[]): Promise<DatasetRows> {
  const fresh = (d: DatasetRows | undefined): d is DatasetRows =>
    d !== undefined &&
    paths.every((p) => {
      const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uriOf(root, p).toString());
      return !open || open.getText() === d.validation.result.texts.get(p);
    });
  let d = explorer.model.dataset(root);
  if (fresh(d)) return d;
  await explorer.controller.validate(root, 'explorer');
  d = explorer.model.dataset(root);
  if (fresh(d)) return d;
  throw new Error('the files changed while the dataset was being checked; try again');
}

function sameClaim(d: DatasetRows, row: ClaimRow): ClaimRow {
  const now = d.rows.find((r) => r.key === row.key);
  if (!now) throw new Error(`claim ${row.id ?? `#${row.index + 1}`} is no longer in ${row.sidecarPath}`);
  return now;
}

async function deleteClaim(explorer: ClaimExplorer, ref: ClaimRef): Promise<boolean> {
  const d = await current(explorer, ref.root, [ref.row.sidecarPath]);
  const row = sameClaim(d, ref.row);
  const ctx = d.validation.result.sidecars.find((s) => s.sidecar.path === row.sidecarPath);
  const edit = ctx ? removeClaimEdit(ctx.sidecar, row.index) : undefined;
  if (!ctx || !edit) throw new Error(`cannot delete claim ${row.id ?? `#${row.index + 1}`}: ${row.sidecarPath} does not parse cleanly`);
  const guarded = new GuardedEdit();
  guarded.add(uriOf(ref.root, row.sidecarPath), ctx.sidecar.text, [edit]);
  if (!(await applyGuarded(guarded))) return false;
  // The deletion stays unsaved in the sidecar's buffer, where Undo brings it back.
  vscode.window.setStatusBarMessage(`Claimbook: deleted claim ${row.id ?? `#${row.index + 1}`} from ${row.sidecarPath} (unsaved; Undo restores it)`, 5000);
  return true;
}

async function reanchorClaim(explorer: ClaimExplorer, ref: ClaimRef): Promise<boolean> {
  const d = await current(explorer, ref.root, [ref.row.sidecarPath, ...(ref.row.articlePath ? [ref.row.articlePath] : [])]);
  const row = sameClaim(d, ref.row);
  const fixes = row.findings.filter((f) => REANCHOR_RULES.has(f.rule)).flatMap((f) => f.fixes ?? []);
  if (fixes.length === 0) {
    void vscode.window.showInformationMessage(`Claimbook: claim ${row.id ?? ''} has no re-anchoring to offer (${row.anchor}).`);
    return false;
  }
  // Asked through the view's prompter (scripted in tests), like Group By and Filter.
  const picked = fixes.length === 1 ? '0' : await explorer.prompter().pick({ step: 'reanchor', title: 'Re-anchor Claim', placeholder: 'the passage to anchor the quote to', items: fixes.map((f, i) => ({ id: String(i), label: f.title })) });
  const fix = picked === undefined ? undefined : fixes[Number(picked)];
  if (!fix) return false;
  return applyFix(d, ref.root, fix);
}

async function applyFix(d: DatasetRows, root: vscode.Uri, fix: Fix): Promise<boolean> {
  const text = d.validation.result.texts.get(fix.file);
  if (text === undefined) return false;
  const guarded = new GuardedEdit();
  guarded.add(uriOf(root, fix.file), text, fix.edits);
  return applyGuarded(guarded);
}

/** Applies an edit computed on the validation's texts; a file changed since is an error the user reads. */
async function applyGuarded(guarded: GuardedEdit): Promise<boolean> {
  const outcome = await guarded.apply();
  if (outcome.status !== 'applied') throw new Error(outcome.message);
  return true;
}

async function openCodebookEntry(explorer: ClaimExplorer, node: unknown, preserveFocus = true): Promise<vscode.TextEditor | undefined> {
  if (!(node instanceof TreeNode)) return undefined;
  const entry = node.data as CodebookNode;
  const d = explorer.model.dataset(node.root);
  const codebook = d?.validation.result.codebook;
  if (!d || !codebook || !entry.yamlPath) return undefined;
  const r = nodeRange(codebook.parsed, entry.yamlPath, entry.yamlPath.length > 0 ? 'key' : 'value');
  const range = d.validation.positions.range(codebook.path, r.start, r.end);
  return vscode.window.showTextDocument(uriOf(node.root, codebook.path), { selection: range, preserveFocus, preview: preserveFocus });
}

/** Opens the file of a notice at its problem. */
async function openNotice(explorer: ClaimExplorer, node: unknown): Promise<vscode.TextEditor | undefined> {
  if (!(node instanceof TreeNode) || (node.data as { kind?: string }).kind !== 'notice') return undefined;
  const notice = node.data as NoticeNode;
  const d = explorer.model.dataset(node.root);
  const at = d?.validation.result.texts.has(notice.file) ? d.validation.positions.range(notice.file, notice.start, notice.start) : new vscode.Range(0, 0, 0, 0);
  return vscode.window.showTextDocument(uriOf(node.root, notice.file), { selection: at });
}

/** Both claims of a conflict, each selected, in two editors side by side. */
async function openConflict(explorer: ClaimExplorer, node: unknown): Promise<vscode.TextEditor[]> {
  if (!(node instanceof TreeNode) || (node.data as { kind?: string }).kind !== 'pair') return [];
  const { pair } = node.data as PairNode;
  const first = await revealClaim(explorer, { row: pair.a, root: node.root }, vscode.ViewColumn.One);
  const second = await revealClaim(explorer, { row: pair.b, root: node.root }, vscode.ViewColumn.Two);
  return [first, second].filter((e): e is vscode.TextEditor => e !== undefined);
}

/** Puts the article's cursor inside the claim's span, then runs a command that acts at the cursor. */
async function atClaim(explorer: ClaimExplorer, ref: ClaimRef, command: string): Promise<unknown> {
  if (!ref.row.span) {
    await vscode.commands.executeCommand(COMMANDS.openClaim, ref.row.sidecarPath, ref.row.index);
    void vscode.window.showInformationMessage(`Claimbook: claim ${ref.row.id ?? ''} is not anchored in its article; edit it in the sidecar.`);
    return undefined;
  }
  const editor = await revealClaim(explorer, ref, vscode.ViewColumn.Active);
  if (!editor) return undefined;
  // The middle of the span: its ends may touch neighbouring claims.
  const middle = editor.document.positionAt(Math.floor((editor.document.offsetAt(editor.selection.start) + editor.document.offsetAt(editor.selection.end)) / 2));
  editor.selection = new vscode.Selection(middle, middle);
  return vscode.commands.executeCommand(command);
}

/** Adds an alias to the actor of a Codebook node (asking for it unless given). */
async function addAliasTo(explorer: ClaimExplorer, node: unknown, given: unknown): Promise<boolean> {
  if (!(node instanceof TreeNode) || (node.data as CodebookNode).kind !== 'actor') return false;
  const actor = node.data as CodebookNode;
  const alias = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: `Add an alias to ${actor.label}`, prompt: 'Another name the articles use for this actor' });
  if (!alias) return false;
  const d = await current(explorer, node.root, [CODEBOOK_PATH]);
  const file = d.validation.result.codebook;
  if (!file) return false;
  const result = addAlias(file, actor.key, alias);
  if (!result.ok) throw new Error(result.problem.message);
  const guarded = new GuardedEdit();
  guarded.add(uriOf(node.root, file.path), file.text, result.edits);
  return applyGuarded(guarded);
}

/**
 * The Claims view beside an article: filtered to it and grouped by article, so its claims read
 * in the order of the text (each item's hover holds the whole quote). From a sidecar, its article.
 */
async function showArticleClaims(explorer: ClaimExplorer, arg: unknown): Promise<ClaimFilter | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const key = uri.toString();
  for (const d of explorer.model.datasets()) {
    const row = d.rows.find((r) => r.articlePath !== undefined && (uriOf(d.root, r.articlePath).toString() === key || uriOf(d.root, r.sidecarPath).toString() === key));
    if (!row?.articlePath) continue;
    const filter: ClaimFilter = { article: row.articlePath };
    explorer.model.setFilter(filter);
    await explorer.model.setGrouping('article');
    await vscode.commands.executeCommand('claimbook.claims.focus');
    return filter;
  }
  void vscode.window.showInformationMessage('Claimbook: this file has no claims yet (select a quote and run "Tag Selection as Claim").');
  return undefined;
}
