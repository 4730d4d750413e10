/** Edit Claim, Change Stance and Delete Claim at the cursor in an article (a pick when claims overlap). */
import * as vscode from 'vscode';
import { addActor, claimIndexById, deleteClaim, updateClaim, type ClaimChanges, type EditResult } from '../../core/edit';
import type { SidecarFile } from '../../core';
import { claimsAt, type ArticleClaim } from '../claimsAt';
import { GuardedEdit } from '../guardedEdit';
import { addDocumentEdits, currentCodebook, currentSidecar, refusalOf, showProblem, type Current } from './documents';
import { askClaim, askRequired, askStance, type QuestionContext } from './questions';
import { cancelled, isArticlePath, refused, type Outcome, type TaggingServices } from './services';

interface Target {
  root: vscode.Uri;
  doc: vscode.TextDocument;
  claim: ArticleClaim;
}

/** The claim under the cursor of the active article, asking which when several overlap there. */
async function claimAtCursor(s: TaggingServices, verb: string): Promise<Target | Outcome> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const located = doc ? s.controller.roots.locate(doc.uri) : undefined;
  if (!editor || !doc || !located || !isArticlePath(located.path)) return refused(`put the cursor on a claim in an article to ${verb} it`);
  const v = await s.validationOf(doc);
  if (!v) return refused('the dataset has not been validated yet');
  const found = claimsAt(v, located.path, doc.offsetAt(editor.selection.active));
  if (found.length === 0) return refused(`there is no claim at the cursor to ${verb}`);
  let claim = found[0] as ArticleClaim;
  if (found.length > 1) {
    const codebook = v.result.codebook?.model;
    const picked = await s.prompter.pick({
      step: 'claim',
      title: `Which claim to ${verb}?`,
      placeholder: 'Claims overlapping the cursor',
      items: found.map((f, i) => {
        const c = f.c.claim;
        return {
          id: String(i),
          label: `${codebook?.actors.get(c.actor ?? '')?.name ?? c.actor ?? '?'} · ${c.stance ?? '?'} · ${c.commitment ?? '?'}`,
          description: c.id,
          detail: c.quote?.exact,
        };
      }),
    });
    if (picked === undefined) return cancelled('claim');
    claim = found[Number(picked)] ?? claim;
  }
  return { root: located.root, doc, claim };
}

