/**
 * Property test for issue 13: on generated and mutated codebooks and sidecars (yamlVariants.ts),
 * the fast path (subset reader, then js-yaml; `checkDataset`) finds exactly what the reference
 * (`parseYaml` everywhere; `checkDatasetDirect`) finds, and whenever it reads a text itself its
 * value is `parseYaml`'s, with no problems.
 *
 * CI runs FUZZ_CASES (10,000) with a fixed seed; `npm run test:fuzz -- --cases N --seed S` runs
 * more (scripts/fuzz.ts), through CLAIMBOOK_FUZZ_CASES and CLAIMBOOK_FUZZ_SEED. A failure names
 * the seed and the case, and CLAIMBOOK_FUZZ_CASE=<n> replays that case alone.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDataset, checkDatasetDirect, type CheckResult } from '../../src/core';
import { fastValue } from '../../src/core/dataset/fastYaml';
import { parseYaml } from '../../src/core/yaml/parse';
import { FIXTURES } from './support/fixtures';
import { MemoryHost } from './support/memoryHost';
import { random } from './support/random';
import { variant } from './support/yamlVariants';

const FUZZ_CASES = 10_000;
const FUZZ_SEED = 13;

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return n;
}

const CASES = envNumber('CLAIMBOOK_FUZZ_CASES', FUZZ_CASES);
const SEED = envNumber('CLAIMBOOK_FUZZ_SEED', FUZZ_SEED);
const ONLY = process.env.CLAIMBOOK_FUZZ_CASE === undefined ? undefined : envNumber('CLAIMBOOK_FUZZ_CASE', 0);

/** The fixture codebook without what the two claims never use (each case costs two whole checks). */
const CODEBOOK = fs
  .readFileSync(path.join(FIXTURES, '_base/claimbook.yaml'), 'utf8')
  .replace(/^ {2}(?:eu|starmer|uk|security-guarantee|financial-support):\n(?: {4}.*\n)+/gm, '');
const ARTICLE = fs.readFileSync(path.join(FIXTURES, '_base/articles/summit.txt'), 'utf8');
// Two claims of the clean fixture: each case costs two whole checks, so the files are kept small.
const CLEAN = fs.readFileSync(path.join(FIXTURES, 'clean/articles/summit.claims.yaml'), 'utf8');
const SIDECAR = CLEAN.slice(0, CLEAN.indexOf('  - id: c-aaa113'));

