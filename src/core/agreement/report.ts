/**
 * The whole comparison as plain data: the JSON contract of `claimbook agree --format json`
 * (README, docs/agreement.md). Numbers are null where a measure is undefined, with a note why.
 */
import { countPairDisagreements, sourcePairs } from './disagreements';
import { matchUnits, type Matching } from './matching';
import { AlphaTally, KappaTally } from './nominal';
import type { LeftOut, PairedArticle, Pairing } from './pairing';
import { alphaOver, BlankGaps, combinedAlpha, unitizedAlpha, type AlphaParts, type Continuum, type Span } from './unitizedAlpha';
import { attributesFor, attributeValue, unitsOf, type LabelKind, type Unit } from './units';

export interface OverallMeasures {
  alpha_u: number | null;
  f1_exact: number | null;
  f1_overlap: number | null;
  precision_overlap: number | null;
  recall_overlap: number | null;
}

export interface LabelMeasures {
  alpha_u: number | null;
  f1_exact: number | null;
  f1_overlap: number | null;
  units: Record<string, number>;
}

export interface AttributeMeasures {
  kappa: number | null;
  alpha: number | null;
  matched: number;
}

export interface PairMeasures extends Omit<OverallMeasures, 'alpha_u'> {
  reference: string;
  other: string;
}

export interface ArticleMeasures {
  article: string;
  alpha_u: number | null;
  f1_overlap: number | null;
  disagreements: number;
}

export interface AgreementReport {
  sources: string[];
  articles: number;
  label: LabelKind;
  overall: OverallMeasures;
  labels: Record<string, LabelMeasures>;
  attributes: Record<string, AttributeMeasures>;
  articles_detail: ArticleMeasures[];
  /** Span matching per pair of sources, the first of each pair the reference. */
  pairs: PairMeasures[];
  /** Articles that could not be compared, and why. */
  left_out: LeftOut[];
  notes: string[];
}

/** True positives and the two sides' unit counts: enough for micro P/R/F1. */
interface Counts {
  matched: number;
  reference: number;
  other: number;
}

const zero = (): Counts => ({ matched: 0, reference: 0, other: 0 });

function add(into: Counts, m: Matching): void {
  into.matched += m.matches.length;
  into.reference += m.matches.length + m.onlyA.length;
  into.other += m.matches.length + m.onlyB.length;
}

const f1 = (c: Counts): number | null => (c.reference + c.other === 0 ? null : (2 * c.matched) / (c.reference + c.other));
const precision = (c: Counts): number | null => (c.other === 0 ? null : c.matched / c.other);
const recall = (c: Counts): number | null => (c.reference === 0 ? null : c.matched / c.reference);
const alphaOf = (p: AlphaParts): number | null => p.alpha ?? null;

