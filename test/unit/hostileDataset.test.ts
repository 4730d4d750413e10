/** Bad input through the whole check pipeline: every case ends in findings or a clean message, never a throw. */
import * as assert from 'node:assert/strict';
import { checkDataset, MAX_FILE_BYTES, type CheckResult } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { fixtureFiles } from './support/fixtures';

const enc = (text: string) => new TextEncoder().encode(text);

function dataset(extra: Record<string, Uint8Array | string>, base = 'clean'): MemoryHost {
  const files = fixtureFiles(base) as Map<string, Uint8Array | string>;
  for (const [k, v] of Object.entries(extra)) files.set(k, v);
  return new MemoryHost(files);
}

const rules = (r: CheckResult, file?: string) => r.findings.filter((f) => !file || f.file === file).map((f) => f.rule);

describe('hostile input through checkDataset', () => {
  it('an empty codebook is a schema finding, not a crash', async () => {
    const r = await checkDataset(dataset({ 'claimbook.yaml': '' }));
    assert.equal(r.fatal, undefined);
    assert.ok(rules(r, 'claimbook.yaml').includes('schema'), JSON.stringify(rules(r)));
  });

  it('an empty sidecar and a sidecar that is a list are schema findings', async () => {
    const r = await checkDataset(dataset({ 'articles/summit.claims.yaml': '', 'articles/other.claims.yaml': '- a\n- b\n' }));
    assert.ok(rules(r, 'articles/summit.claims.yaml').includes('schema'));
    assert.ok(rules(r, 'articles/other.claims.yaml').includes('schema'));
  });

  it('__proto__ as an actor id and as a claim actor pollutes nothing', async () => {
    const r = await checkDataset(dataset({
      'claimbook.yaml': 'claimbook: 1\nactors:\n  __proto__:\n    name: Proto\n    type: person\n    polluted: yes\nstances:\n  pledge: { label: Pledge }\n',
      'articles/summit.claims.yaml': 'article: summit.txt\nclaims:\n  - id: c-p1\n    actor: __proto__\n    commitment: constructor\n    stance: toString\n    quote: { exact: "Macron", start: 0, end: 6 }\n',
    }));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).name, undefined);
    assert.ok(rules(r).includes('schema'), 'the id is not lower-kebab-case');
    assert.ok(rules(r).includes('unknown-commitment'), 'constructor is not a commitment');
    assert.ok(rules(r).includes('unknown-stance'), 'toString is not a stance');
  });

  it('an article over 20 MB is refused with a finding, not read', async () => {
    const big = 'x'.repeat(MAX_FILE_BYTES + 1);
    const r = await checkDataset(dataset({ 'articles/huge.txt': big }));
    const f = r.findings.find((x) => x.file === 'articles/huge.txt');
    assert.equal(f?.rule, 'file-unreadable');
    assert.match(f?.message ?? '', /too large|larger than/);
  });

  it('a large article just under the cap is checked, its claim anchored', async () => {
    const filler = 'Diplomats met again and nothing was agreed.\n'.repeat(Math.floor((5 * 1024 * 1024) / 44));
    const article = `${filler}Macron said France would send troops.\n`;
    const start = [...filler].length;
    const r = await checkDataset(dataset({
      'articles/big.txt': article,
      'articles/big.claims.yaml': `article: big.txt\nclaims:\n  - id: c-big1\n    actor: macron\n    commitment: military-support\n    stance: pledge\n    quote: { exact: "Macron said France would send troops", start: ${start}, end: ${start + 36} }\n`,
    }));
    assert.deepEqual(rules(r, 'articles/big.claims.yaml'), []);
    assert.equal(r.sidecars.find((s) => s.sidecar.path === 'articles/big.claims.yaml')?.claims[0]?.anchor?.status, 'exact');
  });

  it('a binary file and a non-UTF-8 file named .txt are findings', async () => {
    const r = await checkDataset(dataset({ 'articles/bin.txt': new Uint8Array([0x50, 0, 0, 1, 2]), 'articles/latin.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }));
    assert.deepEqual(rules(r, 'articles/bin.txt'), ['file-unreadable']);
    assert.deepEqual(rules(r, 'articles/latin.txt'), ['file-unreadable']);
  });

  it('a thousand nested [ in a sidecar, twice in one process, gives yaml-syntax findings', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await checkDataset(dataset({ 'articles/summit.claims.yaml': enc(`article: summit.txt\nclaims: ${'['.repeat(1000)}${']'.repeat(1000)}\n`) }));
      assert.ok(rules(r, 'articles/summit.claims.yaml').includes('yaml-syntax'));
    }
  });

  it('conflict markers in the codebook are reported and the rest of the dataset is not misjudged', async () => {
    const r = await checkDataset(dataset({ 'claimbook.yaml': 'claimbook: 1\n<<<<<<< HEAD\nactors: {}\n=======\nactors: { a: { name: A, type: person } }\n>>>>>>> other\nstances: {}\n' }));
    assert.ok(rules(r, 'claimbook.yaml').includes('merge-conflict'));
    assert.ok(!rules(r).includes('unknown-actor'), 'claims are not called unknown while the codebook is unreadable');
  });
});
