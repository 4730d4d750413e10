/**
 * The finding store against a plain model of it: every file's findings are its units' lists,
 * in the order the units were last set, sorted stably. Ties are common (an article's mentions
 * and a sidecar's quote-mismatches at one offset), so findings are compared by identity.
 */
import * as assert from 'node:assert/strict';
import { FindingStore } from '../../src/core/dataset/findingStore';
import { compareFindings, type Finding } from '../../src/core/model/finding';
import { pick, random } from './support/random';

const FILES = ['a.txt', 'b.claims.yaml', 'c.txt'];

function finding(rand: (n: number) => number, file: string, tag: number): Finding {
  // Few distinct offsets and messages, so equal findings meet.
  return { rule: pick(rand, ['untagged-mention', 'quote-mismatch']), severity: 'hint', message: pick(rand, ['m', 'n']), file, start: rand(6), end: 6 + rand(3), claimId: `#${tag}` };
}

describe('finding store', () => {
  it('gives every finding in order, ties in the order their units were set, after many random replacements', () => {
    const rand = random(5);
    const store = new FindingStore();
    const model = new Map<string, Finding[]>();
    let tag = 0;
    for (let step = 0; step < 400; step++) {
      const unit = `u${rand(8)}`;
      const size = pick(rand, [0, 1, 3, 40, 200]);
      // Units in one file say so (as an article's mentions do) half of the time.
      const one = rand(2) === 0 ? pick(rand, FILES) : undefined;
      const findings = Array.from({ length: size }, () => finding(rand, one ?? pick(rand, FILES), tag++));
      if (one !== undefined && rand(2) === 0) store.set(unit, findings, one);
      else store.set(unit, findings);
      model.delete(unit);
      if (findings.length > 0) model.set(unit, findings);
      const expected = FILES.flatMap((file) => [...model.values()].flat().filter((f) => f.file === file).sort(compareFindings));
      const actual = store.all();
      assert.equal(actual.length, expected.length, `step ${step}`);
      actual.forEach((f, i) => assert.equal(f, expected[i], `step ${step}, finding ${i}`));
    }
  });

  it('merges a few findings into many exactly as a stable sort would', () => {
    const rand = random(9);
    for (let round = 0; round < 50; round++) {
      const store = new FindingStore();
      const many = Array.from({ length: 300 }, (_, i) => finding(rand, 'a.txt', i)).sort(compareFindings);
      const few = Array.from({ length: 1 + rand(4) }, (_, i) => finding(rand, 'a.txt', 1000 + i));
      // Both orders of setting: the few first, then the many, and the other way round.
      const [first, second] = rand(2) === 0 ? [few, many] : [many, few];
      store.set('first', first as Finding[]);
      store.set('second', second as Finding[], 'a.txt');
      const expected = [...(first as Finding[]), ...(second as Finding[])].sort(compareFindings);
      store.all().forEach((f, i) => assert.equal(f, expected[i], `round ${round}, finding ${i}`));
    }
  });
});
