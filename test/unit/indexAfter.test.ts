/**
 * After a keystroke the new text's index is not scanned again when the old text was plain and
 * nothing inserted brings a CR or a surrogate (indexAfter), and the dataset index is told the
 * answer for the text last seen (TextIndex.scanned). Either shortcut must give the offsets a
 * full scan gives.
 */
import * as assert from 'node:assert/strict';
import { indexAfter, loadArticleFile, TextIndex } from '../../src/core';

/** An index built by a real scan: another text is scanned first, so no remembered answer applies. */
function scannedIndex(text: string): TextIndex {
  TextIndex.of('forget the last text');
  return TextIndex.of(text);
}

function sameOffsets(a: TextIndex, b: TextIndex, label: string): void {
  assert.equal(a.text, b.text, label);
  assert.equal(a.cpLength, b.cpLength, label);
  for (let i = 0; i <= a.raw.length; i++) assert.equal(a.rawToCp(i), b.rawToCp(i), `${label}: rawToCp(${i})`);
  for (let cp = 0; cp <= a.cpLength; cp++) assert.equal(a.cpToRaw(cp), b.cpToRaw(cp), `${label}: cpToRaw(${cp})`);
}

describe('indexing a text after a change', () => {
  it('gives the offsets of a full scan, whatever the change inserts', () => {
    let seed = 3;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const pieces = ['e', ' ', 'word', '\n', '\r\n', '\r', '😀', 'é', '\uD83D', ''];
    for (const start of ['Plain prose, one line.\nAnd another.', 'CRLF\r\nline two\r\n', 'astral 😀 here']) {
      let index = scannedIndex(start);
      for (let i = 0; i < 60; i++) {
        const raw = index.raw;
        const offset = rand(raw.length + 1);
        const length = rand(Math.min(3, raw.length - offset) + 1);
        const text = pieces[rand(pieces.length)] as string;
        const after = raw.slice(0, offset) + text + raw.slice(offset + length);
        const next = indexAfter(index, after, [{ rangeOffset: offset, rangeLength: length, text }]);
        // The article loaded right after is told the remembered answer; it must agree too.
        const loaded = loadArticleFile('a.txt', after).index as TextIndex;
        const truth = scannedIndex(after);
        sameOffsets(next, truth, `${JSON.stringify(after)} (indexAfter)`);
        sameOffsets(loaded, truth, `${JSON.stringify(after)} (loaded)`);
        // Claiming plain is only ever right: no CR, no surrogate.
        if (next.plain) assert.doesNotMatch(after, /[\r\uD800-\uDFFF]/);
        index = next;
      }
    }
  });

  it('still refuses a binary text it has just indexed', () => {
    const text = 'prose\0with a NUL';
    TextIndex.of(text);
    assert.equal(loadArticleFile('a.txt', text).problem, 'binary file (contains NUL bytes)');
  });
});
