/**
 * Entry-level three-way merge of a sidecar (issue 14): claims matched by id; a claim added on
 * one side or both is kept; deleted on one side and unchanged on the other, deleted; changed on
 * both, merged field by field (the quote as one unit). The header merges key by key. The result
 * is in canonical form; each real conflict is marked around the lines where the two sides differ.
 */
import { eolOf } from '../edit/lines';
import { claimLines, compareClaims, headerLines, idOf, assemble, type Unit } from '../format/render';
import { readSidecar, type ClaimUnit, type SidecarUnits } from '../format/sidecarText';
import { mergeComments } from './comments';
import { countConflicts, withMarkers, type Labels } from './markers';
import { mergeRecords, mergeValue, type MergePolicy } from './records';
import { get, sameValue } from './values';
import { settleByArticle } from './anchor';
import type { MergeOutcome } from './outcome';

export interface SidecarMergeOptions {
  labels?: Labels;
  /**
   * The text of the article a sidecar names (`article:` of the merged header), if it can be
   * read: of two quotes both sides changed, the one whose anchor matches it is kept.
   */
  article?: (name: string) => string | undefined;
}

interface Side {
  units: SidecarUnits;
  byId: Map<string, ClaimUnit>;
}

function side(text: string, name: string): Side | string {
  const read = readSidecar(text);
  if (!read.ok) return `${name} does not parse (${read.problems[0]?.message ?? 'YAML problem'})`;
  const byId = new Map<string, ClaimUnit>();
  for (const c of read.units.claims) {
    const id = idOf(c.value);
    if (id === undefined) return `${name} has a claim without an id`;
    if (byId.has(id)) return `${name} has two claims with id ${id}`;
    byId.set(id, c);
  }
  return { units: read.units, byId };
}

const EMPTY = `claims: []\n`;

/** One merged claim: the same unit on both sides, or two sides of a conflict (a side may be absent). */
interface Merged {
  ours: Unit | undefined;
  theirs: Unit | undefined;
  conflicted: boolean;
}

function sameUnit(a: ClaimUnit | undefined, b: ClaimUnit | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.text !== undefined && a.text === b.text) return true;
  return sameValue(a.value, b.value) && sameValue(commentKey(a), commentKey(b));
}

function commentKey(u: Unit): unknown {
  return u.comments === undefined ? undefined : JSON.stringify(u.comments, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
}

export function mergeSidecar(baseText: string, oursText: string, theirsText: string, options: SidecarMergeOptions = {}): MergeOutcome {
  // An empty base is git's add/add case: both sides created the file.
  const base = side(baseText.trim() === '' ? EMPTY : baseText, 'the base');
  const ours = side(oursText, 'our side');
  const theirs = side(theirsText, 'their side');
  if (typeof base === 'string') return { kind: 'fallback', reason: base };
  if (typeof ours === 'string') return { kind: 'fallback', reason: ours };
  if (typeof theirs === 'string') return { kind: 'fallback', reason: theirs };
  const [b, o, t] = [base, ours, theirs];
  let settleQuote: ((ov: unknown, tv: unknown) => 'ours' | 'theirs' | undefined) | undefined;
  const policy: MergePolicy = {
    atomic: new Set(['quote']),
    settle: (key, ov, tv) => (key === 'quote' ? settleQuote?.(ov, tv) : undefined),
  };
  const header = mergeRecords(b.units.header.value, o.units.header.value, t.units.header.value, policy);
  const articleName = get(header.ours, 'article');
  const articleText = typeof articleName === 'string' ? options.article?.(articleName) : undefined;
  if (articleText !== undefined) settleQuote = settleByArticle(articleText);

  const merged: Merged[] = [];
  const ids = new Set([...o.byId.keys(), ...t.byId.keys(), ...b.byId.keys()]);
  for (const id of ids) {
    const m = mergeClaim(b.byId.get(id), o.byId.get(id), t.byId.get(id), policy);
    if (m) merged.push(m);
  }
  merged.sort((x, y) => compareClaims((x.ours ?? x.theirs)?.value, (y.ours ?? y.theirs)?.value));

  const headerComments = mergeComments(b.units.header.comments, o.units.header.comments, t.units.header.comments);
  const hasClaimsKey = o.units.hasClaimsKey || t.units.hasClaimsKey || merged.length > 0;
  const headerFor = (value: unknown) => headerLines({ value, comments: headerComments }, merged.length, hasClaimsKey);
  const labels = options.labels;
  const headerOut = header.conflicts.length === 0 ? headerFor(header.ours) : withMarkers(headerFor(header.ours), headerFor(header.theirs), labels);
  const blocks = merged.map((m) => {
    if (!m.conflicted) return claimLines(m.ours as Unit);
    return withMarkers(m.ours ? claimLines(m.ours) : [], m.theirs ? claimLines(m.theirs) : [], labels);
  });
  const text = assemble(headerOut, blocks, eolOf(oursText));
  const conflicts = countConflicts(headerOut) + blocks.reduce((n, lines) => n + countConflicts(lines), 0);
  return { kind: 'merged', text, conflicts };
}

function mergeClaim(b: ClaimUnit | undefined, o: ClaimUnit | undefined, t: ClaimUnit | undefined, policy: MergePolicy): Merged | undefined {
  const one = (u: Unit | undefined): Merged | undefined => (u ? { ours: u, theirs: u, conflicted: false } : undefined);
  if (sameUnit(o, b)) return one(t);
  if (sameUnit(t, b) || sameUnit(o, t)) return one(o);
  // Deleted on one side: a change of comments alone on the other does not keep it.
  if (b && ((!o && t && sameValue(t.value, b.value)) || (!t && o && sameValue(o.value, b.value)))) return undefined;
  // Deleted on one side, changed on the other: the whole claim is the conflict.
  if (!o || !t) return { ours: o, theirs: t, conflicted: true };
  const comments = mergeComments(b?.comments, o.comments, t.comments);
  const r = mergeValue('', b?.value, o.value, t.value, policy, '');
  return { ours: { value: r.ours, comments }, theirs: { value: r.theirs, comments }, conflicted: r.conflicts.length > 0 };
}
