/**
 * The agreement measures of src/core/agreement against published worked examples and
 * hand-computed cases. Where each expected number comes from is said at the test.
 */
import * as assert from 'node:assert/strict';
import { placed, source } from './support/agreementFixtures';
import {
  articleDisagreements,
  cohenKappa,
  combinedAlpha,
  computeAgreement,
  matchUnits,
  nominalAlpha,
  pairArticles,
  unitizedAlpha,
  type Span,
  type Unit,
} from '../../src/core';

const near = (actual: number | null | undefined, expected: number, tolerance: number, what = ''): void => {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `${what}: ${String(actual)} is not ${expected} ± ${tolerance}`);
};

/** (begin, length) as printed in the sources, onto a continuum starting at `origin`. */
const units = (list: Array<[number, number]>, origin = 0, stretch = 1): Span[] => list.map(([b, l]) => ({ start: (b - origin) * stretch, end: (b - origin + l) * stretch }));

describe('agreement: Krippendorff 2004, Content Analysis (2nd ed.), §12.4, the example on p. 254', () => {
  // Continuum [150, 450): L = 300, two observers, categories c and k. The figures of the book
  // (D_o, D_e and alpha per category, and over both) are as printed there and as reproduced by
  // DKPro Statistics' Krippendorff2004Test (which also prints the book's data).
  const c = unitizedAlpha([{ length: 300, sources: [units([[225, 70], [370, 30]], 150), units([[220, 80], [355, 20], [400, 20]], 150)] }]);
  const k = unitizedAlpha([{ length: 300, sources: [units([[180, 60], [300, 50]], 150), units([[180, 60], [300, 50]], 150)] }]);

  it('category c: D_o = .0144, D_e = .0532, alpha = .7286', () => {
    near(c.observed, 0.0144, 0.0001, 'D_o');
    near(c.expected, 0.0532, 0.0001, 'D_e');
    near(c.alpha, 0.7286, 0.0001, 'alpha');
  });

  it('category k (identical units): D_o = 0, D_e = .0490, alpha = 1', () => {
    assert.equal(k.observed, 0);
    near(k.expected, 0.049, 0.0001, 'D_e');
    assert.equal(k.alpha, 1);
  });

  it('over both categories: alpha = 1 − ΣD_o/ΣD_e = .8591 (the book rounds D first)', () => {
    near(combinedAlpha([c, k]).alpha, 0.8591, 0.0005, 'alpha');
  });

  it('the distances δ² of the book: 50 and 850 for overlapping units, 400 for a unit inside a gap', () => {
    // One pair of sections per continuum: D_o · m(m−1)L² / 2 (both orders) is that pair's δ².
    const delta = (a: Span[], b: Span[], length = 1000): number => (unitizedAlpha([{ length, sources: [a, b] }]).observed * 2 * length * length) / 2;
    assert.equal(Math.round(delta(units([[225, 70]]), units([[220, 80]]))), 50);
    assert.equal(Math.round(delta(units([[370, 30]]), units([[355, 20]]))), 850);
    assert.equal(Math.round(delta([], units([[400, 20]]))), 400);
  });
});

