import assert from 'node:assert/strict';
import { parseYaml, type ParsedYaml } from '../../src/core/yaml/parse';
import { nodeRange } from '../../src/core/yaml/ranges';
import { validateCodebook, validateSidecar } from '../../src/core/schema/validate';

// What these inputs yield is asserted here; how long they take is the bench's to say
// (`npm run bench -- --only hostile` runs the same attacks): a wall-clock assert fails on a busy
// machine, not on slow code.

function assertSaneProblems(p: ParsedYaml): void {
  for (const problem of p.problems) {
    assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= p.text.length, `bad range ${problem.start}..${problem.end}`);
    assert.ok(problem.message.length > 0);
  }
}

function messages(p: ParsedYaml): string[] {
  return p.problems.map((x) => x.message);
}

describe('hostile input: resource exhaustion', () => {
  it('a thousand nested [ is refused before parsing, twice in one process', () => {
    for (let round = 0; round < 2; round++) {
      const text = 'a: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n';
      const p = parseYaml(text);
      assert.equal(p.doc, undefined);
      assert.equal(p.value, undefined);
      assert.deepEqual(messages(p), ['flow nesting deeper than 64']);
      // The problem points at the first bracket past the limit.
      assert.equal(p.problems[0]!.start, 3 + 64);
    }
  });

  it('a hundred thousand unclosed [ and { are refused quickly', () => {
    for (const open of ['[', '{', '[{']) {
      const p = parseYaml(open.repeat(100_000));
      assert.deepEqual(messages(p), ['flow nesting deeper than 64']);
    }
  });

  it('flow nesting of exactly 64 parses; 65 is refused', () => {
    const ok = parseYaml('['.repeat(64) + ']'.repeat(64));
    assert.deepEqual(ok.problems, []);
    assert.ok(ok.doc);
    const deep = parseYaml('['.repeat(65) + ']'.repeat(65));
    assert.deepEqual(messages(deep), ['flow nesting deeper than 64']);
  });

  it('brackets inside quoted scalars, block scalars and comments do not count', () => {
    const many = '['.repeat(1000);
    const text = `a: "${many}"\nb: '${many}'\nc: |\n  ${many}\n# ${many}\nd: x ${many}\n`;
    const p = parseYaml(text);
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.value, { a: many, b: many, c: `${many}\n`, d: `x ${many}` });
  });

  it('unterminated flow collections on many lines do not add up', () => {
    // The lexer abandons each one at the next key; the depth must start again from 0.
    const text = Array.from({ length: 100 }, (_, i) => `k${i}: [\n`).join('');
    const p = parseYaml(text);
    assert.ok(!messages(p).includes('flow nesting deeper than 64'), messages(p).join('; '));
    assert.ok(p.doc);
  });

  it('long runs of block indicators (- - - …, ? ? ? …) are refused before the lexer recurses', () => {
    for (const unit of ['- ', '? ', '&a ', '!t ', '!<x>']) {
      const p = parseYaml(unit.repeat(100_000) + 'x\n');
      assert.deepEqual(messages(p), ['nesting deeper than 64'], unit);
      assert.equal(p.doc, undefined);
    }
  });

  it('a few hundred nested explicit keys do not hang', () => {
    // `? ? ? … 1`, 60 deep: under the indicator limit, but converting collection keys to JS
    // stringifies each level again; those entries are dropped instead.
    const p = parseYaml('? '.repeat(60) + '1\n');
    assertSaneProblems(p);
    assert.ok(p.problems.some((x) => /mapping keys must be plain values/.test(x.message)));
  });

  it('deep block nesting by indentation is refused after parsing, without converting it', () => {
    const text = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
    const p = parseYaml(text);
    assert.deepEqual(messages(p), ['nesting deeper than 64']);
    assert.equal(p.value, undefined);
  });

  it('an alias bomb (billion laughs) ends with a finding, without expanding', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = `*${names[i - 1]}`;
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(prev).join(', ')}]`);
    }
    const text = lines.join('\n') + '\n';
    const p = parseYaml(text);
    assert.equal(p.value, undefined);
    assert.equal(p.problems.length, 1);
    assert.equal(p.problems[0]!.rule, 'yaml-syntax');
    assert.match(p.problems[0]!.message, /aliases expand to too many nodes/);
    // Reported at the first alias.
    assert.equal(p.text.slice(p.problems[0]!.start, p.problems[0]!.end), '*a');
    // Validation does not walk the exponential value either.
    assert.deepEqual(validateCodebook(p), []);
  });

  it('a merge-key chain ends with a finding', () => {
    const lines = ['m0: &m0 { x: 1, y: 2 }'];
    for (let i = 1; i <= 12; i++) {
      lines.push(`m${i}: &m${i}`);
      lines.push(`  <<: [${Array(10).fill(`*m${i - 1}`).join(', ')}]`);
      lines.push(`  z${i}: ${i}`);
    }
    const text = lines.join('\n') + '\n';
    const p = parseYaml(text);
    assert.equal(p.value, undefined);
    assert.ok(p.problems.some((x) => /aliases expand to too many nodes/.test(x.message)));
  });

  it('a few aliases of plain values are fine', () => {
    const p = parseYaml('base: &b macron\nlist: [*b, *b, *b]\n');
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.value, { base: 'macron', list: ['macron', 'macron', 'macron'] });
  });

  it('a 20 MB+ input gets a size problem, fast', () => {
    const text = 'a: ' + 'x'.repeat(21 * 1024 * 1024 - 3);
    const p = parseYaml(text);
    assert.deepEqual(messages(p), ['file too large (21 MB > 20 MB)']);
    assert.equal(p.doc, undefined);
  });

  it('counts bytes when characters are multi-byte', () => {
    // 7 M characters, 21 MB of UTF-8.
    const text = '€'.repeat(7 * 1024 * 1024);
    const p = parseYaml(text);
    assert.deepEqual(messages(p), ['file too large (21 MB > 20 MB)']);
  });
});

describe('hostile input: content', () => {
  it('conflict markers: a problem at each marker line, and no parse', () => {
    const text = 'article: a.txt\nclaims:\n<<<<<<< HEAD\n  - id: c-1\n=======\n  - id: c-2\n>>>>>>> feature/x\n';
    const p = parseYaml(text);
    assert.equal(p.doc, undefined);
    assert.equal(p.value, undefined);
    assert.deepEqual(
      p.problems.map((x) => [x.rule, text.slice(x.start, x.end)]),
      [
        ['merge-conflict', '<<<<<<< HEAD'],
        ['merge-conflict', '======='],
        ['merge-conflict', '>>>>>>> feature/x'],
      ],
    );
  });

  it('conflict markers inside a | block scalar, where they would parse silently', () => {
    const text = 'note: |\n  first line\n<<<<<<< HEAD\n  ours\n||||||| base\n  old\n=======\n  theirs\n>>>>>>> main\nnext: 1\n';
    const p = parseYaml(text);
    assert.equal(p.doc, undefined);
    assert.deepEqual(
      p.problems.map((x) => text.slice(x.start, x.end)),
      ['<<<<<<< HEAD', '||||||| base', '=======', '>>>>>>> main'],
    );
    assert.ok(p.problems.every((x) => x.rule === 'merge-conflict'));
  });

  it('conflict markers in CRLF files exclude the CR', () => {
    const text = 'a: 1\r\n<<<<<<< HEAD\r\nb: 2\r\n=======\r\nb: 3\r\n>>>>>>> x\r\n';
    const p = parseYaml(text);
    assert.deepEqual(
      p.problems.map((x) => text.slice(x.start, x.end)),
      ['<<<<<<< HEAD', '=======', '>>>>>>> x'],
    );
  });

  it('marker-like text that is not a marker parses', () => {
    const text = 'note: "<<<<<<< not at line start"\nline: "======="\nh: |\n  =======\n';
    const p = parseYaml(text);
    assert.deepEqual(p.problems, []);
  });

  it('__proto__ keys are own data, never prototypes', () => {
    const text = [
      '__proto__: { polluted: 1 }',
      'nested:',
      '  __proto__:',
      '    polluted: 2',
      'anchor: &p { polluted: 3 }',
      'viaAlias: { __proto__: *p }',
      'constructor: { prototype: { polluted: 4 } }',
      '',
    ].join('\n');
    const p = parseYaml(text);
    assert.deepEqual(p.problems, []);
    const value = p.value as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, { polluted: 1 });
    assert.equal((value as { polluted?: unknown }).polluted, undefined);
    const nested = value.nested as object;
    assert.equal(Object.getPrototypeOf(nested), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value, { polluted: 2 });
    const viaAlias = value.viaAlias as object;
    assert.deepEqual(Object.getOwnPropertyDescriptor(viaAlias, '__proto__')?.value, { polluted: 3 });
    assert.equal(Object.getPrototypeOf(viaAlias), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // The key is found like any other.
    const r = nodeRange(p, ['nested', '__proto__', 'polluted']);
    assert.equal(p.text.slice(r.start, r.end), '2');
  });

  it('a __proto__ actor id is a schema problem at the key, not pollution', () => {
    const text = 'claimbook: 1\nactors:\n  __proto__: { name: X, type: person, isAdmin: true }\nstances: {}\n';
    const problems = validateCodebook(parseYaml(text));
    assert.deepEqual(
      problems.map((x) => `${x.message} @ ${text.slice(x.start, x.end)}`),
      [
        'actor id "__proto__" must be lower-kebab-case (lowercase letters and digits joined by single hyphens), e.g. "proto" @ __proto__',
        'unknown key "isAdmin" in actor "__proto__" @ isAdmin',
      ],
    );
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  });

  it('numeric-looking ids keep their source visible in the schema message', () => {
    for (const [source, read] of [
      ['0123', 'the number 123'],
      ['0x1F', 'the number 31'],
      ['0o17', 'the number 15'],
      ['1e3', 'the number 1000'],
      ['.inf', 'the number Infinity'],
      ['42', 'a number'],
    ]) {
      const text = `article: a.txt\nclaims:\n  - id: ${source}\n    actor: a\n    commitment: b\n    stance: c\n    quote: { exact: e, start: 0, end: 1 }\n`;
      const problems = validateSidecar(parseYaml(text));
      assert.deepEqual(
        problems.map((x) => `${x.message} @ ${text.slice(x.start, x.end)}`),
        [`"id" must be a string (${source} was read as ${read}; put it in quotes) @ ${source}`],
      );
    }
  });

  it('binary content is refused', () => {
    for (const text of ['a: 1\0\0\0b: 2', 'PK\u0003\u0004\u0014\u0000\u0008\u0000', '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 some bytes']) {
      const p = parseYaml(text);
      assert.deepEqual(messages(p), ['binary file']);
      assert.equal(p.doc, undefined);
    }
  });

  it('a stray control character is not binary', () => {
    const p = parseYaml('a: 1\fb\n');
    assert.ok(p.doc);
    assert.ok(!messages(p).includes('binary file'));
  });

  it('a flood of syntax errors is capped', () => {
    const p = parseYaml('a: 1\n' + '- x\n: y\n'.repeat(2000));
    assert.equal(p.problems.length, 201);
    assert.equal(p.problems.at(-1)!.message, 'more than 200 problems; the rest are not shown');
    assert.equal(p.value, undefined);
    // The problems shown are the first ones, in order.
    assert.ok(p.problems.every((q, i) => i === 0 || q.start >= p.problems[i - 1]!.start));
  });

  it('text with U+FFFD (undecodable bytes) parses: that is the caller\'s concern', () => {
    const p = parseYaml('name: Zelensk\uFFFD\uFFFDy\n\uFFFDkey: 1\n');
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.value, { name: 'Zelensk\uFFFD\uFFFDy', '\uFFFDkey': 1 });
  });

  it('a byte-order mark is not part of the first key', () => {
    const p = parseYaml('\uFEFFa: 1\n');
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.value, { a: 1 });
  });

  it('invalid YAML of many kinds never throws and gives sane ranges', () => {
    const samples = [
      'a: b: c',
      '- a\nb: c',
      '"unterminated',
      "'unterminated",
      '{a: 1',
      ']',
      '}}}',
      'a:\n  - b\n c: d',
      '&a [*a]',
      '*undefined',
      '!!binary zz',
      '!!int abc',
      '? ',
      ': ',
      '---\n...\n---',
      '%YAML 9.9\n---\na: 1',
      'a: |\n\tb',
      'a: >-\n  x\n y',
      '\t',
      '@reserved',
      '`backtick',
    ];
    for (const text of samples) {
      const p = parseYaml(text);
      assertSaneProblems(p);
      assert.doesNotThrow(() => validateCodebook(p));
      assert.doesNotThrow(() => validateSidecar(p));
    }
  });

  it('random garbage never throws (seeded)', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet = ['a', ':', ' ', '\n', '-', '[', ']', '{', '}', ',', '"', "'", '#', '&', '*', '!', '?', '|', '>', '  ', '\t', '%', '@', '<<', '0123', '__proto__', '\\', '~'];
    const start = performance.now();
    for (let i = 0; i < 300; i++) {
      const length = 1 + Math.floor(random() * 80);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const p = parseYaml(text);
      assertSaneProblems(p);
      validateSidecar(p);
      validateCodebook(p);
    }
    assert.ok(performance.now() - start < 5000);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
