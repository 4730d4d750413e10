import assert from 'node:assert/strict';
import { fuzzyEnds, fuzzySearch, fuzzyStart } from '../../src/core/anchor/myers';
import { FuzzyScan } from '../../src/core/anchor/fuzzyScan';

/** Reference: semi-global edit distance of `pattern` against every prefix of `text`. */
function naiveEndErrors(text: string, pattern: string): number[] {
  const m = pattern.length;
  let col = Array.from({ length: m + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const next = [0];
    for (let i = 1; i <= m; i++) {
      const sub = (col[i - 1] as number) + (pattern[i - 1] === text[j] ? 0 : 1);
      next.push(Math.min(sub, (col[i] as number) + 1, (next[i - 1] as number) + 1));
    }
    col = next;
    out.push(col[m] as number);
  }
  return out;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min((prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1), (prev[j] as number) + 1, (row[j - 1] as number) + 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** Deterministic pseudo-random generator, so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomString(next: () => number, length: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

describe('myers fuzzy search', () => {
  it('finds every end within maxErrors exactly as the reference DP does (1–3 blocks)', () => {
    const next = rng(7);
    for (let round = 0; round < 300; round++) {
      const m = 1 + Math.floor(next() * 90);
      const pattern = randomString(next, m, 'abcd');
      // Text made of mutated copies of the pattern so that matches exist.
      let text = randomString(next, Math.floor(next() * 40), 'abcd');
      for (let c = 0; c < 3; c++) {
        let copy = '';
        for (const ch of pattern) {
          const r = next();
          if (r < 0.05) continue;
          copy += r < 0.1 ? 'x' : ch;
          if (r > 0.95) copy += 'y';
        }
        text += copy + randomString(next, Math.floor(next() * 40), 'abcd');
      }
      const k = Math.floor(next() * (m / 2 + 1));
      const expected = naiveEndErrors(text, pattern);
      // gap 1 reports every run of consecutive ends; compare run minima with the reference.
      const ends = fuzzyEnds(text, pattern, k, 0, text.length, 1);
      const want: { end: number; errors: number }[] = [];
      let lastEnd = -5;
      expected.forEach((errors, j) => {
        if (errors > Math.min(k, m - 1)) return;
        const last = want[want.length - 1];
        if (last && j + 1 - lastEnd < 1) {
          if (errors < last.errors) Object.assign(last, { end: j + 1, errors });
        } else want.push({ end: j + 1, errors });
        lastEnd = j + 1;
      });
      assert.deepEqual(ends, want, `round ${round}: m=${m} k=${k}`);
    }
  });

  it('resumes exactly: a search run in pieces finds what one pass finds, for the same steps', () => {
    const next = rng(5);
    for (let round = 0; round < 200; round++) {
      const m = 1 + Math.floor(next() * 150); // up to five blocks
      const pattern = randomString(next, m, 'abcd');
      let text = randomString(next, Math.floor(next() * 60), 'abcd');
      for (let c = 0; c < 3; c++) text += pattern.replace(/[ab]/g, (ch) => (next() < 0.1 ? 'x' : ch)) + randomString(next, Math.floor(next() * 60), 'abcd');
      const k = Math.floor(next() * (m / 2 + 1));
      const whole = new FuzzyScan(pattern, k);
      const wholeSteps = whole.run(text);
      const pieces = new FuzzyScan(pattern, k);
      let steps = 0;
      let count = 0;
      while (pieces.position < text.length) {
        const budget = 1 + Math.floor(next() * 50);
        const spent = pieces.run(text, text.length, budget);
        // A piece stops at the first character that reaches the budget.
        assert.ok(spent >= budget || pieces.position === text.length, `round ${round}: stopped early`);
        assert.ok(spent < budget + Math.ceil(m / 32), `round ${round}: overran`);
        steps += spent;
        count++;
      }
      assert.deepEqual(pieces.ends, whole.ends, `round ${round}: m=${m} k=${k}`);
      assert.deepEqual(whole.ends, fuzzyEnds(text, pattern, k), `round ${round}`);
      assert.equal(steps, wholeSteps, `round ${round}: steps`);
      assert.ok(count > 1, `round ${round}: one piece`);
    }
  });

  it('finds starts whose substring has exactly the reported edit distance', () => {
    const next = rng(11);
    for (let round = 0; round < 200; round++) {
      const m = 1 + Math.floor(next() * 80);
      const pattern = randomString(next, m, 'abc');
      const text = randomString(next, 20, 'abc') + pattern.slice(1) + 'c' + randomString(next, 20, 'abc');
      for (const match of fuzzySearch(text, pattern, Math.floor(m / 3))) {
        assert.equal(editDistance(pattern, text.slice(match.start, match.end)), match.errors);
      }
    }
  });

  it('reports distinct passages separately, not only the best one', () => {
    const pattern = 'security guarantees for Ukraine';
    const text = `xx security guarantee for Ukraine yy ${'z'.repeat(50)} secority guarantees fur Ukraine zz`;
    const found = fuzzySearch(text, pattern, 7);
    assert.deepEqual(
      found.map((f) => f.errors),
      [1, 2],
    );
    assert.equal(text.slice(found[0]!.start, found[0]!.end), 'security guarantee for Ukraine');
    assert.equal(text.slice(found[1]!.start, found[1]!.end), 'secority guarantees fur Ukraine');
  });

  it('respects the search range and anchors starts at or after `from`', () => {
    const text = 'abcdef abcdef';
    assert.deepEqual(fuzzySearch(text, 'abcdef', 0, 3), [{ start: 7, end: 13, errors: 0 }]);
    assert.deepEqual(fuzzyStart(text, 'abcdef', 10, 3, 7), { start: 7, end: 10, errors: 3 });
    assert.deepEqual(fuzzySearch('', 'abc', 1), []);
    assert.deepEqual(fuzzySearch('abc', '', 1), []);
  });
});
