/** Shared body of the three unknown-id rules: report the dangling id with "did you mean" fixes. */
import type { Fix } from '../model/finding';
import type { Claim } from '../model/sidecar';
import { appendToSeq, insertKeyAfter, renderScalar, replaceValue } from '../fixes/yamlEdit';
import { SuggestIndex, type Candidate } from './suggest';
import type { Report, SidecarContext } from './rule';
import { at, claimPath } from './where';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function reportUnknown(
  ctx: SidecarContext,
  report: Report,
  claim: Claim,
  key: 'actor' | 'commitment' | 'stance' | 'speaker',
  value: string | undefined,
  known: ReadonlyMap<string, unknown>,
  candidates: () => Iterable<Candidate>,
  noun: string,
): void {
  if (value === undefined || known.has(value)) return;
  const suggestions = suggestionsFor(known, candidates).suggest(value);
  const fixes: Fix[] = [];
  for (const s of suggestions) {
    const edit = replaceValue(ctx.sidecar, claimPath(claim, key), s.id);
    // Safe only when the value was unmistakably a name or alias of exactly one entry.
    if (edit) fixes.push({ title: `Change to '${s.id}'`, file: ctx.sidecar.path, edits: [edit], safe: s.exact && suggestions.length === 1, preferred: fixes.length === 0 });
  }
  // A name-like value ("Macron", "President Macron") may be a spelling the codebook lacks.
  if ((key === 'actor' || key === 'speaker') && !ID.test(value)) {
    for (const s of suggestions) if (!s.exact) {
      const fix = aliasFix(ctx, s.id, value);
      if (fix) fixes.push(fix);
    }
  }
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s.id}'`).join(', ')}?` : '';
  report({
    message: `unknown ${noun} '${value}'${hint}`,
    ...at(ctx.sidecar, claimPath(claim, key)),
    claimId: claim.id,
    fixes,
  });
}

/**
 * The "did you mean" index of a codebook's actors, commitments or stances, built on the first
 * unknown id and kept as long as that codebook's map of them: claims are checked one by one,
 * and rebuilding 500 actors' labels for each unknown id cost more than the look-up.
 */
const indexes = new WeakMap<ReadonlyMap<string, unknown>, SuggestIndex>();

function suggestionsFor(known: ReadonlyMap<string, unknown>, candidates: () => Iterable<Candidate>): SuggestIndex {
  let index = indexes.get(known);
  if (!index) indexes.set(known, (index = new SuggestIndex(candidates())));
  return index;
}

function aliasFix(ctx: SidecarContext, actorId: string, alias: string): Fix | undefined {
  const codebook = ctx.codebook;
  const actor = codebook?.model.actors.get(actorId);
  if (!codebook || !actor) return undefined;
  const rendered = renderScalar(alias);
  const edit = actor.aliases.length > 0 || hasKey(codebook.parsed.value, actorId, 'aliases')
    ? appendToSeq(codebook, ['actors', actorId, 'aliases'], actor.aliases.length, rendered)
    : insertKeyAfter(codebook, ['actors', actorId], 'name', 'aliases', `[${rendered}]`);
  return edit ? { title: `Add '${alias}' as an alias of '${actorId}'`, file: codebook.path, edits: [edit], safe: false } : undefined;
}

function hasKey(root: unknown, actorId: string, key: string): boolean {
  const actors = (root as { actors?: Record<string, unknown> } | undefined)?.actors;
  const actor = actors && Object.prototype.hasOwnProperty.call(actors, actorId) ? actors[actorId] : undefined;
  return typeof actor === 'object' && actor !== null && Object.prototype.hasOwnProperty.call(actor, key);
}
