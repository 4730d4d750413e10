import * as assert from 'node:assert/strict';
import { checkDataset, seedLiveSpans, shiftLiveSpans, TextIndex } from '../../src/core';
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
});