export function computeAgreement(pairing: Pairing, kind: LabelKind): AgreementReport {
  const { sources, articles } = pairing;
  const m = sources.length;
  const pairs = sourcePairs(m);
  const notes = new Set<string>(pairing.notes);
  const exact = pairs.map(zero);
  const overlap = pairs.map(zero);
  const labelExact = new Map<string, Counts>();
  const labelOverlap = new Map<string, Counts>();
  const labelUnits = new Map<string, number[]>();
  const spansByLabel = new Map<string, Map<number, Span[][]>>(); // label → article index → per source
  const attributes = attributesFor(kind);
  // Counted as the units are matched: no list of value pairs for 50,000 claims.
  const kappas = attributes.map(() => new KappaTally());
  const alphas = attributes.map(() => new AlphaTally());
  let matchedUnits = 0;
  const detail: ArticleMeasures[] = [];

  articles.forEach((article, at) => {
    const units = article.claims.map((c) => unitsOf(c, kind));
    const articleCounts = zero();
    const articleLabels = new Map<string, Span[][]>();
    units.forEach((list, s) => {
      for (const u of list) {
        let counts = labelUnits.get(u.label);
        if (!counts) labelUnits.set(u.label, (counts = new Array<number>(m).fill(0)));
        counts[s] = (counts[s] as number) + 1;
        let row = articleLabels.get(u.label);
        if (!row) articleLabels.set(u.label, (row = sources.map(() => [])));
        (row[s] as Span[]).push(u);
      }
    });
    for (const [label, row] of articleLabels) {
      let perArticle = spansByLabel.get(label);
      if (!perArticle) spansByLabel.set(label, (perArticle = new Map()));
      perArticle.set(at, row);
    }
    // Matches of the reference's units, per other source, for attribute agreement.
    const groups = new Map<Unit, Unit[]>();
    let disagreements = 0;
    pairs.forEach(([i, j], p) => {
      const a = units[i] as Unit[];
      const b = units[j] as Unit[];
      const e = matchUnits(a, b, 'exact');
      const o = matchUnits(a, b, 'overlap');
      add(exact[p] as Counts, e);
      add(overlap[p] as Counts, o);
      add(articleCounts, o);
      addByLabel(labelExact, e);
      addByLabel(labelOverlap, o);
      disagreements += countPairDisagreements(o, attributes);
      if (i === 0)
        for (const match of o.matches) {
          const g = groups.get(match.a);
          if (g) g.push(match.b);
          else groups.set(match.a, [match.b]);
        }
      if (m === 2)
        for (const match of o.matches)
          attributes.forEach((name, x) => {
            const va = attributeValue(match.a.claim, name);
            const vb = attributeValue(match.b.claim, name);
            (kappas[x] as KappaTally).add(va, vb);
            (alphas[x] as AlphaTally).addPair(va, vb);
          });
    });
    if (m === 2) matchedUnits += groups.size;
    else
      for (const [ref, others] of groups) {
        matchedUnits++;
        const units = [ref, ...others];
        attributes.forEach((name, x) => (alphas[x] as AlphaTally).add(units.map((u) => attributeValue(u.claim, name))));
      }
    const articleAlpha = combinedAlpha([...articleLabels.values()].map((row) => unitizedAlpha([{ length: article.length, sources: row }])));
    detail.push({ article: article.path, alpha_u: alphaOf(articleAlpha), f1_overlap: f1(articleCounts), disagreements });
  });

  const labels = Object.create(null) as Record<string, LabelMeasures>;
  const allGaps = new BlankGaps(articles.map((a) => a.length), m);
  const allLength = articles.reduce((sum, a) => sum + a.length, 0);
  const labelAlphas: AlphaParts[] = [];
  for (const label of [...labelUnits.keys()].sort()) {
    const perArticle = spansByLabel.get(label) ?? new Map<number, Span[][]>();
    // Every article is part of each label's continuum: one without the label is all gap. The
    // articles without it are every article less those with it (in article order, as added).
    const continua: Continuum[] = [];
    let present = 0;
    for (const [at, row] of perArticle) {
      const length = (articles[at] as PairedArticle).length;
      continua.push({ length, sources: row });
      present += length;
    }
    const parts = alphaOver(continua, allLength - present, allGaps.without(new BlankGaps(continua.map((c) => c.length), m)), m);
    labelAlphas.push(parts);
    const counts = labelUnits.get(label) as number[];
    labels[label] = {
      alpha_u: alphaOf(parts),
      f1_exact: f1(labelExact.get(label) ?? zero()),
      f1_overlap: f1(labelOverlap.get(label) ?? zero()),
      units: Object.fromEntries(sources.map((s, i) => [s, counts[i] as number])),
    };
    if (counts.filter((n) => n > 0).length === 1) notes.add(`label ${label} is used by one source only`);
  }

  const total = (list: Counts[]): Counts => list.reduce((acc, c) => ({ matched: acc.matched + c.matched, reference: acc.reference + c.reference, other: acc.other + c.other }), zero());
  const allOverlap = total(overlap);
  const overallAlpha = combinedAlpha(labelAlphas);
  const overall: OverallMeasures = {
    alpha_u: m < 2 ? null : alphaOf(overallAlpha),
    f1_exact: f1(total(exact)),
    f1_overlap: f1(allOverlap),
    precision_overlap: precision(allOverlap),
    recall_overlap: recall(allOverlap),
  };
  if (m < 2) notes.add('fewer than two sources: nothing to compare');
  if (articles.length === 0) notes.add('no article could be compared');
  else if (labelUnits.size === 0) notes.add('no source has any claim: alpha_u and F1 are undefined (null)');
  if (overall.precision_overlap === null && allOverlap.reference > 0) notes.add('precision is undefined (null): only the reference source has claims');
  if (overall.recall_overlap === null && allOverlap.other > 0) notes.add('recall is undefined (null): the reference source has no claims');
  if (detail.some((d) => d.alpha_u === null)) notes.add('articles_detail: alpha_u and f1_overlap are null for an article where no source has a claim');

  const attributeResults = Object.create(null) as Record<string, AttributeMeasures>;
  attributes.forEach((name, x) => {
    const kappa = m === 2 ? (kappas[x] as KappaTally).kappa() : undefined;
    const alpha = (alphas[x] as AlphaTally).alpha();
    attributeResults[name] = { kappa: kappa ?? null, alpha: alpha ?? null, matched: matchedUnits };
    if (matchedUnits === 0) notes.add(`${name}: no matched units, so its agreement is undefined (null)`);
    else if (alpha === undefined) notes.add(`${name}: every matched unit has the same value, so chance agreement is total and kappa/alpha are undefined (null)`);
  });
  if (m > 2) notes.add("attributes: Cohen's kappa compares two sources; with more, see alpha (units matched to the first source's)");

  return {
    sources: [...sources],
    articles: articles.length,
    label: kind,
    overall,
    labels,
    attributes: attributeResults,
    articles_detail: detail,
    pairs: pairs.map(([i, j], p) => ({
      reference: sources[i] as string,
      other: sources[j] as string,
      f1_exact: f1(exact[p] as Counts),
      f1_overlap: f1(overlap[p] as Counts),
      precision_overlap: precision(overlap[p] as Counts),
      recall_overlap: recall(overlap[p] as Counts),
    })),
    left_out: pairing.leftOut,
    notes: [...notes],
  };
}

/** Per-label counts from a matching over all labels (matching never pairs two labels). */
function addByLabel(map: Map<string, Counts>, m: Matching): void {
  for (const x of m.matches) {
    const c = counter(map, x.a.label);
    c.matched++;
    c.reference++;
    c.other++;
  }
  for (const u of m.onlyA) counter(map, u.label).reference++;
  for (const u of m.onlyB) counter(map, u.label).other++;
}

function counter(map: Map<string, Counts>, key: string): Counts {
  let c = map.get(key);
  if (!c) map.set(key, (c = zero()));
  return c;
}
