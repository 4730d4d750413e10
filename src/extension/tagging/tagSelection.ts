/**
 * Tag Selection as Claim: the selected spans become claims in the article's sidecar (created if
 * missing), in canonical position, with fresh ids, exact quotes and the annotator, through one
 * undoable WorkspaceEdit. Several selections get the same answers. Escape writes nothing.
 */
import * as vscode from 'vscode';
import { makeQuote, sha256Hex, TextIndex } from '../../core';
import { addActor, articleNameFor, claimIdsIn, insertClaims, newClaimIds, newSidecarText, sidecarPathFor, type NewClaim } from '../../core/edit';
import { uriOf } from '../datasets';
import { GuardedEdit } from '../guardedEdit';
import { addDocumentEdits, currentCodebook, currentSidecar, refusalOf, showProblem } from './documents';
import { askClaim } from './questions';
import { cancelled, isArticlePath, refused, type Outcome, type TaggingServices } from './services';

export async function tagSelection(s: TaggingServices): Promise<Outcome> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return refused('open an article and select the words of the claim first');
  const doc = editor.document;
  const located = s.controller.roots.locate(doc.uri);
  if (!located || !isArticlePath(located.path)) return refused('the active file is not an article of a dataset (no claimbook.yaml above it)');
  const raw = doc.getText();
  const version = doc.version;
  const spans = trimmedSelections(editor, raw);
  if (spans.length === 0) return refused('select the words of the claim first (several selections tag several claims)');

  const root = located.root;
  const codebook = await currentCodebook(root);
  if (!codebook) return refused('the dataset has no claimbook.yaml');
  const v = s.controller.validationFor(doc.uri);
  const sidecarPath = v?.result.sidecars.find((c) => c.article?.path === located.path)?.sidecar.path ?? sidecarPathFor(located.path);
  // Refuse before asking anything when a file we would rewrite cannot be edited safely.
  const before = refusalOf(codebook) ?? refusalOf(await currentSidecar(root, sidecarPath));
  if (before) {
    await showProblem(root, before);
    return refused(before.message, false);
  }

  const first = spans[0] as { start: number; end: number };
  const title = `Tag as claim${spans.length > 1 ? ` (${spans.length} selections)` : ''}`;
  const answers = await askClaim(s, { title, codebook: codebook.file, text: raw, start: first.start, end: first.end });
  if (!answers.ok) return cancelled(answers.step);
  const a = answers.value;
  if (doc.version !== version) return refused('the article changed while you answered; select the quote again');

  const annotator = await s.annotator.get(root);
  const index = TextIndex.of(raw);
  const claim = (id: string, span: { start: number; end: number }): NewClaim => ({
    id,
    actor: a.actor,
    commitment: a.commitment,
    stance: a.stance,
    condition: a.keys.find(([k]) => k === 'condition')?.[1],
    note: a.keys.find(([k]) => k === 'note')?.[1],
    fields: a.fields,
    annotator: annotator || undefined,
    quote: makeQuote(index, index.rawToCp(span.start), index.rawToCp(span.end)),
  });

  // Read the files to edit now, after the questions: the user may have typed into them meanwhile.
  const edit = new GuardedEdit();
  const codebookNow = a.newActor ? await currentCodebook(root) : undefined;
  if (codebookNow && a.newActor) {
    const added = addActor(codebookNow.file, a.newActor);
    if (!added.ok) {
      await showProblem(root, added.problem);
      return refused(added.problem.message, false);
    }
    addDocumentEdits(edit, codebookNow, added.edits);
  }
  const sidecar = await currentSidecar(root, sidecarPath);
  const sidecarUri = uriOf(root, sidecarPath);
  let ids: string[];
  if (sidecar && sidecar.doc.getText().trim() !== '') {
    ids = newClaimIds(spans.length, claimIdsIn(sidecar.file), s.random);
    const inserted = insertClaims(sidecar.file, spans.map((span, i) => claim(ids[i] as string, span)));
    if (!inserted.ok) {
      await showProblem(root, inserted.problem);
      return refused(inserted.problem.message, false);
    }
    addDocumentEdits(edit, sidecar, inserted.edits);
  } else {
    ids = newClaimIds(spans.length, new Set(), s.random);
    const text = newSidecarText({
      article: articleNameFor(located.path),
      // The hash says which text the anchors were verified on: only a saved text qualifies.
      textSha256: doc.isDirty ? undefined : sha256Hex(index.text),
      claims: spans.map((span, i) => claim(ids[i] as string, span)),
    });
    if (sidecar) {
      edit.expect(sidecarUri, sidecar.file.text);
      edit.edit.replace(sidecarUri, sidecar.doc.validateRange(new vscode.Range(0, 0, sidecar.doc.lineCount, 0)), text);
    } else edit.edit.createFile(sidecarUri, { contents: new TextEncoder().encode(text) });
  }
  if (doc.version !== version) return refused('the article changed while the claim was being written; try again');
  const applied = await edit.apply();
  if (applied.status !== 'applied') return refused(applied.message);

  await Promise.all([s.recent.use('actor', a.actor), s.recent.use('commitment', a.commitment), s.recent.use('stance', a.stance)]);
  void s.controller.validate(root, 'tag');
  vscode.window.setStatusBarMessage(`Claimbook: tagged ${ids.join(', ')} (${a.actor} · ${a.stance} · ${a.commitment}) in ${sidecarPath.split('/').pop()}`, 8000);
  return { status: 'written', ids, file: sidecarPath };
}

/** Non-empty selections without surrounding whitespace, as raw UTF-16 offsets, in text order. */
function trimmedSelections(editor: vscode.TextEditor, raw: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const sel of editor.selections) {
    let start = editor.document.offsetAt(sel.start);
    let end = editor.document.offsetAt(sel.end);
    while (start < end && /\s/.test(raw[start] as string)) start++;
    while (end > start && /\s/.test(raw[end - 1] as string)) end--;
    if (end > start) out.push({ start, end });
  }
  return out.sort((x, y) => x.start - y.start);
}
