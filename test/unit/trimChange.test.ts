import * as assert from 'node:assert/strict';
import { trimChange } from '../../src/core';

/** Applies a change to a text, to check that trimming never changes the result. */
function apply(raw: string, c: { offset: number; length: number; text: string }): string {
  return raw.slice(0, c.offset) + c.text + raw.slice(c.offset + c.length);
}

describe('trimChange', () => {
  it('narrows a whole-text replacement to the characters that changed', () => {
    const raw = 'Macron pledged troops. Merz refused.';
    const next = 'Macron pledged more troops. Merz refused.';
    const c = trimChange(raw, 0, raw.length, next);
    assert.deepEqual(c, { offset: 15, length: 0, text: 'more ' });
    assert.equal(apply(raw, c), next);
  });

  it('leaves a plain insertion or deletion as it is', () => {
    assert.deepEqual(trimChange('abc', 1, 0, 'X'), { offset: 1, length: 0, text: 'X' });
    assert.deepEqual(trimChange('abc', 1, 1, ''), { offset: 1, length: 1, text: '' });
  });

  it('gives an empty change for a replacement by the same text', () => {
    const c = trimChange('same text', 0, 9, 'same text');
    assert.equal(c.length, 0);
    assert.equal(c.text, '');
  });

  it('never splits a surrogate pair or a CRLF', () => {
    const raw = 'a😀b\r\nc';
    for (const [offset, length, text] of [[0, raw.length, 'a😃b\r\nc'], [0, raw.length, 'a😀b\nc'], [1, 2, '😁']] as const) {
      const c = trimChange(raw, offset, length, text);
      assert.equal(apply(raw, c), apply(raw, { offset, length, text }));
      assert.ok(!/[\uDC00-\uDFFF]/.test(raw[c.offset] ?? '') || c.offset === 0, 'does not start inside a pair');
      assert.notEqual(raw[c.offset - 1], '\r', 'does not start between CR and LF');
    }
  });

  it('keeps the result identical on random edits', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const alphabet = ['a', 'b', ' ', '😀', '\r\n', '\n', 'é'];
    for (let i = 0; i < 500; i++) {
      const raw = Array.from({ length: rnd(12) }, () => alphabet[rnd(alphabet.length)]).join('');
      const offset = rnd(raw.length + 1);
      const length = rnd(raw.length - offset + 1);
      const text = Array.from({ length: rnd(5) }, () => alphabet[rnd(alphabet.length)]).join('');
      assert.equal(apply(raw, trimChange(raw, offset, length, text)), apply(raw, { offset, length, text }));
    }
  });
});
