/**
 * "Did you mean" through the label index must suggest exactly what measuring every label in
 * full did: a reference written the plain way is the judge, on random near misses.
 */
import * as assert from 'node:assert/strict';
import { distance, distanceWithin, suggest, SuggestIndex, type Candidate, type Suggestion } from '../../src/core/rules/suggest';

/** mulberry32: the same cases on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rule as it was: every label of every candidate, measured in full. */
function reference(value: string, candidates: Candidate[], max = 3): Suggestion[] {
  const needle = value.trim().toLowerCase();
  const scored: Array<{ id: string; distance: number }> = [];
  for (const c of candidates) {
    let best = Infinity;
    for (const label of [c.id, ...c.labels]) {
      const l = label.toLowerCase();
      best = l === needle ? -1 : Math.min(best, distance(needle, l));
      if (best < 0) break;
    }
    if (best <= Math.max(2, Math.floor(needle.length / 3))) scored.push({ id: c.id, distance: best });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
  return scored.slice(0, max).map((s) => ({ id: s.id, exact: s.distance < 0 }));
}

const WORDS = ['macron', 'starmer', 'zelenskyy', 'von', 'der', 'leyen', 'president', 'minister', 'of', 'ukraine', 'état', 'türkiye', 'erdoğan', 'the', 'coalition', 'willing', 'nato', 'eu', 'prime', '😀'];

function candidates(next: () => number, n: number): Candidate[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const phrase = (words: number): string => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const name = phrase(1 + Math.floor(next() * 4));
    const id = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
    const labels = [name.replace(/^./, (c) => c.toUpperCase())];
    for (let a = Math.floor(next() * 5); a > 0; a--) labels.push(next() < 0.02 ? phrase(12 + Math.floor(next() * 10)) : phrase(1 + Math.floor(next() * 6)));
    out.push({ id, labels });
  }
  return out;
}

/** A label or id of some candidate with a few random edits, case changes or padding. */
function nearMiss(next: () => number, from: Candidate[]): string {
  const c = from[Math.floor(next() * from.length)] as Candidate;
  const all = [c.id, ...c.labels];
  let s = all[Math.floor(next() * all.length)] as string;
  const letters = 'abcdeéxyz- ';
  for (let e = Math.floor(next() * 5); e > 0; e--) {
    const at = Math.floor(next() * (s.length + 1));
    const ch = letters[Math.floor(next() * letters.length)] as string;
    const kind = next();
    s = kind < 0.33 ? s.slice(0, at) + ch + s.slice(at) : kind < 0.66 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + ch + s.slice(at + 1);
  }
  if (next() < 0.3) s = s.toUpperCase();
  if (next() < 0.2) s = `  ${s} `;
  if (next() < 0.05) s = s.repeat(3); // long values: budgets past 32, length gaps past 32
  return s;
}

describe('suggest', () => {
  it('matches measuring every label in full, on 300 random values', () => {
    const next = random(6);
    const cands = candidates(next, 120);
    const index = new SuggestIndex(cands);
    let suggested = 0;
    for (let i = 0; i < 300; i++) {
      const value = i % 10 === 9 ? Array.from({ length: 1 + Math.floor(next() * 30) }, () => 'abcxyz -é'[Math.floor(next() * 9)]).join('') : nearMiss(next, cands);
      const expected = reference(value, cands);
      assert.deepEqual(index.suggest(value), expected, JSON.stringify(value));
      if (i % 8 === 0) assert.deepEqual(suggest(value, cands, 5), reference(value, cands, 5), JSON.stringify(value));
      if (expected.length > 0) suggested++;
    }
    // The cases must exercise suggestions, not only misses.
    assert.ok(suggested > 150, `${suggested} values had suggestions`);
  });

  it('keeps the confident case and the ranking by distance, then id', () => {
    const cands: Candidate[] = [
      { id: 'macron', labels: ['Emmanuel Macron', 'President Macron'] },
      { id: 'macrons', labels: [] },
      { id: 'marcon', labels: ['Macron'] },
    ];
    assert.deepEqual(suggest(' MACRON ', cands), [
      { id: 'macron', exact: true },
      { id: 'marcon', exact: true },
      { id: 'macrons', exact: false },
    ]);
    assert.deepEqual(suggest('macrn', cands), [
      { id: 'macron', exact: false },
      { id: 'marcon', exact: false },
      { id: 'macrons', exact: false },
    ]);
    assert.deepEqual(suggest('zzzzzz', cands), []);
  });

  it('keeps the old answer for long values: labels over 32 apart in length count their length difference', () => {
    // 120 characters allow 40 edits; `distance` calls labels 36 shorter 36 away, whatever they hold.
    const cands: Candidate[] = [
      { id: 'far', labels: ['y'.repeat(84)] },
      { id: 'near', labels: [`${'x'.repeat(100)}zz`] },
    ];
    const value = 'x'.repeat(120);
    assert.deepEqual(suggest(value, cands), reference(value, cands));
    assert.deepEqual(suggest(value, cands), [
      { id: 'near', exact: false },
      { id: 'far', exact: false },
    ]);
  });

  it('distanceWithin is the distance when within the bound, else bound + 1', () => {
    const next = random(11);
    const alphabet = 'ab😀é';
    for (let i = 0; i < 2000; i++) {
      const word = (): string => Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const a = word();
      const b = word();
      const k = Math.floor(next() * 8) - 1;
      const d = distance(a, b);
      assert.equal(distanceWithin(a, b, k), d <= k ? d : k + 1, `${a} / ${b} within ${k}`);
    }
  });
});
