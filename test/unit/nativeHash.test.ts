/**
 * Hosts may hash articles natively (Host.sha256Hex): stale-text must then say exactly what it
 * says with the core's own SHA-256.
 */
import * as assert from 'node:assert/strict';
import { checkDataset, checkDatasetDirect, sha256Hex, type Finding } from '../../src/core';
import { nodeSha256Hex } from '../../src/cli/nodeHost';
import { MemoryHost } from './support/memoryHost';
import { fixtureFiles } from './support/fixtures';

/** The test host with node:crypto hashing, counting the texts it hashes. */
class HashingHost extends MemoryHost {
  hashed = 0;
  readonly sha256Hex = (text: string): string => {
    this.hashed++;
    return nodeSha256Hex(text);
  };
}

const ARTICLE = 'articles/summit.txt';
const SIDECAR = 'articles/summit.claims.yaml';

/** The stale-text fixture with a CRLF article ending in typographic quotes, an emoji and a lone surrogate. */
function dataset(recorded?: string): Map<string, Uint8Array | string> {
  const files = new Map<string, Uint8Array | string>(fixtureFiles('stale-text'));
  const article = Buffer.from(files.get(ARTICLE) as Uint8Array).toString('utf8');
  files.set(ARTICLE, `${article.replace(/\r?\n/g, '\r\n')}Zelenskyy said “steel porcupine” — Türkiye 😀 \uD83D.\r\n`);
  if (recorded !== undefined) {
    const sidecar = Buffer.from(files.get(SIDECAR) as Uint8Array).toString('utf8');
    files.set(SIDECAR, sidecar.replace(/text-sha256: [0-9a-f]+/, `text-sha256: ${recorded}`));
  }
  return files;
}

const staleOf = (findings: Finding[]): Finding[] => findings.filter((f) => f.rule === 'stale-text');

describe('native article hashing', () => {
  it('gives the core sha256Hex on non-ASCII, CRLF, lone surrogates and every padding length', () => {
    const inputs = ['', 'a\r\nb\rc\n', 'Zelenskyy 😀🇺🇦 “steel porcupine” €90 billion', 'a\uD83Db\uDC00', 'Türkiye\r\n'];
    for (let n = 0; n <= 130; n++) inputs.push('x'.repeat(n), 'é'.repeat(n), '😀'.repeat(n));
    let long = '';
    while (long.length < 300_000) long += `Paris “summit” ${long.length} 😀\r\n`;
    inputs.push(long);
    for (const text of inputs) assert.equal(nodeSha256Hex(text), sha256Hex(text), JSON.stringify(text.slice(0, 40)));
  });

  it('stale-text reports the same finding and fix with either hash, hashing each article once', async () => {
    const host = new HashingHost(dataset());
    const native = staleOf((await checkDataset(host)).findings);
    const plain = staleOf((await checkDataset(new MemoryHost(dataset()))).findings);
    assert.equal(native.length, 1);
    assert.deepEqual(native, plain);
    assert.equal(host.hashed, 1);
    const direct = new HashingHost(dataset());
    assert.deepEqual(staleOf((await checkDatasetDirect(direct)).findings), plain);
    assert.equal(direct.hashed, 1);
  });

  it('hashes the normalised text: a hash recorded over LF line ends is current', async () => {
    const text = dataset().get(ARTICLE) as string;
    const recorded = sha256Hex(text.replace(/\r\n?/g, '\n'));
    assert.notEqual(recorded, sha256Hex(text));
    assert.deepEqual(staleOf((await checkDataset(new HashingHost(dataset(recorded)))).findings), []);
    assert.deepEqual(staleOf((await checkDataset(new MemoryHost(dataset(recorded)))).findings), []);
    // And a stale one is stale with both.
    const other = sha256Hex(text);
    assert.equal(staleOf((await checkDataset(new HashingHost(dataset(other)))).findings).length, 1);
  });
});
