/**
 * Issue 13 C: a duplicate key is named whole and ranged whole ("duplicate key 's'" for `stance`
 * underlined one character before), and a mapping with many keys is checked in linear time (the
 * yaml library's own check compared every key with every other: 20,000 keys took a minute).
 */
import * as assert from 'node:assert/strict';
import { parseYaml } from '../../src/core/yaml/parse';

describe('duplicate keys', () => {
  it('names the whole key and ranges it', () => {
    const text = 'claims:\n  - id: c-1\n    stance: pledge\n    stance: refusal\n';
    const p = parseYaml(text);
    assert.equal(p.problems.length, 1);
    const [dup] = p.problems;
    assert.match(dup?.message ?? '', /^duplicate key 'stance': the mapping has it twice/);
    assert.equal(text.slice(dup?.start, dup?.end), 'stance');
    assert.equal(dup?.start, text.lastIndexOf('stance'));
  });

  it('quoted, flow and empty duplicate keys are found; 1 and "1" are different keys', () => {
    assert.match(parseYaml('"a b": 1\n\'a b\': 2\n').problems[0]?.message ?? '', /^duplicate key 'a b':/);
    assert.match(parseYaml('m: { x: 1, x: 2 }\n').problems[0]?.message ?? '', /^duplicate key 'x':/);
    assert.equal(parseYaml(': 1\n: 2\n').problems.filter((q) => q.message.startsWith('duplicate key')).length, 1);
    assert.deepEqual(parseYaml('1: a\n"1": b\n').problems, []);
  });

  it('the value keeps the last of duplicate keys', () => {
    assert.deepEqual(parseYaml('a: 1\na: 2\n').value, { a: 2 });
  });

  it('a very long key is named by its start and length', () => {
    const key = 'k'.repeat(500);
    const [dup] = parseYaml(`${key}: 1\n${key}: 2\n`).problems;
    assert.match(dup?.message ?? '', /^duplicate key 'k{80}…' \(500 characters\): /);
    assert.equal((dup?.end ?? 0) - (dup?.start ?? 0), 500);
  });

  it('20,000 keys with one duplicate at the end are checked (linear, not pairwise)', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `key-${i}: ${i}`);
    lines.push('key-7: again');
    const p = parseYaml(`${lines.join('\n')}\n`);
    assert.deepEqual(p.problems.map((q) => q.message.split(':')[0]), ["duplicate key 'key-7'"]);
  });
});
