/**
 * The CLI's two-core check (src/cli/splitCheck.ts) through a real worker thread: the findings
 * and texts of one whole check, and a whole check whenever the split cannot be used.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDataset, compareFindings, FileCache, partOf, type Finding } from '../../src/core';
import { NodeHost } from '../../src/cli/nodeHost';
import { checkSplit } from '../../src/cli/splitCheck';

const SAMPLES = path.resolve(__dirname, '../../../samples');

function canonical(findings: readonly Finding[]): string[] {
  return [...findings].sort(compareFindings).map((f) => JSON.stringify(f));
}

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

describe('claimbook check on two cores', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-split-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the whole check\'s findings, with the texts they point into', async () => {
    const fallbacks: string[] = [];
    const split = await checkSplit(SAMPLES, { hints: true, always: true, onFallback: (r) => fallbacks.push(r) });
    const whole = await checkDataset(new NodeHost(SAMPLES), { oneShot: true }, new FileCache());
    assert.deepEqual(fallbacks, [], 'the worker did the other half');
    assert.ok(split.findings.length > 0);
    assert.deepEqual(canonical(split.findings), canonical(whole.findings));
    for (const f of split.findings) assert.equal(split.texts.get(f.file), whole.texts.get(f.file), f.file);
  });

  it('leaves hints out when they will not be shown', async () => {
    const split = await checkSplit(SAMPLES, { hints: false, always: true });
    const whole = await checkDataset(new NodeHost(SAMPLES), { oneShot: true }, new FileCache());
    assert.ok(whole.findings.some((f) => f.severity === 'hint'), 'the samples have hints to leave out');
    assert.deepEqual(canonical(split.findings), canonical(whole.findings.filter((f) => f.severity !== 'hint')));
  });

  it('checks whole, with the same findings, when a sidecar names an article of the other half', async () => {
    copyTree(SAMPLES, tmp);
    const sidecar = fs.readdirSync(path.join(tmp, 'articles')).find((f) => f.endsWith('.claims.yaml')) as string;
    const article = sidecar.replace(/\.claims\.yaml$/, '.txt');
    const stray = Array.from({ length: 50 }, (_, i) => `stray-${i}.claims.yaml`).find((f) => partOf(`articles/${f}`, 2) !== partOf(`articles/${article}`, 2)) as string;
    fs.copyFileSync(path.join(tmp, 'articles', sidecar), path.join(tmp, 'articles', stray));
    const fallbacks: string[] = [];
    const split = await checkSplit(tmp, { hints: true, always: true, onFallback: (r) => fallbacks.push(r) });
    const whole = await checkDataset(new NodeHost(tmp), { oneShot: true }, new FileCache());
    assert.deepEqual(fallbacks, ['a sidecar names an article of the other part']);
    assert.ok(split.findings.some((f) => f.rule === 'sidecar-ambiguous'));
    assert.deepEqual(canonical(split.findings), canonical(whole.findings));
  });

  it('a small dataset is checked whole; a missing codebook is still fatal', async () => {
    const fallbacks: string[] = [];
    await checkSplit(SAMPLES, { hints: true, onFallback: (r) => fallbacks.push(r) });
    assert.deepEqual(fallbacks, ['small dataset']);
    const none = await checkSplit(tmp, { hints: true, always: true });
    assert.match(none.fatal ?? '', /no claimbook\.yaml found/);
  });
});