/** Each case has its own generator, so that one case can be replayed without the others. */
function caseRandom(seed: number, n: number): (k: number) => number {
  return random((Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0);
}

function summary(r: CheckResult): { fatal: string | undefined; findings: string[] } {
  return { fatal: r.fatal, findings: r.findings.map((f) => JSON.stringify(f)) };
}

function datasetHost(codebook: string, sidecar: string): MemoryHost {
  return new MemoryHost(
    new Map([
      ['claimbook.yaml', codebook],
      ['articles/summit.txt', ARTICLE],
      ['articles/summit.claims.yaml', sidecar],
    ]),
  );
}

describe('fast path: the inputs where it once disagreed with parseYaml (issue 13)', () => {
  const agree = async (sidecar: string): Promise<CheckResult> => {
    const direct = await checkDatasetDirect(datasetHost(CODEBOOK, sidecar));
    assert.deepEqual(summary(await checkDataset(datasetHost(CODEBOOK, sidecar))), summary(direct), JSON.stringify(sidecar));
    return direct;
  };
  const rules = (r: CheckResult): string[] => r.findings.map((f) => `${f.rule}: ${f.message}`);

  it('reads a lone CR as a line break, on every path', async () => {
    for (const [text, value] of [
      ['a: 1\r', { a: 1 }],
      ['x: ""\r', { x: '' }],
      ['e:\r\rt:', { e: null, t: null }],
      ['stance: pledge\r\r\n', { stance: 'pledge' }],
      ['a: 1\r\nb: |\r  x\r  y\rc: 2', { a: 1, b: 'x\ny\n', c: 2 }],
    ] as const) {
      const parsed = parseYaml(text);
      assert.deepEqual({ value: parsed.value, problems: parsed.problems }, { value, problems: [] }, JSON.stringify(text));
      assert.equal(parsed.text, text, 'ranges and edits refer to the text as written');
      assert.deepEqual(fastValue(text), { value }, JSON.stringify(text));
    }
    const withCr = SIDECAR.replace('stance: conditional\n', 'stance: conditional\r\r\n');
    assert.notEqual(withCr, SIDECAR);
    assert.deepEqual(rules(await agree(withCr)), rules(await agree(SIDECAR)), 'the lone CR changes nothing');
  });

  it('takes repeated `...` for the end of one document, not a second one', async () => {
    for (const text of ['a: 1\n...\n...\n', '...\na: 1\n', 'a: 1\n...\n# after\n...\n']) {
      const parsed = parseYaml(text);
      assert.deepEqual({ value: parsed.value, problems: parsed.problems }, { value: { a: 1 }, problems: [] }, JSON.stringify(text));
      assert.deepEqual(fastValue(text), { value: { a: 1 } });
    }
    // A second `---`, or anything after `...`, is still a second document.
    for (const text of ['a: 1\n---\n', 'a: 1\n...\n~\n', 'a: 1\n...\n---\nb: 2\n']) {
      assert.match(parseYaml(text).problems[0]?.message ?? '', /one YAML document/, JSON.stringify(text));
      assert.equal(fastValue(text), undefined);
    }
    assert.deepEqual(rules(await agree(`${SIDECAR}...\n...\n`)), rules(await agree(SIDECAR)));
  });

  it('declines a \\U escape beyond U+10FFFF, which parseYaml reports', async () => {
    const text = 'a: "\\U00110000"';
    assert.equal(fastValue(text), undefined);
    assert.match(parseYaml(text).problems[0]?.message ?? '', /escape/i);
    assert.deepEqual(fastValue('a: "\\U0001F600"')?.value ?? parseYaml('a: "\\U0001F600"').value, { a: '😀' });
    const found = rules(await agree(SIDECAR.replace('note: a conditional pledge', 'note: "\\U00110000"')));
    assert.ok(found.some((f) => f.startsWith('yaml-syntax')), found.join('\n'));
  });

  it('declines an unknown directive, which parseYaml reports', async () => {
    for (const text of ['%FOO bar\n---\na: 1', '%FOO\n---\na: 1\n', '%YAML 1.2\n%FOO bar\n---\na: 1']) {
      assert.equal(fastValue(text), undefined, JSON.stringify(text));
      assert.match(parseYaml(text).problems.map((p) => p.message).join(), /an unknown line starting with "%"/, JSON.stringify(text));
    }
    const found = rules(await agree(`%FOO bar\n---\n${SIDECAR}`));
    assert.ok(found.some((f) => /an unknown line starting with "%"/.test(f)), found.join('\n'));
  });
});

describe('property: the fast path equals the reference on generated YAML', () => {
  it(`agrees on ${ONLY === undefined ? CASES : 1} generated codebooks and sidecars (seed ${SEED})`, async function () {
    this.timeout(0); // the count is the caller's choice; CI's default takes seconds
    let fastRead = 0;
    let declined = 0;
    const from = ONLY ?? 0;
    const to = ONLY === undefined ? CASES : ONLY + 1;
    for (let n = from; n < to; n++) {
      const rand = caseRandom(SEED, n);
      const codebookCase = rand(5) < 2;
      const text = variant(codebookCase ? CODEBOOK : SIDECAR, rand);
      const replay = `seed ${SEED}, case ${n} (replay: CLAIMBOOK_FUZZ_SEED=${SEED} CLAIMBOOK_FUZZ_CASE=${n}); ${codebookCase ? 'codebook' : 'sidecar'} ${JSON.stringify(text)}`;

      const fast = fastValue(text);
      if (fast) {
        fastRead++;
        const full = parseYaml(text);
        assert.deepEqual(full.problems, [], `fast path read a text parseYaml rejects: ${replay}`);
        assert.deepEqual(fast.value, full.value, `values differ: ${replay}`);
      } else declined++;

      const host = codebookCase ? datasetHost(text, SIDECAR) : datasetHost(CODEBOOK, text);
      assert.deepEqual(summary(await checkDataset(host)), summary(await checkDatasetDirect(host)), `findings differ: ${replay}`);
    }
    // Both kinds occur: the generator reaches both what the fast path reads and what it declines.
    if (process.env.CLAIMBOOK_FUZZ_VERBOSE) console.log(`${fastRead} read fast, ${declined} declined`);
    if (ONLY === undefined && CASES >= 1000) assert.ok(fastRead > CASES / 10 && declined > CASES / 10, `${fastRead} read fast, ${declined} declined`);
  });
});
