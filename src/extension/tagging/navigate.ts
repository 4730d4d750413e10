/** Moving between claims: next/previous claim in an article, and the article ⇄ sidecar toggle at the same claim. */
import * as vscode from 'vscode';
import { loadSidecarFile, nodeRange } from '../../core';
import { claimIndexById } from '../../core/edit';
import { articleClaims, claimsAt } from '../claimsAt';
import { uriOf } from '../datasets';
import type { Validation } from '../controller';
import type { Located } from '../datasets';
import { currentSidecar } from './documents';
import { isArticlePath, isSidecarPath, refused, type Outcome, type TaggingServices } from './services';

/** The active article and its current validation, or why there is none. */
async function activeArticle(s: TaggingServices): Promise<{ editor: vscode.TextEditor; doc: vscode.TextDocument; located: Located; v: Validation } | Outcome> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const located = doc ? s.controller.roots.locate(doc.uri) : undefined;
  if (!editor || !doc || !located || !isArticlePath(located.path)) return refused('open an article of a dataset first');
  const v = await s.validationOf(doc);
  if (!v) return refused('the dataset has not been validated yet');
  return { editor, doc, located, v };
}

export async function goToClaim(s: TaggingServices, direction: 1 | -1): Promise<Outcome> {
  const active = await activeArticle(s);
  if ('status' in active) return active;
  const { editor, doc, located, v } = active;
  const claims = articleClaims(v, located.path);
  if (claims.length === 0) return refused('this article has no anchored claims yet');
  const offset = doc.offsetAt(editor.selection.active);
  // Wraps around at either end, like "Go to Next Problem".
  const next = direction > 0 ? (claims.find((c) => c.start > offset) ?? claims[0]) : ([...claims].reverse().find((c) => c.start < offset) ?? claims[claims.length - 1]);
  if (!next) return refused('no claim to go to');
  const at = doc.positionAt(next.start);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, doc.positionAt(next.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { status: 'moved', ids: [next.c.claim.id ?? ''], file: located.path };
}

/** From an article: its sidecar at the claim under (or after) the cursor. From a sidecar: its article at the claim's span. */
export async function toggleArticleSidecar(s: TaggingServices): Promise<Outcome> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const located = doc ? s.controller.roots.locate(doc.uri) : undefined;
  if (!editor || !doc || !located) return refused('the active file is not part of a dataset (no claimbook.yaml above it)');
  const v = await s.validationOf(doc);
  if (!v) return refused('the dataset has not been validated yet');

  if (isSidecarPath(located.path)) {
    const ctx = v.result.sidecars.find((c) => c.sidecar.path === located.path);
    if (!ctx?.article) return refused(`the article of ${located.path} is missing`);
    const file = loadSidecarFile(located.path, doc.getText());
    const count = file.model.claims.length;
    let index: number | undefined;
    // The claim whose block holds the cursor: the last one starting on or before the cursor's line.
    for (let i = 0; i < count; i++) {
      const r = nodeRange(file.parsed, ['claims', i], 'value');
      if (doc.positionAt(r.start).line > editor.selection.active.line) break;
      index = i;
    }
    const id = index === undefined ? undefined : file.model.claims[index]?.id;
    const anchored = ctx.claims.find((c) => c.claim.id !== undefined && c.claim.id === id);
    const articleDoc = await vscode.workspace.openTextDocument(uriOf(v.root, ctx.article.path));
    const articleIndex = ctx.article.index;
    let selection: vscode.Range | undefined;
    if (anchored?.anchor && articleIndex && articleIndex.raw === articleDoc.getText()) {
      selection = new vscode.Range(articleDoc.positionAt(articleIndex.cpToRaw(anchored.anchor.start)), articleDoc.positionAt(articleIndex.cpToRaw(anchored.anchor.end)));
    }
    await vscode.window.showTextDocument(articleDoc, { selection, preview: false });
    return { status: 'moved', ids: id ? [id] : [], file: ctx.article.path };
  }

  if (!isArticlePath(located.path)) return refused('open an article or a sidecar');
  const ctx = v.result.sidecars.find((c) => c.article?.path === located.path);
  if (!ctx) return refused(`${located.path} has no sidecar yet: tag a selection to create one`);
  const offset = doc.offsetAt(editor.selection.active);
  const target = claimsAt(v, located.path, offset)[0] ?? articleClaims(v, located.path).find((c) => c.start >= offset);
  const sidecar = await currentSidecar(v.root, ctx.sidecar.path);
  if (!sidecar) return refused(`${ctx.sidecar.path} is gone`);
  const id = target?.c.claim.id;
  const index = id !== undefined ? claimIndexById(sidecar.file, id) : undefined;
  let selection: vscode.Range | undefined;
  if (index !== undefined) {
    const r = nodeRange(sidecar.file.parsed, ['claims', index], 'value');
    const at = sidecar.doc.positionAt(r.start);
    selection = new vscode.Range(at, at);
  }
  const shown = await vscode.window.showTextDocument(sidecar.doc, { selection, preview: false });
  if (selection) shown.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { status: 'moved', ids: id ? [id] : [], file: ctx.sidecar.path };
}

/** Next / previous untagged mention (the `untagged-mention` hints) in the article, wrapping around; selects the mention. */
export async function goToUntagged(s: TaggingServices, direction: 1 | -1): Promise<Outcome> {
  const active = await activeArticle(s);
  if ('status' in active) return active;
  const { editor, doc, located, v } = active;
  const hints = (v.byFile.get(located.path) ?? []).filter((f) => f.rule === 'untagged-mention').sort((a, b) => a.start - b.start);
  if (hints.length === 0) return refused('no untagged mentions in this article: every sentence naming an actor is covered by a claim (or the rule is off)');
  // A selected mention is passed over in both directions: next looks after it, previous before it.
  const offset = doc.offsetAt(direction > 0 ? editor.selection.end : editor.selection.start);
  const next = direction > 0 ? (hints.find((f) => f.start > offset) ?? hints[0]) : ([...hints].reverse().find((f) => f.start < offset) ?? hints[hints.length - 1]);
  if (!next) return refused('no untagged mention to go to');
  const range = new vscode.Range(doc.positionAt(next.start), doc.positionAt(next.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { status: 'moved', ids: [], file: located.path };
}
