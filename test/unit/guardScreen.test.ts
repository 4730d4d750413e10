/**
 * The guard screen (guards.ts `mayTrip`, `checkGuards`) against the exact guards it stands in
 * front of, on seeded random and garbled texts built to sit near every threshold: indicator
 * runs of 60–70 words, conflict markers of 6–8 characters after each line terminator, control
 * characters around 8 inside and past the 8 KB sample, explicit and empty keys.
 */
import assert from 'node:assert/strict';
import {
  checkBinary,
  checkGuards,
  checkSize,
  DEFAULT_MAX_BYTES,
  exactGuards,
  findConflictMarkers,
  findIndicatorRun,
  MAX_NESTING,
  mayTrip,
  type GuardVerdict,
} from '../../src/core/yaml/guards';
import { fastValue } from '../../src/core/dataset/fastYaml';
import { pick, random } from './support/random';

/** The guards one after the other, as parseYaml ran them before the screen. */
function reference(text: string, maxBytes: number): GuardVerdict | undefined {
  const size = checkSize(text, maxBytes);
  return size ? { kind: 'size', hit: size } : exactGuards(text);
}

/** fastValue's explicit-or-empty-key test, which the screen also covers. */
const EXPLICIT_OR_EMPTY_KEY = /^[ \t-]*[?:](?:[ \t]|\r?$)/m;

const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029'];
const BLANKS = [' ', '  ', '\t', ' \r ', '\r'];
const WORDS = ['-', '?', ':', '!', '&', '!t', '&a', '!a!b', '&x&y!', '!<a>!<b>', '-x', ':y', 'a', '!!', 'key:', '"q"', '#c', '- ?'];
const LINES = [
  'id: c-1',
  '  - id: c-2',
  '    exact: "He said: - no"',
  'source:',
  '  title: “A’s plan”',
  'AT&T! yes - no : maybe',
  'k: - - x',
  'k: !a b',
  '',
];
const KEY_LINES = ['? explicit', ': empty', '- ? k', '  -  : v', ':', '?\r', '- - - x', '=', '<<'];
const MARKER_CHARS = ['<', '=', '>', '|'];
const TAILS = ['', ' HEAD', '\tx', 'x', ' ', '  \t', '=', ' feature/x'];
const CONTROLS = ['\0', '\x01', '\x07', '\x08', '\x0b', '\x0c', '\x1b', '\x1f', '\x7f'];
const ODD = ['\u2028', '\r', '\n', '\t', ' ', '-', ':', '!', '&', '?', '=', '<', '\0', '\x0c', '’', '\ufeff', '\ud800'];

/** A line of indicator words, long enough to come near MAX_NESTING. */
function indicatorRun(rnd: (n: number) => number): string {
  const count = MAX_NESTING - 8 + rnd(16);
  // Mostly after a key, where the line start alone does not give the run away.
  let line = rnd(4) === 0 ? pick(rnd, ['', ' ', '\t']) : pick(rnd, ['k: ', 'key:\t', 'x ', '- a: ']);
  for (let i = 0; i < count; i++) {
    // Now and then a word that resets the run, or one that counts twice.
    line += rnd(40) === 0 ? pick(rnd, ['word', '-x', ':y']) : pick(rnd, WORDS.slice(0, 10));
    line += pick(rnd, BLANKS);
  }
  return line;
}

function conflictMarker(rnd: (n: number) => number): string {
  const c = pick(rnd, MARKER_CHARS);
  return c.repeat(6 + rnd(3)) + pick(rnd, TAILS);
}

function text(rnd: (n: number) => number): string {
  const parts: string[] = [];
  const lines = 1 + rnd(8);
  for (let i = 0; i < lines; i++) {
    const kind = rnd(10);
    parts.push(kind === 0 ? indicatorRun(rnd) : kind === 1 ? conflictMarker(rnd) : kind === 2 && rnd(3) === 0 ? pick(rnd, KEY_LINES) : pick(rnd, LINES));
    parts.push(pick(rnd, BREAKS));
  }
  let out = parts.join('');
  // Control characters in about a third of the texts, sometimes past the 8 KB sample.
  if (rnd(3) === 0) {
    if (rnd(4) === 0) out += 'x'.repeat(8192 - out.length + rnd(40) - 20);
    const n = rnd(12);
    for (let i = 0; i < n; i++) {
      const at = rnd(out.length + 1);
      out = out.slice(0, at) + pick(rnd, CONTROLS) + out.slice(at);
    }
  }
  // Garbling: a few characters inserted, removed or replaced.
  const edits = rnd(4);
  for (let i = 0; i < edits; i++) {
    const at = rnd(out.length + 1);
    const op = rnd(3);
    if (op === 0) out = out.slice(0, at) + pick(rnd, ODD) + out.slice(at);
    else if (op === 1) out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + pick(rnd, ODD) + out.slice(at + 1);
  }
  return out;
}