describe('agreement: Krippendorff 1995, "On the reliability of unitizing continuous data", the examples of p. 57', () => {
  // Four examples of two coders over 24 positions (A: Bertha/Bill, B: John/Jill, C: Gerret/Gill,
  // D: Heather/Hill), as reproduced (with the paper's figures) by DKPro Statistics'
  // Krippendorff1995Test; the paper itself is not in the corpus this project could read. D_o
  // does not depend on the scale; the paper's D_e and alpha are those of a fine continuum (the
  // examples stretched 50,000×), and DKPro notes a small error in the paper's D_e, hence the
  // tolerances (theirs): ±.005 on D_e, ±.02 on alpha.
  const examples: Record<string, [Array<[number, number]>, Array<[number, number]>, number, number, number]> = {
    A: [[[2, 8], [14, 6]], [[4, 4], [15, 2]], 0.03125, 0.0699, 0.553],
    B: [[[0, 18]], [[0, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 3], [9, 1]], 2.26736, 1.17731, -0.926],
    C: [[[2, 6], [10, 2], [14, 4], [20, 2]], [[0, 2], [4, 4], [10, 4], [16, 2], [20, 2]], 0.02777, 0.08642, 0.679],
    D: [[[0, 2], [2, 8], [10, 4], [14, 6], [20, 4]], [[0, 4], [4, 4], [8, 7], [15, 2], [17, 7]], 0.38715, 0.41445, 0.066],
  };
  for (const [name, [first, second, observed, expected, alpha]] of Object.entries(examples))
    it(`example ${name}: D_o = ${observed}, D_e ≈ ${expected}, alpha ≈ ${alpha}`, () => {
      near(unitizedAlpha([{ length: 24, sources: [units(first), units(second)] }]).observed, observed, 0.00001, 'D_o at scale 1');
      const fine = unitizedAlpha([{ length: 24 * 50_000, sources: [units(first, 0, 50_000), units(second, 0, 50_000)] }]);
      near(fine.observed, observed, 0.00001, 'D_o');
      near(fine.expected, expected, 0.005, 'D_e');
      near(fine.alpha, alpha, 0.02, 'alpha');
    });

  it('example C at half scale (12 positions): D_e = .05494, alpha = .494 (DKPro, from the paper)', () => {
    const [first, second] = examples.C as unknown as [Array<[number, number]>, Array<[number, number]>];
    const r = unitizedAlpha([{ length: 12, sources: [units(first, 0, 0.5), units(second, 0, 0.5)] }]);
    near(r.expected, 0.05494, 0.00001, 'D_e');
    near(r.alpha, 0.494, 0.02, 'alpha');
  });

  it("the digitized example A (one value per position): Cohen's kappa .385, Krippendorff's alpha .329", () => {
    const bertha = '001111111100001111110000';
    const bill = '000011110000000110000000';
    const pairs = [...bertha].map((v, i) => [v, bill[i] as string] as [string, string]);
    near(cohenKappa(pairs), 0.385, 0.001, 'kappa');
    near(nominalAlpha(pairs), 0.329, 0.001, 'alpha');
  });
});

describe('agreement: nominal alpha and kappa', () => {
  it('Krippendorff 2011, "Computing Krippendorff\'s Alpha-Reliability", nominal data, 4 observers, missing values: alpha = .743', () => {
    const rows = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const unitsOf = (rows[0] as unknown[]).map((_, u) => rows.map((r) => r[u]).filter((v) => v !== null).map(String));
    near(nominalAlpha(unitsOf), 0.743, 0.0005, 'alpha');
  });

  it('Krippendorff 2011, binary data, two observers: alpha = .095; Cohen\'s kappa (by hand: p_o .6, p_e .56) = .0909', () => {
    const a = '0100000010';
    const b = '1110010000';
    const pairs = [...a].map((v, i) => [v, b[i] as string] as [string, string]);
    near(nominalAlpha(pairs), 0.095, 0.0005, 'alpha');
    near(cohenKappa(pairs), 0.04 / 0.44, 1e-12, 'kappa');
  });

  it('undefined without pairs or when every value is the same', () => {
    assert.equal(cohenKappa([]), undefined);
    assert.equal(cohenKappa([['x', 'x']]), undefined);
    assert.equal(nominalAlpha([['x', 'x'], ['x', 'x']]), undefined);
    assert.equal(nominalAlpha([['x']]), undefined);
  });
});

// ---- the dataset-level comparison, on hand-made articles ----

const TEXT = 'x'.repeat(100);

describe('agreement: span matching and F1 by hand', () => {
  const u = (start: number, end: number, label = 'aid'): Unit => ({ ...placed(start, end), label });

  it('exact needs the same start, end and label; overlap one shared code point, one to one', () => {
    const a = [u(0, 10), u(20, 30), u(40, 50, 'troops')];
    const b = [u(0, 10), u(25, 35), u(28, 32), u(40, 50)];
    assert.equal(matchUnits(a, b, 'exact').matches.length, 1);
    const overlap = matchUnits(a, b, 'overlap');
    assert.deepEqual(overlap.matches.map((m) => [m.a.start, m.b.start]), [[0, 0], [20, 25]]);
    assert.deepEqual(overlap.onlyB.map((x) => x.start), [28, 40]);
    assert.equal(matchUnits([u(0, 10)], [u(10, 20)], 'overlap').matches.length, 0, 'touching spans share no code point');
  });

  it('P/R/F1 take the first source as reference; micro over labels', () => {
    // Reference: 4 units; other: 3, of which 2 overlap a reference unit, 1 exactly.
    const pairing = pairArticles([
      source('ref', { 'a.txt': [TEXT, [placed(0, 10), placed(20, 30), placed(40, 50, { commitment: 'troops' }), placed(60, 70)]] }),
      source('other', { 'a.txt': [TEXT, [placed(0, 10), placed(22, 30), placed(80, 90)]] }),
    ]);
    const r = computeAgreement(pairing, 'commitment');
    assert.equal(r.overall.precision_overlap, 2 / 3);
    assert.equal(r.overall.recall_overlap, 2 / 4);
    assert.equal(r.overall.f1_overlap, (2 * 2) / 7);
    assert.equal(r.overall.f1_exact, (2 * 1) / 7);
    assert.equal(r.labels.troops?.f1_overlap, 0);
    assert.deepEqual(r.labels.aid?.units, { ref: 3, other: 3 });
  });
});

