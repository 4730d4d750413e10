import assert from 'node:assert/strict';
import { fuzzyEnds } from '../../src/core/anchor/myers';
import { carryScans, textScan } from '../../src/core/anchor/textScans';
import { diffTexts } from '../../src/core/text/textDiff';
import { TextIndex } from '../../src/core/text/textIndex';
import { random } from './support/random';

type Rand = (n: number) => number;

function noise(rand: Rand, length: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[rand(alphabet.length)];
  return s;
}

/** The pattern with a few letters changed, dropped or doubled: a passage a search should find. */
function lookAlike(rand: Rand, pattern: string): string {
  let s = '';
  for (const ch of pattern) {
    const r = rand(40);
    if (r === 0) continue;
    s += r === 1 ? 'x' : ch;
    if (r === 2) s += ch;
  }
  return s;
}

/** Noise with look-alikes of the pattern scattered through it, some close together (clusters). */
function textWith(rand: Rand, pattern: string, length: number): string {
  let text = '';
  while (text.length < length) text += noise(rand, rand(rand(2) === 0 ? 30 : 3000), 'abcd ') + lookAlike(rand, pattern);
  return text;
}

/** A random edit: a letter typed or deleted, a passage pasted or cut, a look-alike added. */
function edited(rand: Rand, text: string, pattern: string): string {
  const at = rand(text.length + 1);
  switch (rand(5)) {
    case 0:
      return text.slice(0, at) + 'e' + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + text.slice(at + rand(20_000));
    case 3:
      return text.slice(0, at) + noise(rand, rand(20_000), 'abcd ') + text.slice(at);
    default:
      return text.slice(0, at) + lookAlike(rand, pattern) + text.slice(at);
  }
}

/** A pattern, its error budget, and a text with look-alikes of it. */
function searchable(seed: number, patternLength: number, length: number): { pattern: string; k: number; text: string; index: TextIndex } {
  const rand = random(seed);
  const pattern = noise(rand, patternLength, 'abcd ');
  const text = textWith(rand, pattern, length);
  return { pattern, k: Math.floor(pattern.length / 4), text, index: TextIndex.of(text) };
}

/** `text` edited into `next`, with the searches of its index carried to the new one. */
function carried(index: TextIndex, text: string, next: string): { next: string; nextIndex: TextIndex } {
  const nextIndex = TextIndex.of(next);
  carryScans(index, nextIndex, diffTexts(text, next) ?? assert.fail('a diff'));
  return { next, nextIndex };
}

describe('whole-text searches carried across edits', () => {
  it('find exactly what a new search of the edited text finds, asked for or not in between', function () {
    this.timeout(60_000);
    const rand = random(11);
    for (let round = 0; round < 40; round++) {
      const pattern = noise(rand, 8 + rand(120), 'abcd ');
      const k = Math.floor(pattern.length / 4);
      let text = textWith(rand, pattern, 20_000 + rand(40_000));
      let index = TextIndex.of(text);
      textScan(index, pattern, k).ends();
      for (let e = 0; e < 8; e++) {
        const next = edited(rand, text, pattern);
        const diff = diffTexts(text, next);
        const nextIndex = TextIndex.of(next);
        if (diff) carryScans(index, nextIndex, diff);
        // Unasked searches are carried further with the edits composed.
        if (rand(3) > 0 || e === 7) assert.deepEqual(textScan(nextIndex, pattern, k).ends(), fuzzyEnds(next, pattern, k), `round ${round}, edit ${e}`);
        index = nextIndex;
        text = next;
      }
    }
  });

  it('keeps one long cluster right when an edit inside it changes its best match', () => {
    // A run of one letter matches at every position: a single cluster spans the edit and every
    // checkpoint, so the old ends may be taken only where both scans' clusters agree.
    const rand = random(12);
    for (let round = 0; round < 30; round++) {
      const pattern = 'a'.repeat(30 + rand(40));
      const k = Math.floor(pattern.length / 4);
      let text = `${noise(rand, 500, 'ab')}${'a'.repeat(20_000 + rand(20_000))}${noise(rand, 500, 'ab')}`;
      let index = TextIndex.of(text);
      textScan(index, pattern, k).ends();
      for (let e = 0; e < 4; e++) {
        const at = rand(text.length);
        const next = text.slice(0, at) + (rand(2) === 0 ? 'b'.repeat(1 + rand(k + 3)) : '') + text.slice(at + rand(3));
        const nextIndex = TextIndex.of(next);
        const diff = diffTexts(text, next);
        if (diff) carryScans(index, nextIndex, diff);
        assert.deepEqual(textScan(nextIndex, pattern, k).ends(), fuzzyEnds(next, pattern, k), `round ${round}, edit ${e}`);
        index = nextIndex;
        text = next;
      }
    }
  });

  it('a carried search reads about the edit, not the whole text', () => {
    const { pattern, k, text, index } = searchable(5, 90, 300_000);
    const whole = textScan(index, pattern, k).advance(Infinity);
    const { next, nextIndex } = carried(index, text, `${text.slice(0, 150_000)}e${text.slice(150_000)}`);
    const steps = textScan(nextIndex, pattern, k).advance(Infinity);
    assert.ok(steps * 10 < whole, `${steps} steps carried, ${whole} for the whole text`);
    assert.deepEqual(textScan(nextIndex, pattern, k).ends(), fuzzyEnds(next, pattern, k));
  });

  it('a search half-way when the text changes starts again on the new text', () => {
    const { pattern, k, text, index } = searchable(6, 60, 50_000);
    textScan(index, pattern, k).advance(1000);
    const { next, nextIndex } = carried(index, text, `e${text}`);
    const fresh = textScan(TextIndex.of(next), pattern, k).advance(Infinity);
    assert.equal(textScan(nextIndex, pattern, k).advance(Infinity), fresh);
    assert.deepEqual(textScan(nextIndex, pattern, k).ends(), fuzzyEnds(next, pattern, k));
  });
});
