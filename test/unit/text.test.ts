import assert from 'node:assert/strict';
import { LineMap } from '../../src/core/text/lineMap';
import { TextIndex } from '../../src/core/text/textIndex';

/** Naive reference: one table entry per character, built the obvious way. */
function reference(raw: string) {
  let text = '';
  const rawToText16: number[] = [];
  const text16ToRaw: number[] = [];
  for (let i = 0; i < raw.length; ) {
    text16ToRaw.push(i);
    if (raw[i] === '\r' && raw[i + 1] === '\n') {
      rawToText16.push(text.length, text.length);
      i += 2;
      text += '\n';
    } else {
      rawToText16.push(text.length);
      text += raw[i] === '\r' ? '\n' : raw[i];
      i += 1;
    }
  }
  rawToText16.push(text.length);
  text16ToRaw.push(raw.length);
  const codePoints = Array.from(text);
  const cpToText16: number[] = [0];
  const text16ToCp: number[] = [];
  codePoints.forEach((cp, n) => {
    for (let k = 0; k < cp.length; k++) text16ToCp.push(n); // inside a pair rounds down
    cpToText16.push((cpToText16[n] as number) + cp.length);
  });
  text16ToCp.push(codePoints.length);
  return { text, codePoints, rawToText16, text16ToRaw, cpToText16, text16ToCp };
}

