/**
 * Issue 13 C: a 1 MB alias took a check minutes (the mention scan walked it from every word
 * start of a text repeating its words). A name or alias over 200 characters is a schema finding
 * and is not matched, so the scan stays linear.
 */
import * as assert from 'node:assert/strict';
import { checkDataset } from '../../src/core';
import { fixtureFiles } from './support/fixtures';
import { MemoryHost } from './support/memoryHost';

describe('a 1 MB alias', () => {
  it('is a schema finding, is not matched, and the check with hints completes', async () => {
    const files = fixtureFiles('clean');
    const codebook = new TextDecoder().decode(files.get('claimbook.yaml') as Uint8Array);
    const alias = 'a '.repeat(500_000).trim();
    files.set('claimbook.yaml', new TextEncoder().encode(codebook.replace('aliases: [Macron]', `aliases: [Macron, "${alias}"]`)));
    files.set('articles/words.txt', new TextEncoder().encode(`${'a '.repeat(100_000)}\n`));
    const result = await checkDataset(new MemoryHost(files));
    const onAlias = result.findings.filter((f) => f.file === 'claimbook.yaml');
    assert.equal(onAlias.length, 1, JSON.stringify(onAlias.map((f) => f.message)));
    assert.equal(onAlias[0]?.rule, 'schema');
    assert.match(onAlias[0]?.message ?? '', /200/);
    assert.deepEqual(result.findings.filter((f) => f.file === 'articles/words.txt'), []);
  });
});
