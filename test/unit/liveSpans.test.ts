import * as assert from 'node:assert/strict';
import { checkDataset, seedLiveSpans, shiftLiveSpans, shiftSpan, TextIndex, type LiveSpan } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { fixtureFiles } from './support/fixtures';

describe('live spans', () => {
  it('are seeded from the exact anchors of a check and follow insertions, with the quote text intact', async () => {
    const result = await checkDataset(new MemoryHost(fixtureFiles('clean')));
    const spans = seedLiveSpans(result, 'articles/summit.txt');
    assert.equal(spans.size, 5);
    const before = TextIndex.of(result.texts.get('articles/summit.txt') as string);
    const changes = [{ rangeOffset: 0, rangeLength: 0, text: 'Breaking 😀: ' }];
    shiftLiveSpans(spans, before, changes);
    const after = TextIndex.of(`Breaking 😀: ${before.raw}`);
    for (const ctx of result.sidecars) {
      for (const { claim } of ctx.claims) {
        const span = spans.get(claim.id as string);
        assert.ok(span);
        assert.equal(after.sliceCp(span.start, span.end), claim.quote?.exact, claim.id);
      }
    }
  });

  it('apply several changes one after another, and mark an edit inside a span as touched', () => {
    const text = 'aaa QUOTE bbb';
    const spans = new Map([['c', { start: 4, end: 9, touched: false }]]);
    // VS Code reports multi-cursor edits so that each applies to the result of the previous.
    shiftLiveSpans(spans, TextIndex.of(text), [
      { rangeOffset: 10, rangeLength: 0, text: 'X' },
      { rangeOffset: 0, rangeLength: 0, text: 'YY' },
    ]);
    assert.deepEqual(spans.get('c'), { start: 6, end: 11, touched: false });
    shiftLiveSpans(spans, TextIndex.of('YYaaa QUOTE bXbb'), [{ rangeOffset: 8, rangeLength: 1, text: 'u' }]);
    assert.equal(spans.get('c')?.touched, true);
  });

  it('move each span exactly as shiftSpan does, at every boundary (the shortcuts for spans away from the edit included)', () => {
    const text = 'abcdefgh';
    for (let start = 0; start <= 8; start++) {
      for (let end = start; end <= 8; end++) {
        const spans = new Map<string, { start: number; end: number; touched: boolean }>();
        for (let a = 0; a <= 8; a++) for (let b = a; b <= 8; b++) spans.set(`${a}-${b}`, { start: a, end: b, touched: false });
        for (const inserted of ['', 'XY']) {
          const copy = new Map([...spans].map(([id, s]) => [id, { ...s }]));
          shiftLiveSpans(copy, TextIndex.of(text), [{ rangeOffset: start, rangeLength: end - start, text: inserted }]);
          for (const [id, before] of spans) {
            // trimChange narrows a replacement by the characters it keeps; none here ("XY" is new).
            const expected = shiftSpan(before, { start, end, newLength: inserted.length });
            const { edits, ...moved } = copy.get(id) as LiveSpan;
            const label = `${id} after [${start}, ${end}) → "${inserted}"`;
            assert.deepEqual(moved, expected, label);
            // The edit count is what lets an anchor found through the span stand: it must count
            // every change of the text inside, and nothing for spans clear of the edit.
            const after = text.slice(0, start) + inserted + text.slice(end);
            if (text.slice(before.start, before.end) !== after.slice(moved.start, moved.end)) assert.equal(edits, 1, `${label}: counted`);
            if (before.end < start || before.start > end) assert.equal(edits, undefined, `${label}: not counted`);
          }
        }
      }
    }
  });
});