function checkAgainstReference(raw: string): void {
  const ref = reference(raw);
  const index = TextIndex.of(raw);
  assert.equal(index.raw, raw);
  assert.equal(index.text, ref.text);
  assert.equal(index.cpLength, ref.codePoints.length);
  for (let cp = 0; cp <= ref.codePoints.length; cp++) {
    const u = ref.cpToText16[cp] as number;
    assert.equal(index.cpToText16(cp), u, `cpToText16(${cp}) in ${JSON.stringify(raw)}`);
    assert.equal(index.text16ToCp(u), cp, 'round trip cp -> text16 -> cp');
    assert.equal(index.cpToRaw(cp), ref.text16ToRaw[u], `cpToRaw(${cp})`);
    assert.equal(index.rawToCp(index.cpToRaw(cp)), cp, 'round trip cp -> raw -> cp');
    for (let end = cp; end <= ref.codePoints.length; end++) {
      assert.equal(index.sliceCp(cp, end), ref.codePoints.slice(cp, end).join(''));
    }
  }
  for (let u = 0; u <= ref.text.length; u++) {
    assert.equal(index.text16ToCp(u), ref.text16ToCp[u], `text16ToCp(${u}) in ${JSON.stringify(raw)}`);
    assert.equal(index.text16ToRaw(u), ref.text16ToRaw[u], `text16ToRaw(${u})`);
    assert.equal(index.rawToText16(index.text16ToRaw(u)), u, 'round trip text16 -> raw -> text16');
  }
  for (let r = 0; r <= raw.length; r++) {
    assert.equal(index.rawToText16(r), ref.rawToText16[r], `rawToText16(${r}) in ${JSON.stringify(raw)}`);
    assert.equal(index.rawToCp(r), ref.text16ToCp[ref.rawToText16[r] as number], `rawToCp(${r})`);
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('TextIndex', () => {
  it('matches the naive reference on small mixed texts, every offset', () => {
    const samples = [
      '',
      'plain ascii\nwith LF',
      'a\r\nb\rc\nd',
      '\r\n',
      '\r',
      '\r\r\n\n\r',
      'Zelenskyy 😀 said\r\n“no” 🇺🇦\rend',
      '😀',
      '😀😀\r\n😀',
      'é and ü (BMP only)',
      'lone high \uD83D then text',
      'lone low \uDE00 and pair 😀 and reversed \uDE00\uD83D',
      'ends with high \uD83D',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢\r\n\r\nend\r',
    ];
    for (const raw of samples) checkAgainstReference(raw);
  });

  it('matches the naive reference on random texts of CR, LF, astral and lone surrogates', () => {
    const pieces = ['a', 'b', '\r', '\n', '\r\n', '😀', 'é', '\uD83D', '\uDE00', ' '];
    const next = rng(42);
    for (let round = 0; round < 200; round++) {
      let raw = '';
      const length = Math.floor(next() * 25);
      for (let i = 0; i < length; i++) raw += pieces[Math.floor(next() * pieces.length)];
      checkAgainstReference(raw);
    }
  });

  it('maps the LF of a raw CRLF to its CR, and both CR and LF to the one normalised LF', () => {
    const index = TextIndex.of('ab\r\ncd');
    assert.equal(index.text, 'ab\ncd');
    assert.equal(index.cpToRaw(2), 2); // the LF position -> the CR
    assert.equal(index.cpToRaw(3), 4); // 'c'
    assert.equal(index.rawToCp(2), 2);
    assert.equal(index.rawToCp(3), 2);
    assert.equal(index.rawToCp(4), 3);
  });

  it('clamps out-of-range and non-integer offsets instead of throwing', () => {
    const index = TextIndex.of('x😀\r\ny');
    assert.equal(index.cpLength, 4);
    assert.equal(index.cpToText16(-5), 0);
    assert.equal(index.cpToText16(99), index.text.length);
    assert.equal(index.cpToText16(Number.NaN), 0);
    assert.equal(index.cpToText16(2.7), 3);
    assert.equal(index.text16ToCp(1000), 4);
    assert.equal(index.rawToText16(-1), 0);
    assert.equal(index.rawToText16(1000), index.text.length);
    assert.equal(index.text16ToRaw(1000), index.raw.length);
    assert.equal(index.sliceCp(3, 1), '');
    assert.equal(index.sliceCp(-3, 2), 'x😀');
    assert.equal(TextIndex.of(undefined as unknown as string).cpLength, 0);
  });

  it('shares the raw string as text when there is nothing to normalise', () => {
    const raw = 'just ascii\nlines';
    const index = TextIndex.of(raw);
    assert.equal(index.text, raw);
    assert.equal(index.cpToText16(5), 5);
  });

  it('handles a 20 MB CRLF text with emoji', function () {
    this.timeout(20000);
    const line = 'The coalition pledged support 😀 for Ukraine.\r\n';
    const raw = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    const index = TextIndex.of(raw);
    const lines = raw.length / line.length;
    const cpPerLine = Array.from(line.replace('\r\n', '\n')).length;
    assert.equal(index.cpLength, lines * cpPerLine);
    const cp = (lines - 1) * cpPerLine + 4;
    assert.equal(index.sliceCp(cp, cp + 10), 'coalition ');
    assert.equal(index.cpToRaw(cp), (lines - 1) * line.length + 4);
    assert.equal(index.rawToCp(index.cpToRaw(cp)), cp);
    for (let i = 0; i < 1000; i++) {
      const at = (i * 7919) % index.cpLength;
      assert.equal(index.text16ToCp(index.cpToText16(at)), at);
    }
  });
});

describe('LineMap', () => {
  it('breaks lines at LF, CRLF and lone CR', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const map = LineMap.of(text);
    assert.equal(map.lineCount, 4);
    assert.deepEqual(map.position(0), { line: 0, character: 0 });
    assert.deepEqual(map.position(2), { line: 0, character: 2 });
    assert.deepEqual(map.position(4), { line: 1, character: 0 });
    assert.deepEqual(map.position(7), { line: 2, character: 0 });
    assert.deepEqual(map.position(10), { line: 3, character: 0 });
    assert.deepEqual(map.position(12), { line: 3, character: 2 });
    assert.equal(map.offsetAt(1, 1), 5);
    assert.equal(map.offsetAt(2, 0), 7);
    assert.equal(map.offsetAt(3, 2), 12);
  });

  it('round-trips every offset that is not inside a CRLF pair', () => {
    const text = '\r\n\r\nx😀\ry\n\nz\r\n';
    const map = LineMap.of(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      const { line, character } = map.position(o);
      assert.equal(map.offsetAt(line, character), o, `offset ${o}`);
    }
  });

  it('clamps out-of-range positions', () => {
    const map = LineMap.of('ab\r\ncd');
    assert.equal(map.offsetAt(0, 99), 2); // stops before the CRLF
    assert.equal(map.offsetAt(99, 0), 4);
    assert.equal(map.offsetAt(-1, -1), 0);
    assert.deepEqual(map.position(-3), { line: 0, character: 0 });
    assert.deepEqual(map.position(99), { line: 1, character: 2 });
    assert.equal(LineMap.of('').lineCount, 1);
    assert.equal(LineMap.of('a\n').lineCount, 2);
  });
});
