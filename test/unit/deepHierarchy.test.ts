/**
 * Issue 13 C: hierarchy checks are linear in the number of commitments. A 10,000-level parent
 * chain and a 10,000-long parent cycle (quadratic or worse before: 10,000 levels did not finish
 * in 90 s) are checked, the cycle reported once on its first id, at modest cost.
 */
import * as assert from 'node:assert/strict';
import { checkDataset, checkDatasetDirect } from '../../src/core';
import { fixtureFiles } from './support/fixtures';
import { MemoryHost } from './support/memoryHost';

const LEVELS = 10_000;

function withCommitments(lines: string[]): MemoryHost {
  const files = fixtureFiles('clean');
  const base = String(new TextDecoder().decode(files.get('claimbook.yaml') as Uint8Array));
  files.set('claimbook.yaml', new TextEncoder().encode(base.replace('commitments:\n', `commitments:\n${lines.join('\n')}\n`)));
  return new MemoryHost(files);
}

const id = (i: number): string => `level-${String(i).padStart(5, '0')}`;

describe('deep commitment hierarchies', () => {
  it(`a ${LEVELS}-level parent chain checks clean of codebook findings`, async () => {
    const lines = Array.from({ length: LEVELS }, (_, i) => `  ${id(i)}:\n    label: L${i}${i > 0 ? `\n    parent: ${id(i - 1)}` : ''}`);
    const result = await checkDataset(withCommitments(lines));
    assert.deepEqual(result.findings.filter((f) => f.file === 'claimbook.yaml').map((f) => f.message), []);
  });

  it(`a ${LEVELS}-long parent cycle is one finding, on the id that sorts first`, async () => {
    const lines = Array.from({ length: LEVELS }, (_, i) => `  ${id(i)}:\n    label: L${i}\n    parent: ${id((i + 1) % LEVELS)}`);
    for (const check of [checkDataset, checkDatasetDirect]) {
      const cycles = (await check(withCommitments(lines))).findings.filter((f) => f.message.startsWith('parent cycle'));
      assert.equal(cycles.length, 1);
      assert.ok(cycles[0]?.message.startsWith(`parent cycle: ${id(0)} → ${id(1)} → `));
      assert.ok(cycles[0]?.message.endsWith(`${id(LEVELS - 1)} → ${id(0)}`));
    }
  });

  it('a short cycle with a tail into it is reported once, naming only the cycle', async () => {
    const lines = ['  z-tail:\n    label: T\n    parent: b-one', '  b-one:\n    label: B\n    parent: c-two', '  c-two:\n    label: C\n    parent: b-one'];
    const cycles = (await checkDataset(withCommitments(lines))).findings.filter((f) => f.message.startsWith('parent cycle'));
    assert.deepEqual(cycles.map((f) => f.message), ['parent cycle: b-one → c-two → b-one']);
  });
});
