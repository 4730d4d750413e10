/**
 * Claim spans that follow the text while an article is edited (DESIGN §2): each content change
 * shifts the spans by its exact delta, no search. A change inside a quote makes its text differ
 * from the quote (a quote-mismatch). On save, spans that moved and still hold their quote are
 * written back to the sidecar in one undoable WorkspaceEdit; drifted or edited claims are never
 * moved silently.
 */
import * as vscode from 'vscode';
import { indexAfter, LiveSpans, loadSidecarFile, TextIndex, requoteEdits, seedLiveSpans, shiftLiveSpans, type CheckResult, type LiveSpan } from '../core';
import { uriOf } from './datasets';
import { GuardedEdit } from './guardedEdit';

interface Tracked {
  index: TextIndex;
  /** The text as last opened or saved: the one the stored offsets describe. */
  saved: string;
  /** Spans by claim id; absent until the first edit after a validation seeded them. */
  spans: LiveSpans | undefined;
}

export class LiveAnchors {
  private readonly docs = new Map<string, Tracked>();

  /** Reads a sidecar that is not open (replaceable: a test races a change against it). */
  read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

  /** Remember an article's text so later changes can be converted to code points. */
  track(doc: vscode.TextDocument): void {
    if (!this.docs.has(doc.uri.toString())) this.docs.set(doc.uri.toString(), { index: TextIndex.of(doc.getText()), saved: doc.getText(), spans: undefined });
  }

  forget(uri: vscode.Uri): void {
    this.docs.delete(uri.toString());
  }

  /**
   * Applies a change event to the spans of an article; `seed` supplies the last validation so the
   * first edit starts from the anchors it found (only if it saw this very text).
   */
  applyChange(event: vscode.TextDocumentChangeEvent, path: string, seed: CheckResult | undefined): void {
    const key = event.document.uri.toString();
    const tracked = this.docs.get(key);
    if (!tracked) {
      this.docs.set(key, { index: TextIndex.of(event.document.getText()), saved: event.document.getText(), spans: undefined });
      return;
    }
    if (event.contentChanges.length === 0) return;
    tracked.spans ??= seed && seed.texts.get(path) === tracked.index.raw ? seedLiveSpans(seed, path) : new LiveSpans();
    shiftLiveSpans(tracked.spans, tracked.index, event.contentChanges);
    const text = event.document.getText();
    tracked.index = indexAfter(tracked.index, text, event.contentChanges);
    // Back at the saved text (undo, revert): the stored offsets are right again.
    if (text === tracked.saved) tracked.spans = undefined;
  }

  /** Live spans of every edited article under a root, for the check options. */
  spansFor(root: vscode.Uri, locate: (uri: vscode.Uri) => { root: vscode.Uri; path: string } | undefined): Map<string, ReadonlyMap<string, LiveSpan>> {
    const out = new Map<string, ReadonlyMap<string, LiveSpan>>();
    for (const [key, tracked] of this.docs) {
      if (!tracked.spans) continue;
      const where = locate(vscode.Uri.parse(key));
      if (where && where.root.toString() === root.toString()) out.set(where.path, tracked.spans);
    }
    return out;
  }

  /**
   * After the article is saved: write moved spans that still hold their quote back to its sidecar(s). Returns
   * whether an edit was applied. The spans are dropped either way; stored offsets rule again.
   */
  async writeBack(doc: vscode.TextDocument, root: vscode.Uri, path: string, result: CheckResult | undefined): Promise<boolean> {
    const tracked = this.docs.get(doc.uri.toString());
    const spans = tracked?.spans;
    if (tracked) {
      tracked.spans = undefined;
      tracked.saved = doc.getText();
    }
    if (!spans || !result || !tracked) return false;
    const guarded = new GuardedEdit();
    const toSave: vscode.Uri[] = [];
    for (const ctx of result.sidecars) {
      if (ctx.article?.path !== path) continue;
      const uri = uriOf(root, ctx.sidecar.path);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      // Always edit what the sidecar holds now, which may be newer than the last validation.
      const text = open ? open.getText() : await this.read(uri);
      const sidecar = loadSidecarFile(ctx.sidecar.path, text);
      if (sidecar.parsed.problems.length > 0) continue;
      const edits = sidecar.model.claims.flatMap((claim) => {
        const span = claim.id === undefined ? undefined : spans.get(claim.id);
        if (!span || !claim.quote || tracked.index.sliceCp(span.start, span.end) !== claim.quote.exact) return [];
        if (span.start === claim.quote.start && span.end === claim.quote.end) return [];
        return requoteEdits(sidecar, claim, tracked.index, span.start, span.end);
      });
      if (edits.length === 0) continue;
      guarded.add(uri, text, edits);
      if (!open?.isDirty) toSave.push(uri);
    }
    if (guarded.size === 0) return false;
    // A sidecar written meanwhile (another tool, git) is left as it is: its claims then show as
    // moved, with the re-anchoring quick fix, instead of getting offsets meant for another text.
    const outcome = await guarded.apply();
    if (outcome.status !== 'applied') {
      const article = vscode.workspace.asRelativePath(doc.uri);
      const why = outcome.status === 'changed' ? `${outcome.files.join(', ')} changed while they were being written; nothing was written there` : outcome.message;
      void vscode.window.showWarningMessage(`Claimbook: the moved quotes of ${article} were not written back (${why}). Their claims show as moved: re-anchor them with the quick fix.`);
      return false;
    }
    // Keep disk consistent with the saved article, but never save a sidecar the user left unsaved.
    for (const uri of toSave) await vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.save();
    return true;
  }
}

