import assert from 'node:assert/strict';
import { parseYaml, type ParsedYaml } from '../../src/core/yaml/parse';
import { firstKeyRange, nodeRange, pointerToPath, type PathSegment } from '../../src/core/yaml/ranges';
import { scalarAt } from '../../src/core/yaml/scalars';

/** The exact text a range covers. */
function cover(parsed: ParsedYaml, path: PathSegment[], part?: 'key' | 'value' | 'pair'): string {
  const r = nodeRange(parsed, path, part);
  return parsed.text.slice(r.start, r.end);
}

describe('yaml/parse', () => {
  it('parses with the core schema: dates stay strings, yes/no are strings, 0123 is a number', () => {
    const p = parseYaml('published: 2025-03-11\nanswer: no\nid: 0123\nflag: true\n');
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.value, { published: '2025-03-11', answer: 'no', id: 123, flag: true });
  });

  it('reports duplicate keys and tab indentation as yaml-syntax at their position', () => {
    const dup = parseYaml('a: 1\na: 2\n');
    assert.equal(dup.problems.length, 1);
    assert.equal(dup.problems[0]!.rule, 'yaml-syntax');
    assert.match(dup.problems[0]!.message, /^duplicate key 'a': the mapping has it twice; keep one of them/);
    assert.equal(dup.text.slice(dup.problems[0]!.start, dup.problems[0]!.end), 'a');
    assert.equal(dup.problems[0]!.start, 5);

    const tab = parseYaml('a:\n\tb: 1\n');
    assert.equal(tab.problems.length, 1);
    assert.match(tab.problems[0]!.message, /tab/i);
    assert.equal(tab.problems[0]!.start, 3);
  });

  it('reports a syntax error and keeps what it could read', () => {
    const p = parseYaml('a: [1, 2\nb: "open\n');
    assert.ok(p.problems.length > 0);
    assert.ok(p.problems.every((x) => x.rule === 'yaml-syntax' && x.start >= 0 && x.end <= p.text.length && x.start <= x.end));
    assert.ok(p.doc);
  });

  it('keeps merge keys as ordinary keys (merge: false)', () => {
    const p = parseYaml('base: &b { x: 1 }\nuse:\n  <<: *b\n  y: 2\n');
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.value, { base: { x: 1 }, use: { '<<': { x: 1 }, y: 2 } });
  });

  it('reports a second document and keeps the first', () => {
    const p = parseYaml('a: 1\n---\nb: 2\n');
    assert.deepEqual(p.value, { a: 1 });
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0]!.message, /one YAML document/);
  });

  it('an empty or comment-only file is null, not a problem', () => {
    for (const text of ['', '# just a comment\n', '\n\n']) {
      const p = parseYaml(text);
      assert.deepEqual(p.problems, []);
      assert.equal(p.value, null);
      assert.ok(p.doc);
    }
  });

  it('drops entries with collection keys, with a problem at the key', () => {
    const p = parseYaml('? [a, b]\n: 1\nc: 2\n');
    assert.deepEqual(p.value, { c: 2 });
    assert.equal(p.problems.length, 1);
    assert.equal(p.text.slice(p.problems[0]!.start, p.problems[0]!.end), '[a, b]');
    // The document itself is left whole (ranges and edits use it).
    assert.equal(cover(p, ['c']), '2');
  });

  it('refuses a file over the size cap (option)', () => {
    const p = parseYaml('a: 1234567890\n', { maxBytes: 10 });
    assert.equal(p.doc, undefined);
    assert.equal(p.value, undefined);
    assert.equal(p.problems.length, 1);
    assert.match(p.problems[0]!.message, /^file too large \(.* MB > .* MB\)$/);
  });

  it('counts UTF-8 bytes, not UTF-16 units, against the cap', () => {
    // 4 chars, 12 bytes in UTF-8
    assert.equal(parseYaml('€€€€', { maxBytes: 11 }).doc, undefined);
    assert.ok(parseYaml('€€€€', { maxBytes: 12 }).doc);
  });
});

