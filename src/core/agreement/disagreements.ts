/**
 * Where two sources disagree in one article, as a list a reviewer (or the editor's curation
 * view) can walk: a unit only one source has, the same passage under different labels, the same
 * label over different spans, or a matched unit whose other attributes differ.
 */
import { matchUnits, overlapCountIgnoringLabels, type Match, type Matching } from './matching';
import type { PairedArticle } from './pairing';
import { attributesFor, attributeValue, byPosition, unitsOf, type AttributeName, type LabelKind, type Unit } from './units';

export type DisagreementKind = 'only-one' | 'label' | 'span' | 'attributes';

export interface Disagreement {
  kind: DisagreementKind;
  /** The two sources compared (the first is the reference). */
  sources: [string, string];
  /** The reference source's unit, absent when only the other source has one. */
  a?: Unit;
  /** The other source's unit, absent when only the reference has one. */
  b?: Unit;
  /** Attributes whose values differ (for 'span' and 'attributes'). */
  attributes?: AttributeName[];
}

/** Every pair of sources (reference first), in source order. */
export function sourcePairs(count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) out.push([i, j]);
  return out;
}

export function articleDisagreements(article: PairedArticle, sources: readonly string[], kind: LabelKind, units = article.claims.map((c) => unitsOf(c, kind))): Disagreement[] {
  const out: Disagreement[] = [];
  for (const [i, j] of sourcePairs(units.length)) out.push(...pairDisagreements(units[i] as Unit[], units[j] as Unit[], [sources[i] as string, sources[j] as string], kind));
  return out.sort((x, y) => byPosition(x.a ?? (x.b as Unit), y.a ?? (y.b as Unit)));
}

/** `overlap`: the overlap matching of `a` and `b`, when the caller has it already. */
export function pairDisagreements(a: readonly Unit[], b: readonly Unit[], names: [string, string], kind: LabelKind, overlap: Matching = matchUnits(a, b, 'overlap')): Disagreement[] {
  const out: Disagreement[] = [];
  const { matches, onlyA, onlyB } = overlap;
  const attributes = attributesFor(kind);
  for (const m of matches) {
    const differing = differingAttributes(m, attributes);
    const sameSpan = m.a.start === m.b.start && m.a.end === m.b.end;
    if (!sameSpan) out.push({ kind: 'span', sources: names, a: m.a, b: m.b, attributes: differing });
    else if (differing.length > 0) out.push({ kind: 'attributes', sources: names, a: m.a, b: m.b, attributes: differing });
  }
  // Left over on both sides and overlapping: the same passage, labelled differently.
  if (onlyA.length === 0 || onlyB.length === 0) {
    for (const u of onlyA) out.push({ kind: 'only-one', sources: names, a: u });
    for (const u of onlyB) out.push({ kind: 'only-one', sources: names, b: u });
    return out;
  }
  // Matched again with the labels blanked on copies; `back` leads from a copy to its unit.
  const back = new Map<Unit, Unit>();
  const blanked = (units: readonly Unit[]) =>
    units.map((u) => {
      const copy = { ...u, label: '' };
      back.set(copy, u);
      return copy;
    });
  const relabelled = matchUnits(blanked(onlyA), blanked(onlyB), 'overlap');
  for (const m of relabelled.matches) out.push({ kind: 'label', sources: names, a: back.get(m.a), b: back.get(m.b) });
  for (const u of relabelled.onlyA) out.push({ kind: 'only-one', sources: names, a: back.get(u) });
  for (const u of relabelled.onlyB) out.push({ kind: 'only-one', sources: names, b: back.get(u) });
  return out;
}

/** `pairDisagreements(…).length`, counted without building the list. */
export function countPairDisagreements(overlap: Matching, attributes: readonly AttributeName[]): number {
  const { matches, onlyA, onlyB } = overlap;
  let count = 0;
  for (const m of matches) {
    if (m.a.start !== m.b.start || m.a.end !== m.b.end) count++;
    else if (attributes.some((name) => attributeValue(m.a.claim, name) !== attributeValue(m.b.claim, name))) count++;
  }
  // Left over on both sides: each pair matched without labels is one disagreement, each unit left alone another.
  const relabelled = onlyA.length === 0 || onlyB.length === 0 ? 0 : overlapCountIgnoringLabels(onlyA, onlyB);
  return count + onlyA.length + onlyB.length - relabelled;
}

export function differingAttributes(m: Match, attributes: readonly AttributeName[]): AttributeName[] {
  return attributes.filter((name) => attributeValue(m.a.claim, name) !== attributeValue(m.b.claim, name));
}
