/** Properties of the agreement measures over seeded random annotations (issue 15). */
import * as assert from 'node:assert/strict';
import { computeAgreement, pairArticles, type PlacedClaim } from '../../src/core';
import { placed, source } from './support/agreementFixtures';
import { pick, random } from './support/random';

const LABELS = ['aid', 'troops', 'sanctions'];
const LENGTH = 1000;
const TEXT = 'word '.repeat(LENGTH / 5);

/** Units of random labels in [from, to), as claims. */
function annotate(rand: (n: number) => number, count: number, from = 0, to = LENGTH / 2): PlacedClaim[] {
  return Array.from({ length: count }, () => {
    const start = from + rand(to - from - 40);
    return placed(start, start + 1 + rand(39), { commitment: pick(rand, LABELS), stance: pick(rand, ['pledge', 'refusal']) });
  });
}

const shifted = (claims: PlacedClaim[], by: number): PlacedClaim[] => claims.map((c) => ({ ...c, start: c.start + by, end: c.end + by }));

function agreement(...sources: PlacedClaim[][][]): ReturnType<typeof computeAgreement> {
  return computeAgreement(
    pairArticles(sources.map((articles, s) => source(`s${s}`, Object.fromEntries(articles.map((claims, a) => [`a${a}.txt`, [TEXT, claims] as [string, PlacedClaim[]]]))))),
    'commitment',
  );
}

describe('agreement properties', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`seed ${seed}: identical sources give alpha_u 1 and F1 1`, () => {
      const rand = random(seed);
      const a = [annotate(rand, 1 + rand(12)), annotate(rand, 1 + rand(12))];
      const r = agreement(a, a.map((claims) => claims.map((c) => ({ ...c }))));
      assert.equal(r.overall.alpha_u, 1);
      assert.equal(r.overall.f1_exact, 1);
      assert.equal(r.overall.f1_overlap, 1);
      for (const m of Object.values(r.labels)) assert.equal(m.alpha_u, 1);
    });

    it(`seed ${seed}: alpha_u is symmetric in the order of the sources`, () => {
      const rand = random(1000 + seed);
      const s = [0, 1, 2].map(() => [annotate(rand, rand(10)), annotate(rand, rand(10))]);
      const [x, y, z] = s as [PlacedClaim[][], PlacedClaim[][], PlacedClaim[][]];
      const base = agreement(x, y, z);
      for (const order of [agreement(y, x, z), agreement(z, y, x), agreement(y, z, x)]) {
        if (base.overall.alpha_u === null) assert.equal(order.overall.alpha_u, null);
        else assert.ok(Math.abs((order.overall.alpha_u as number) - base.overall.alpha_u) < 1e-12, `${order.overall.alpha_u} vs ${base.overall.alpha_u}`);
        for (const [label, m] of Object.entries(base.labels)) assert.ok(Math.abs((order.labels[label]?.alpha_u ?? NaN) - (m.alpha_u ?? NaN)) < 1e-12 || (m.alpha_u === null && order.labels[label]?.alpha_u === null));
      }
    });

    it(`seed ${seed}: shifting every unit of one source by one code point lowers alpha_u`, () => {
      const rand = random(2000 + seed);
      const a = [annotate(rand, 1 + rand(12), 1), annotate(rand, 1 + rand(12), 1)];
      const agreed = agreement(a, a);
      const moved = agreement(a, a.map((claims) => shifted(claims, 1)));
      const further = agreement(a, a.map((claims) => shifted(claims, -1)));
      assert.ok((moved.overall.alpha_u as number) < (agreed.overall.alpha_u as number), `${moved.overall.alpha_u} < ${agreed.overall.alpha_u}`);
      assert.ok((further.overall.alpha_u as number) < (agreed.overall.alpha_u as number));
    });

    it(`seed ${seed}: adding agreeing units never lowers F1`, () => {
      const rand = random(3000 + seed);
      const a = [annotate(rand, rand(12)), annotate(rand, rand(12))];
      const b = [annotate(rand, rand(12)), annotate(rand, rand(12))];
      const before = agreement(a, b);
      // Agreeing units where neither source has any (the second half of each article).
      const extra = [annotate(rand, 1 + rand(5), LENGTH / 2, LENGTH), annotate(rand, rand(5), LENGTH / 2, LENGTH)];
      const after = agreement(
        a.map((claims, i) => [...claims, ...(extra[i] as PlacedClaim[])]),
        b.map((claims, i) => [...claims, ...(extra[i] as PlacedClaim[]).map((c) => ({ ...c }))]),
      );
      for (const key of ['f1_exact', 'f1_overlap'] as const) assert.ok((after.overall[key] as number) >= (before.overall[key] ?? 0), `${key}: ${after.overall[key]} < ${before.overall[key]}`);
    });
  }
});
