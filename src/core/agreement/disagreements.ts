/**
 * Where two sources disagree in one article, as a list a reviewer (or the editor's curation
 * view) can walk: a unit only one source has, the same passage under different labels, the same
 * label over different spans, or a matched unit whose other attributes differ.
 */
import { matchUnits, type Match } from './matching';
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

export function articleDisagreements(article: PairedArticle, sources: readonly string[], kind: LabelKind): Disagreement[] {
  const units = article.claims.map((c) => unitsOf(c, kind));
  const out: Disagreement[] = [];
  for (const [i, j] of sourcePairs(units.length)) out.push(...pairDisagreements(units[i] as Unit[], units[j] as Unit[], [sources[i] as string, sources[j] as string], kind));
  return out.sort((x, y) => byPosition(x.a ?? (x.b as Unit), y.a ?? (y.b as Unit)));
}

export function pairDisagreements(a: readonly Unit[], b: readonly Unit[], names: [string, string], kind: LabelKind): Disagreement[] {
  const out: Disagreement[] = [];
  const { matches, onlyA, onlyB } = matchUnits(a, b, 'overlap');
  const attributes = attributesFor(kind);
  for (const m of matches) {
    const differing = differingAttributes(m, attributes);
    const sameSpan = m.a.start === m.b.start && m.a.end === m.b.end;
    if (!sameSpan) out.push({ kind: 'span', sources: names, a: m.a, b: m.b, attributes: differing });
    else if (differing.length > 0) out.push({ kind: 'attributes', sources: names, a: m.a, b: m.b, attributes: differing });
  }
  // Left over on both sides and overlapping: the same passage, labelled differently.
  const relabelled = matchUnits(
    onlyA.map((u) => ({ ...u, label: '' })),
    onlyB.map((u) => ({ ...u, label: '' })),
    'overlap',
  );
  for (const m of relabelled.matches) out.push({ kind: 'label', sources: names, a: original(m.a, onlyA), b: original(m.b, onlyB) });
  for (const u of relabelled.onlyA) out.push({ kind: 'only-one', sources: names, a: original(u, onlyA) });
  for (const u of relabelled.onlyB) out.push({ kind: 'only-one', sources: names, b: original(u, onlyB) });
  return out;
}

export function differingAttributes(m: Match, attributes: readonly AttributeName[]): AttributeName[] {
  return attributes.filter((name) => attributeValue(m.a.claim, name) !== attributeValue(m.b.claim, name));
}

/** The unit with its label back (matching ignored labels by blanking them on copies). */
function original(copy: Unit, from: readonly Unit[]): Unit {
  return from.find((u) => u.claim === copy.claim && u.start === copy.start && u.end === copy.end) ?? copy;
}