/** The claim's index in its sidecar as the sidecar is now (by id; by position if the file did not change). */
async function inSidecar(t: Target): Promise<{ sidecar: Current<SidecarFile>; index: number } | Outcome> {
  const sidecar = await currentSidecar(t.root, t.claim.ctx.sidecar.path);
  if (!sidecar) return refused(`${t.claim.ctx.sidecar.path} is gone`);
  const problem = refusalOf(sidecar);
  if (problem) {
    await showProblem(t.root, problem);
    return refused(problem.message, false);
  }
  const c = t.claim.c.claim;
  const index = (c.id !== undefined ? claimIndexById(sidecar.file, c.id) : undefined) ?? (sidecar.file.text === t.claim.ctx.sidecar.text ? c.index : undefined);
  if (index === undefined) return refused(`claim ${c.id ?? `#${c.index + 1}`} is no longer in ${t.claim.ctx.sidecar.path} (or its id is not unique)`);
  return { sidecar, index };
}

async function apply(root: vscode.Uri, sidecar: Current<SidecarFile>, result: EditResult, id: string, extra?: (edit: GuardedEdit) => void): Promise<Outcome> {
  if (!result.ok) {
    await showProblem(root, result.problem);
    return refused(result.problem.message, false);
  }
  const edit = new GuardedEdit();
  extra?.(edit);
  addDocumentEdits(edit, sidecar, result.edits);
  const applied = await edit.apply();
  if (applied.status !== 'applied') return refused(applied.message);
  return { status: 'written', ids: [id], file: sidecar.file.path };
}

export async function deleteClaimAtCursor(s: TaggingServices): Promise<Outcome> {
  const t = await claimAtCursor(s, 'delete');
  if ('status' in t) return t;
  const found = await inSidecar(t);
  if ('status' in found) return found;
  const outcome = await apply(t.root, found.sidecar, deleteClaim(found.sidecar.file, found.index), t.claim.c.claim.id ?? '');
  if (outcome.status === 'written') {
    void s.controller.validate(t.root, 'delete');
    vscode.window.setStatusBarMessage(`Claimbook: deleted claim ${t.claim.c.claim.id ?? ''} (undo in ${found.sidecar.file.path.split('/').pop()})`, 8000);
  }
  return outcome;
}

function questions(t: Target, title: string): QuestionContext | undefined {
  const codebook = t.claim.ctx.codebook;
  if (!codebook) return undefined;
  const c = t.claim.c.claim;
  const keys = new Map<string, string>();
  if (c.condition !== undefined) keys.set('condition', c.condition);
  if (c.note !== undefined) keys.set('note', c.note);
  return {
    title,
    codebook,
    text: t.doc.getText(),
    start: t.claim.start,
    end: t.claim.end,
    current: { actor: c.actor, commitment: c.commitment, stance: c.stance, keys, fields: c.fields },
  };
}

export async function changeStanceAtCursor(s: TaggingServices): Promise<Outcome> {
  const t = await claimAtCursor(s, 'change');
  if ('status' in t) return t;
  const q = questions(t, 'Change stance');
  if (!q) return refused('the codebook does not parse; fix it first');
  const stance = await askStance(s, q);
  if (!stance.ok) return cancelled(stance.step);
  const c = t.claim.c.claim;
  const required = await askRequired(s, q, c.commitment ?? '', stance.value);
  if (!required.ok) return cancelled(required.step);
  const found = await inSidecar(t);
  if ('status' in found) return found;
  const changes: ClaimChanges = { stance: stance.value, fields: required.value.fields };
  for (const [k, value] of required.value.keys) if (k === 'condition' || k === 'note') changes[k] = value;
  const outcome = await apply(t.root, found.sidecar, updateClaim(found.sidecar.file, found.index, changes), c.id ?? '');
  if (outcome.status === 'written') {
    await s.recent.use('stance', stance.value);
    void s.controller.validate(t.root, 'edit');
  }
  return outcome;
}

export async function editClaimAtCursor(s: TaggingServices): Promise<Outcome> {
  const t = await claimAtCursor(s, 'edit');
  if ('status' in t) return t;
  const codebook = await currentCodebook(t.root);
  const q = questions(t, 'Edit claim');
  if (!q || !codebook) return refused('the codebook does not parse; fix it first');
  const answers = await askClaim(s, { ...q, codebook: codebook.file });
  if (!answers.ok) return cancelled(answers.step);
  const a = answers.value;
  const found = await inSidecar(t);
  if ('status' in found) return found;
  const changes: ClaimChanges = { actor: a.actor, commitment: a.commitment, stance: a.stance, fields: a.fields };
  for (const [k, value] of a.keys) if (k === 'condition' || k === 'note') changes[k] = value;
  let codebookEdits: EditResult | undefined;
  const codebookNow = a.newActor ? await currentCodebook(t.root) : undefined;
  if (codebookNow && a.newActor) {
    codebookEdits = addActor(codebookNow.file, a.newActor);
    if (!codebookEdits.ok) {
      await showProblem(t.root, codebookEdits.problem);
      return refused(codebookEdits.problem.message, false);
    }
  }
  const outcome = await apply(t.root, found.sidecar, updateClaim(found.sidecar.file, found.index, changes), t.claim.c.claim.id ?? '', (edit) => {
    if (codebookNow && codebookEdits?.ok) addDocumentEdits(edit, codebookNow, codebookEdits.edits);
  });
  if (outcome.status === 'written') {
    await Promise.all([s.recent.use('actor', a.actor), s.recent.use('commitment', a.commitment), s.recent.use('stance', a.stance)]);
    void s.controller.validate(t.root, 'edit');
  }
  return outcome;
}

