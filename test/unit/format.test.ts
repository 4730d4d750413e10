/** `claimbook fmt`'s core: canonical form, idempotence, comments kept, refusals. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatSidecar } from '../../src/core/format';
import { parseYaml } from '../../src/core/yaml/parse';
import { claimsOf, randomSidecar } from './support/sidecars';
import { random } from './support/random';

const SAMPLES = path.resolve(__dirname, '../../../samples/articles');

function format(text: string): string {
  const r = formatSidecar(text);
  assert.ok(r.ok, `refused: ${JSON.stringify(!r.ok && r.problems)}`);
  return r.text;
}

const MESSY = `# top comment
article: a.txt # inline on article
text-sha256: abc
# before source
source:
  url: http://x
  title: T
claims: # claims inline
  # above the second claim
  - actor: x
    id: c-2 # inline on id
    stance: 'pledge'
    # above commitment
    commitment: c
    quote: {start: 10, exact: 'a # b', end: 11}
    extra-key: kept
  - id: c-1
    actor: y
    commitment: c
    stance: refusal
    fields: {a: 1, b: "x y"}
    quote:
      exact: q
      start: 0012
      end: 14
`;

describe('fmt: canonical form of sidecars', () => {
  it('leaves the samples as they are (they are canonical)', () => {
    for (const f of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.claims.yaml'))) {
      const text = fs.readFileSync(path.join(SAMPLES, f), 'utf8');
      const r = formatSidecar(text);
      assert.ok(r.ok && !r.changed, `${f} would change`);
    }
  });

  it('orders keys as DESIGN §1.2, sorts claims by start, double-quotes quotes and keeps every comment and unknown key', () => {
    const out = format(MESSY);
    assert.equal(
      out,
      `# top comment
article: a.txt # inline on article
# before source
source:
  title: T
  url: http://x
text-sha256: abc
claims: # claims inline
  # above the second claim
  - id: c-2 # inline on id
    actor: x
    # above commitment
    commitment: c
    stance: pledge
    quote:
      exact: "a # b"
      start: 10
      end: 11
    extra-key: kept

  - id: c-1
    actor: y
    commitment: c
    stance: refusal
    fields: { a: 1, b: x y }
    quote:
      exact: "q"
      start: 12
      end: 14
`,
    );
    assert.deepEqual(parseYaml(out).value, { ...(parseYaml(MESSY).value as object), claims: (parseYaml(MESSY).value as { claims: unknown[] }).claims });
  });

  it('never turns a string into another value (id: 0123 keeps its digits) and keeps CRLF', () => {
    const text = 'article: a.txt\r\nclaims:\r\n  - id: 0123\r\n    actor: a\r\n    commitment: c\r\n    stance: s\r\n    quote: { exact: "x", start: 1, end: 2 }\r\n';
    const out = format(text);
    assert.match(out, /id: 0123\r\n/);
    assert.ok(!/[^\r]\n/.test(out), 'every line ends with CRLF');
  });

  it('refuses files with syntax errors or conflict markers (problems with offsets, nothing rewritten)', () => {
    const broken = formatSidecar('article: a.txt\nclaims:\n  - id: [c-1\n');
    assert.ok(!broken.ok && broken.problems[0]?.rule === 'yaml-syntax');
    const conflicted = formatSidecar('article: a.txt\nclaims:\n<<<<<<< ours\n  - id: c-1\n=======\n  - id: c-2\n>>>>>>> theirs\n');
    assert.ok(!conflicted.ok && conflicted.problems.every((p) => p.rule === 'merge-conflict') && conflicted.problems.length === 3);
    const binary = formatSidecar('article: a\0.txt\n');
    assert.ok(!binary.ok);
    // Shapes no sidecar has are refused rather than rewritten without their content.
    assert.ok(!formatSidecar('- a\n- b\n').ok);
    assert.ok(!formatSidecar('article: a.txt\nclaims: { a: 1 }\n').ok);
    assert.deepEqual(formatSidecar(''), { ok: true, text: '', changed: false });
  });

  it('is idempotent and keeps the values of random sidecars written in random styles (400 seeds)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rand = random(seed);
      const text = randomSidecar(rand).text;
      const once = format(text);
      assert.equal(format(once), once, `seed ${seed}: fmt twice differs from once\n${text}`);
      const before = parseYaml(text).value as { claims: unknown[] };
      const after = parseYaml(once).value as { claims: unknown[] };
      assert.deepEqual(claimsOf(after), claimsOf(before), `seed ${seed}: values changed`);
    }
  });
});