describe('guard screen', () => {
  it('gives the exact guards’ verdicts and offsets on thousands of garbled texts', () => {
    const rnd = random(0x5eed);
    const seen = { clean: 0, screenedOut: 0, flaggedButClean: 0, size: 0, binary: 0, conflict: 0, nesting: 0, explicit: 0 };
    for (let i = 0; i < 4000; i++) {
      const t = text(rnd);
      const maxBytes = rnd(20) === 0 ? 64 + rnd(512) : DEFAULT_MAX_BYTES;
      const expected = reference(t, maxBytes);
      assert.deepEqual(checkGuards(t, maxBytes), expected, `text ${i}: ${JSON.stringify(t)}`);
      const explicit = EXPLICIT_OR_EMPTY_KEY.test(t);
      if (!mayTrip(t)) {
        // What the screen clears, every exact scan clears too.
        assert.equal(checkBinary(t), undefined, `binary, text ${i}: ${JSON.stringify(t)}`);
        assert.deepEqual(findConflictMarkers(t), [], `markers, text ${i}: ${JSON.stringify(t)}`);
        assert.equal(findIndicatorRun(t, MAX_NESTING), undefined, `run, text ${i}: ${JSON.stringify(t)}`);
        assert.equal(explicit, false, `explicit key, text ${i}: ${JSON.stringify(t)}`);
        seen.screenedOut++;
      } else if (!expected && !explicit) seen.flaggedButClean++;
      if (expected) seen[expected.kind]++;
      else seen.clean++;
      if (explicit) seen.explicit++;
    }
    // The inputs reach every verdict, and both sides of the screen, often enough to mean something.
    for (const [name, count] of Object.entries(seen)) assert.ok(count >= 50, `${name}: only ${count} texts`);
  });

  it('a run that only just passes the limit, after each kind of blank, is caught', () => {
    for (const blank of [' ', '\t', '\r', ' \t\r ']) {
      for (const word of ['-', '?', ':', '!', '&', '!a', '&b!c']) {
        const over = `x: ${Array(MAX_NESTING + 1).fill(word).join(blank)}\n`;
        assert.ok(mayTrip(over), JSON.stringify(over));
        assert.deepEqual(checkGuards(over, DEFAULT_MAX_BYTES), reference(over, DEFAULT_MAX_BYTES));
        assert.equal(checkGuards(over, DEFAULT_MAX_BYTES)?.kind, 'nesting');
      }
    }
    // One word of tags and anchors counts every ! and &, with no blank at all.
    const chained = `k: ${'!<a>'.repeat(MAX_NESTING + 1)} v\n`;
    assert.deepEqual(checkGuards(chained, DEFAULT_MAX_BYTES), { kind: 'nesting', at: 3 + 4 * MAX_NESTING });
  });

  it('each control character checkBinary counts, up to the last one of its sample', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      const dense = `a: 1\n${ch.repeat(10)}\n`;
      const counted = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
      assert.deepEqual(checkGuards(dense, DEFAULT_MAX_BYTES), reference(dense, DEFAULT_MAX_BYTES), `U+${c.toString(16)}`);
      assert.equal(checkGuards(dense, DEFAULT_MAX_BYTES)?.kind === 'binary', counted, `U+${c.toString(16)}`);
    }
    // Over 1% of the sample, all in its last 100 characters.
    const late = `a: ${'x'.repeat(8192 - 3 - 90)}${'\x01'.repeat(90)}${'y'.repeat(50)}\n`;
    assert.equal(checkGuards(late, DEFAULT_MAX_BYTES)?.kind, 'binary');
  });

  it('clean sidecar-like text passes the screen, and fastValue still reads it', () => {
    const clean = 'article: a.txt\nclaims:\n  - id: c-1\n    actor: x\n    quote:\n      exact: "He said: - no, AT&T wins! ’twas"\n      start: 0\n';
    assert.equal(mayTrip(clean), false);
    assert.equal(checkGuards(clean, DEFAULT_MAX_BYTES), undefined);
    assert.ok(fastValue(clean));
    // A conflict marker after a U+2028 line separator is a line start for the multiline regex.
    assert.equal(checkGuards(`a: 1\u2028=======\n`, DEFAULT_MAX_BYTES)?.kind, 'conflict');
    // A NUL past the 8 KB sample is still binary; a form feed there is not even looked at.
    assert.equal(checkGuards(`a: ${'x'.repeat(9000)}\0\n`, DEFAULT_MAX_BYTES)?.kind, 'binary');
    assert.equal(checkGuards(`a: ${'x'.repeat(9000)}${'\x0c'.repeat(20)}\n`, DEFAULT_MAX_BYTES), undefined);
  });
});