describe('agreement: edge cases have defined results', () => {
  it('no units at all: alpha_u and F1 null, with a note', () => {
    const r = computeAgreement(pairArticles([source('a', { 'x.txt': [TEXT, []] }), source('b', { 'x.txt': [TEXT, []] })]), 'commitment');
    assert.equal(r.articles, 1);
    assert.equal(r.overall.alpha_u, null);
    assert.equal(r.overall.f1_overlap, null);
    assert.ok(r.notes.some((n) => n.includes('no source has any claim')));
  });

  it('one source empty: F1 0, alpha_u defined and below 0, precision null with a note', () => {
    const r = computeAgreement(pairArticles([source('a', { 'x.txt': [TEXT, [placed(10, 20)]] }), source('b', { 'x.txt': [TEXT, []] })]), 'commitment');
    assert.equal(r.overall.f1_overlap, 0);
    assert.equal(r.overall.recall_overlap, 0);
    assert.equal(r.overall.precision_overlap, null);
    assert.ok(r.notes.some((n) => n.startsWith('precision is undefined')));
    // By hand: D_o = 2·10²/(2·100²) = .01; N = 1, gaps 10, 80, 100 (each ≥ l = 10 holds g − l + 1 placements: 1, 71, 91):
    // D_e = (2/100)·10²·163/(200·199 − 10·9).
    const expected = ((2 / 100) * 100 * (1 + 71 + 91)) / (200 * 199 - 90);
    near(r.overall.alpha_u, 1 - 0.01 / expected, 1e-12, 'alpha_u');
  });

  it('a label used by only one source: its F1 is 0 and a note says so', () => {
    const r = computeAgreement(
      pairArticles([source('a', { 'x.txt': [TEXT, [placed(10, 20), placed(50, 60, { commitment: 'troops' })]] }), source('b', { 'x.txt': [TEXT, [placed(10, 20)]] })]),
      'commitment',
    );
    assert.equal(r.labels.troops?.f1_overlap, 0);
    assert.equal(r.labels.aid?.alpha_u, 1);
    assert.ok(r.notes.includes('label troops is used by one source only'));
  });

  it('identical sources: alpha_u 1 and F1 1, per label and per article; a single article', () => {
    const claims = [placed(0, 10), placed(30, 45, { commitment: 'troops', stance: 'refusal' })];
    const r = computeAgreement(pairArticles([source('a', { 'x.txt': [TEXT, claims] }), source('b', { 'x.txt': [TEXT, claims] })]), 'commitment');
    assert.deepEqual(r.overall, { alpha_u: 1, f1_exact: 1, f1_overlap: 1, precision_overlap: 1, recall_overlap: 1 });
    assert.deepEqual(r.articles_detail, [{ article: 'x.txt', alpha_u: 1, f1_overlap: 1, disagreements: 0 }]);
    assert.equal(r.attributes.stance?.matched, 2);
  });

  it('fewer than two sources: nothing to compare, noted', () => {
    const r = computeAgreement(pairArticles([source('a', { 'x.txt': [TEXT, [placed(0, 10)]] })]), 'commitment');
    assert.equal(r.overall.alpha_u, null);
    assert.ok(r.notes.some((n) => n.startsWith('fewer than two sources')));
  });
});