describe('yaml/ranges', () => {
  const text = [
    'claimbook: 1',
    'actors:',
    '  macron:',
    '    name: Emmanuel Macron   # the president',
    '    aliases: [Macron, "President Macron"]',
    '  france: { name: France, type: state }',
    '',
    '# trailing comment',
    'claims:',
    '  - id: c-1',
    '    quote:',
    '      exact: "hello"',
    '      start: 3',
    '  - id: c-2',
    'empty:',
    '"a/b": slash',
    '"c~d": tilde',
    '"1": one',
    '',
  ].join('\n');
  const p = parseYaml(text);

  it('decodes JSON pointers', () => {
    assert.deepEqual(pointerToPath(''), []);
    assert.deepEqual(pointerToPath('/actors/macron/name'), ['actors', 'macron', 'name']);
    assert.deepEqual(pointerToPath('/a~1b/c~0d/~01'), ['a/b', 'c~d', '~1']);
    assert.deepEqual(pointerToPath('/claims/0'), ['claims', '0']);
    assert.deepEqual(pointerToPath('/'), ['']);
  });

  it('covers exactly scalars, flow collections and block collections (without trailing comments)', () => {
    assert.deepEqual(p.problems, []);
    assert.equal(cover(p, ['actors', 'macron', 'name']), 'Emmanuel Macron');
    assert.equal(cover(p, ['actors', 'macron', 'aliases']), '[Macron, "President Macron"]');
    assert.equal(cover(p, ['actors', 'macron', 'aliases', 1]), '"President Macron"');
    assert.equal(cover(p, ['actors', 'france']), '{ name: France, type: state }');
    assert.equal(cover(p, ['actors', 'france', 'type']), 'state');
    assert.equal(cover(p, ['actors']), text.slice(text.indexOf('macron:'), text.indexOf('state }') + 'state }'.length));
    assert.equal(cover(p, ['claims', '0', 'quote']), 'exact: "hello"\n      start: 3');
  });

  it('gives key and pair ranges', () => {
    assert.equal(cover(p, ['actors', 'macron'], 'key'), 'macron');
    assert.equal(cover(p, ['actors', 'macron', 'name'], 'pair'), 'name: Emmanuel Macron');
    assert.equal(cover(p, ['actors', 'france', 'type'], 'key'), 'type');
    // Seq items and the root have no key: the value it is.
    assert.equal(cover(p, ['claims', 1], 'key'), 'id: c-2');
    assert.equal(cover(p, ['actors', 'macron', 'aliases', 0], 'key'), 'Macron');
  });

  it('resolves numeric segments as indexes in sequences and as keys in maps', () => {
    assert.equal(cover(p, ['claims', '1', 'id']), 'c-2');
    assert.equal(cover(p, ['claims', 1, 'id']), 'c-2');
    assert.equal(cover(p, ['1']), 'one');
    assert.equal(cover(p, [1]), 'one');
  });

  it('finds keys containing "/" and "~" through their pointers', () => {
    assert.equal(cover(p, pointerToPath('/a~1b')), 'slash');
    assert.equal(cover(p, pointerToPath('/c~0d'), 'key'), '"c~d"');
  });

  it('falls back to the nearest ancestor, marked inexact', () => {
    const r = nodeRange(p, ['actors', 'macron', 'wikidata']);
    assert.equal(r.exact, false);
    assert.equal(p.text.slice(r.start, r.end), p.text.slice(nodeRange(p, ['actors', 'macron']).start, nodeRange(p, ['actors', 'macron']).end));
    assert.equal(nodeRange(p, ['claims', 7, 'id']).exact, false);
    assert.equal(cover(p, ['claims', 7, 'id']), cover(p, ['claims']));
    // Below a scalar there is nothing: the scalar it is.
    assert.equal(cover(p, ['actors', 'macron', 'name', 'first']), 'Emmanuel Macron');
    assert.equal(nodeRange(p, ['claims', 'x']).exact, false);
    assert.equal(nodeRange(p, ['actors', 'macron', 'name']).exact, true);
  });

  it('an empty value has a zero-width exact range after its key', () => {
    const r = nodeRange(p, ['empty']);
    assert.equal(r.exact, true);
    assert.equal(r.start, r.end);
    assert.equal(cover(p, ['empty'], 'pair'), 'empty:');
  });

  it('without a document every range is 0..0, inexact', () => {
    const refused = parseYaml('<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> b\n');
    assert.deepEqual(nodeRange(refused, ['a']), { start: 0, end: 0, exact: false });
    assert.deepEqual(nodeRange(refused, []), { start: 0, end: 0, exact: false });
  });

  it('the root range excludes leading and trailing comments', () => {
    const q = parseYaml('# head\na: 1\nb: 2   # tail\n\n# end\n');
    assert.equal(cover(q, []), 'a: 1\nb: 2');
  });

  it('the last of duplicate keys is the one found, as in the value', () => {
    const q = parseYaml('a: 1\na: 2\n');
    assert.equal(cover(q, ['a']), '2');
  });

  it('block scalars cover their header and content, not the blank lines after', () => {
    const q = parseYaml('note: |\n  line one\n  line two\n\nnext: 1\n');
    assert.equal(cover(q, ['note']), '|\n  line one\n  line two');
  });

  it('does not follow aliases (the range would be elsewhere)', () => {
    const q = parseYaml('a: &x { b: 1 }\nc: *x\n');
    const r = nodeRange(q, ['c', 'b']);
    assert.equal(r.exact, false);
    assert.equal(q.text.slice(r.start, r.end), '*x');
  });

  it('finds the first key of a map', () => {
    const r = firstKeyRange(p, ['claims', 0]);
    assert.ok(r);
    assert.equal(p.text.slice(r.start, r.end), 'id');
    assert.equal(firstKeyRange(p, ['claims']), undefined);
  });

  it('works on CRLF text', () => {
    const q = parseYaml('a:\r\n  b: 1\r\n  c: two\r\n');
    assert.equal(cover(q, ['a']), 'b: 1\r\n  c: two');
    assert.equal(cover(q, ['a', 'c']), 'two');
  });
});

describe('yaml/scalars', () => {
  it('keeps the source of plain scalars so 0123 stays observable', () => {
    const p = parseYaml('claims:\n  - id: 0123\n    b: "0123"\n    c: true\n');
    const id = scalarAt(p, ['claims', 0, 'id']);
    assert.ok(id);
    assert.equal(id.value, 123);
    assert.equal(id.source, '0123');
    assert.equal(p.text.slice(id.start, id.end), '0123');
    const quoted = scalarAt(p, ['claims', 0, 'b']);
    assert.equal(quoted?.value, '0123');
    assert.equal(quoted?.source, undefined);
    assert.equal(scalarAt(p, ['claims', 0, 'c'])?.value, true);
  });

  it('is undefined for collections and missing paths', () => {
    const p = parseYaml('a: [1]\n');
    assert.equal(scalarAt(p, ['a']), undefined);
    assert.equal(scalarAt(p, ['b']), undefined);
    assert.equal(scalarAt(p, ['a', 0])?.value, 1);
  });
});
