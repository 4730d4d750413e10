/**
 * `hints: false` (the CLI's check without --hints) does not run rules at hint level: the findings
 * must be exactly the others of a full check, on the incremental index and the direct pipeline,
 * and an index switched between the two must give each its own result.
 */
import * as assert from 'node:assert/strict';
import { checkDataset, checkDatasetDirect, FileCache, type Finding } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { fixtureFiles, fixtureNames } from './support/fixtures';

const notHints = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity !== 'hint');

describe('checks without hints', () => {
  let dropped = 0;
  for (const name of fixtureNames()) {
    it(`${name}: the findings of a full check but its hints`, async () => {
      const full = await checkDataset(new MemoryHost(fixtureFiles(name)));
      const without = await checkDataset(new MemoryHost(fixtureFiles(name)), { hints: false, oneShot: true });
      const direct = await checkDatasetDirect(new MemoryHost(fixtureFiles(name)), { hints: false });
      assert.deepEqual(without.findings, notHints(full.findings));
      assert.deepEqual(direct.findings, without.findings);
      dropped += full.findings.length - without.findings.length;
    });
  }

  it('some fixture had hints to leave out', () => {
    assert.ok(dropped > 0, 'no fixture gives a hint: the tests above compare nothing');
  });

  it('a hint rule raised to warning still runs; a rule lowered to hint does not', async () => {
    const name = fixtureNames().find((n) => n.includes('unknown-actor')) as string;
    const files = fixtureFiles(name);
    const raised = await checkDataset(new MemoryHost(files), { hints: false, severities: { 'untagged-mention': 'warning', 'unknown-actor': 'hint' } });
    const full = await checkDataset(new MemoryHost(files), { severities: { 'untagged-mention': 'warning', 'unknown-actor': 'hint' } });
    assert.deepEqual(raised.findings, notHints(full.findings));
    assert.ok(full.findings.some((f) => f.rule === 'unknown-actor' && f.severity === 'hint'), 'the lowered rule reports in a full check');
    assert.ok(!raised.findings.some((f) => f.rule === 'unknown-actor'));
  });

  it('one index checked with, without, then with hints gives each its own findings', async () => {
    const name = fixtureNames().find((n) => n.includes('untagged')) ?? 'untagged';
    const files = fixtureFiles(name);
    const host = new MemoryHost(files);
    const cache = new FileCache();
    const first = await checkDataset(host, {}, cache);
    const without = await checkDataset(host, { hints: false }, cache);
    const again = await checkDataset(host, {}, cache);
    assert.ok(first.findings.some((f) => f.severity === 'hint'), `${name} gives hints`);
    assert.deepEqual(without.findings, notHints(first.findings));
    assert.deepEqual(again.findings, first.findings);
  });
});