describe('agreement: attributes of matched units', () => {
  it('stance and actor agreement on units matched by overlap, as kappa and alpha', () => {
    const ref = [placed(0, 10), placed(20, 30), placed(40, 50), placed(60, 70, { stance: 'refusal' })];
    const other = [placed(0, 10), placed(21, 30, { stance: 'refusal' }), placed(40, 50), placed(60, 70, { stance: 'refusal', actor: 'merz' })];
    const r = computeAgreement(pairArticles([source('a', { 'x.txt': [TEXT, ref] }), source('b', { 'x.txt': [TEXT, other] })]), 'commitment');
    // Stance pairs: (p,p) (p,r) (p,p) (r,r): p_o = .75, p_e = .75·.5 + .25·.5 = .5 → kappa .5.
    assert.equal(r.attributes.stance?.kappa, 0.5);
    assert.equal(r.attributes.stance?.matched, 4);
    near(r.attributes.stance?.alpha ?? null, nominalAlpha([['pledge', 'pledge'], ['pledge', 'refusal'], ['pledge', 'pledge'], ['refusal', 'refusal']]) as number, 1e-12, 'alpha');
    assert.equal(r.attributes.commitment, undefined, 'the label is not an attribute');
    assert.equal(r.attributes.condition?.alpha, null, 'every unit without a condition: chance agreement is total');
  });
});

describe('agreement: pairing and re-anchoring', () => {
  it('an article whose text differs is compared after re-anchoring the claims on the reference text', () => {
    const text = 'Macron pledged troops. Merz refused.';
    const edited = `Update: ${text}`;
    const pairing = pairArticles([
      source('a', { 'x.txt': [text, [placed(0, 21)]] }),
      source('b', { 'x.txt': [edited, [placed(8, 29)]] }),
    ]);
    assert.equal(pairing.leftOut.length, 0);
    assert.deepEqual(pairing.articles[0]?.reanchored, ['b']);
    assert.deepEqual(pairing.articles[0]?.claims[1]?.map((c) => [c.start, c.end]), [[0, 21]]);
    assert.equal(computeAgreement(pairing, 'commitment').overall.f1_exact, 1);
  });

  it('when a quote cannot be placed on the reference text, the article is reported and left out', () => {
    const pairing = pairArticles([
      source('a', { 'x.txt': ['Macron pledged troops.', [placed(0, 6)]], 'y.txt': [TEXT, []] }),
      source('b', { 'x.txt': ['Something else entirely, about tariffs.', [placed(0, 9)]], 'y.txt': [TEXT, [placed(0, 5)]] }),
    ]);
    assert.deepEqual(pairing.articles.map((a) => a.path), ['y.txt']);
    assert.equal(pairing.leftOut[0]?.article, 'x.txt');
    assert.match(pairing.leftOut[0]?.reason ?? '', /text differs in b and the quote "Something" .* is orphaned/);
  });

  it('an article missing from a source is reported and left out', () => {
    const pairing = pairArticles([source('a', { 'x.txt': [TEXT, [placed(0, 6)]] }), source('b', {})]);
    assert.deepEqual(pairing.leftOut, [{ article: 'x.txt', reason: 'not in b' }]);
  });
});

describe('agreement: the per-article disagreement list', () => {
  it('names units only in one source, relabelled passages, different spans and different attributes', () => {
    const pairing = pairArticles([
      source('alice', { 'x.txt': [TEXT, [placed(0, 10), placed(20, 30), placed(40, 50), placed(60, 70)]] }),
      source('bob', { 'x.txt': [TEXT, [placed(0, 10, { stance: 'refusal' }), placed(22, 30), placed(40, 50, { commitment: 'troops' }), placed(80, 90)]] }),
    ]);
    const list = articleDisagreements(pairing.articles[0] as NonNullable<(typeof pairing.articles)[0]>, pairing.sources, 'commitment');
    assert.deepEqual(
      list.map((d) => [d.kind, d.a?.start ?? null, d.b?.start ?? null, d.attributes ?? []]),
      [
        ['attributes', 0, 0, ['stance']],
        ['span', 20, 22, []],
        ['label', 40, 40, []],
        ['only-one', 60, null, []],
        ['only-one', null, 80, []],
      ],
    );
    assert.equal(list[2]?.b?.label, 'troops');
    assert.equal(computeAgreement(pairing, 'commitment').articles_detail[0]?.disagreements, 5);
  });
});
