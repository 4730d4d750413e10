/**
 * `oneShot` (the CLI's one-off check) keeps no per-sidecar caches in the index: the findings
 * must be exactly those of a check that keeps them, and a later check on the same index must
 * still be right.
 */
import * as assert from 'node:assert/strict';
import { checkDataset, FileCache } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { fixtureFiles, fixtureNames } from './support/fixtures';

describe('oneShot checks', () => {
  for (const name of fixtureNames()) {
    it(`${name}: the same findings as a check that keeps its caches`, async () => {
      const kept = await checkDataset(new MemoryHost(fixtureFiles(name)));
      const once = await checkDataset(new MemoryHost(fixtureFiles(name)), { oneShot: true });
      assert.deepEqual(once.findings, kept.findings);
      assert.ok(name === 'clean' || once.findings.length > 0, 'the fixture has findings to compare');
    });
  }

  it('an index used once can check again, after an edit', async () => {
    const files = fixtureFiles('unknown-actor');
    const cache = new FileCache();
    const host = new MemoryHost(files);
    await checkDataset(host, { oneShot: true }, cache);
    const sidecar = [...files.keys()].find((f) => f.endsWith('.claims.yaml')) as string;
    const edited = Buffer.from(files.get(sidecar) as Uint8Array).toString('utf8').replace(/actor: [a-z-]+/, 'actor: nobody-at-all');
    files.set(sidecar, Buffer.from(edited));
    const again = await checkDataset(host, { oneShot: true }, cache);
    const fresh = await checkDataset(new MemoryHost(files));
    assert.deepEqual(again.findings, fresh.findings);
    assert.ok(again.findings.some((f) => f.message.includes("'nobody-at-all'")));
  });
});
