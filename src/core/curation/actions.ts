/**
 * The curator's decisions on one disagreement, as the new text of my sidecar: Accept Mine
 * (keep my claim, settled against theirs), Accept Theirs (their claim replaces mine, re-anchored
 * on my copy of the article, with a new id when theirs is taken here), Accept Both, Reject Both
 * (my claim goes). A decision that changes nothing in my dataset — keeping a claim only I have,
 * rejecting one only they have — writes nothing (`text` undefined) and is the caller's to hide.
 * Steps are applied one after another on the text and re-parsed in between, so a delete and an
 * insert at the same place never collide; the caller replaces only what changed.
 */
import { loadSidecarFile, type SidecarFile } from '../dataset/files';
import { applyEdits } from '../fixes/apply';
import type { Claim } from '../model/sidecar';
import type { TextIndex } from '../text/textIndex';
import { makeQuote } from '../anchor/makeQuote';
import { insertClaims, claimIdsIn } from '../edit/insertClaims';
import { claimIndexById, deleteClaim, updateClaim } from '../edit/updateClaim';
import { newClaimId, type RandomSource } from '../edit/claimId';
import { articleNameFor, newSidecarText } from '../edit/newSidecar';
import type { FieldValue, NewClaim } from '../edit/renderClaim';
import type { EditProblem, EditResult } from '../edit/result';
import { curatedFromValue } from './curatedFrom';
import type { Disagreement } from './disagreements';

export type CurationAction = 'acceptMine' | 'acceptTheirs' | 'acceptBoth' | 'rejectBoth';

export interface CurationInput {
  disagreement: Disagreement;
  action: CurationAction;
  /** The compared source's label, for `curated-from`. */
  source: string;
  /** My sidecar of the article as it is now (path and text); undefined: there is none yet. */
  sidecar: { path: string; text: string } | undefined;
  /** Where a new sidecar goes, when there is none. */
  newSidecarPath: string;
  /** My copy of the article. */
  article: TextIndex | undefined;
  /** Replaces the annotator of a claim taken from theirs (comparing annotators: it becomes mine). */
  annotator?: string;
  random: RandomSource;
}

export type CurationResult =
  | { ok: true; path: string; before: string | undefined; text: string; summary: string }
  | { ok: true; path: undefined; text: undefined; summary: string }
  | { ok: false; problem: EditProblem };

export function curate(input: CurationInput): CurationResult {
  const { disagreement: d, action, source } = input;
  const mine = d.mine?.claim;
  const theirs = d.theirs?.claim;
  const keepMine = action === 'acceptMine' || action === 'acceptBoth';
  const takeTheirs = (action === 'acceptTheirs' || action === 'acceptBoth') && theirs !== undefined;
  const dropMine = mine !== undefined && !keepMine;
  const settleMine = mine !== undefined && keepMine && theirs?.id !== undefined;
  if (!takeTheirs && !dropMine && !settleMine) return { ok: true, path: undefined, text: undefined, summary: nothingSummary(action, d) };

  const path = input.sidecar?.path ?? input.newSidecarPath;
  let text = input.sidecar?.text;
  const fail = (message: string): CurationResult => ({ ok: false, problem: { file: path, message, start: 0, end: 0 } });
  const step = (edit: (file: SidecarFile) => EditResult): EditProblem | undefined => {
    const file = loadSidecarFile(path, text as string);
    const r = edit(file);
    if (!r.ok) return r.problem;
    text = applyEdits(text as string, r.edits).text;
    return undefined;
  };
  const indexOf = (c: Claim) => {
    if (text === undefined) return undefined;
    const file = loadSidecarFile(path, text);
    return c.id !== undefined ? claimIndexById(file, c.id) : undefined;
  };

  if (mine !== undefined && (dropMine || settleMine)) {
    if (text === undefined) return fail(`${path} is gone`);
    const at = indexOf(mine);
    if (at === undefined) return fail(`claim ${mine.id ?? '(no id)'} is no longer in ${path} (or its id is not unique)`);
    const problem = dropMine ? step((f) => deleteClaim(f, at)) : step((f) => updateClaim(f, at, { 'curated-from': curatedFromValue(source, theirs?.id as string) }));
    if (problem) return { ok: false, problem };
  }
  let newId: string | undefined;
  if (takeTheirs && theirs) {
    if (!input.article) return fail(`my copy of ${d.article} cannot be read`);
    if (d.theirs?.found === false || !theirs.quote) return fail(`their quote is not in my copy of ${d.article}: tag it by hand`);
    const taken = text === undefined ? new Set<string>() : claimIdsIn(loadSidecarFile(path, text));
    newId = theirs.id !== undefined && !taken.has(theirs.id) ? theirs.id : newClaimId(taken, input.random);
    const claim = copyOf(theirs, newId, input, d.theirs?.start ?? 0, d.theirs?.end ?? 0);
    if (text === undefined) text = newSidecarText({ article: articleNameFor(d.article), claims: [claim] });
    else {
      const problem = step((f) => insertClaims(f, [claim]));
      if (problem) return { ok: false, problem };
    }
  }
  return { ok: true, path, before: input.sidecar?.text, text: text as string, summary: summaryOf(action, d, newId) };
}

function copyOf(c: Claim, id: string, input: CurationInput, start: number, end: number): NewClaim {
  const fields: Array<[string, FieldValue]> = [];
  for (const [k, v] of c.fields) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields.push([k, v]);
    else if (v instanceof Date) fields.push([k, v.toISOString().slice(0, 10)]);
  }
  const q = makeQuote(input.article as TextIndex, start, end);
  return {
    id,
    actor: c.actor ?? '',
    commitment: c.commitment ?? '',
    stance: c.stance ?? '',
    condition: c.condition,
    fields,
    speaker: c.speaker,
    annotator: input.annotator ?? c.annotator,
    curatedFrom: c.id !== undefined ? curatedFromValue(input.source, c.id) : undefined,
    note: c.note,
    quote: q,
  };
}

function summaryOf(action: CurationAction, d: Disagreement, newId: string | undefined): string {
  const renamed = newId !== undefined && newId !== d.theirs?.claim.id ? ` as ${newId} (${d.theirs?.claim.id ?? 'its id'} is taken here)` : '';
  switch (action) {
    case 'acceptMine':
      return `kept ${d.mine?.claim.id ?? 'my claim'}`;
    case 'acceptTheirs':
      return d.theirs ? `took ${d.theirs.claim.id ?? 'their claim'}${renamed}${d.mine ? `, removed ${d.mine.claim.id ?? 'mine'}` : ''}` : `removed ${d.mine?.claim.id ?? 'my claim'}`;
    case 'acceptBoth':
      return `kept ${d.mine?.claim.id ?? 'nothing of mine'} and took ${d.theirs?.claim.id ?? 'nothing'}${renamed}`;
    case 'rejectBoth':
      return `removed ${d.mine?.claim.id ?? 'my claim'}`;
  }
}

function nothingSummary(action: CurationAction, d: Disagreement): string {
  if (d.kind === 'only-mine') return `kept ${d.mine?.claim.id ?? 'my claim'}: only you have it, nothing to write`;
  if (action === 'rejectBoth' || action === 'acceptMine') return `left out ${d.theirs?.claim.id ?? 'their claim'}: your dataset does not have it, nothing to write`;
  return 'nothing to write';
}
