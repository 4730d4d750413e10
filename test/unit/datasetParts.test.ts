/**
 * A check split into parts (datasetParts.ts, the CLI's two-core check) must give exactly the
 * findings of one whole check: each part checks its stems, `mergeParts` adds contradictions
 * across articles and sidecar-ambiguous over every part's facts.
 */
import * as assert from 'node:assert/strict';
import { checkDataset, compareFindings, mergeParts, partFacts, partOf, type Finding, type Host } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { fixtureFiles, fixtureNames } from './support/fixtures';

/** The merged findings of `parts` parts, or undefined when mergeParts declines. */
async function split(host: Host, parts: number, keep: (f: Finding) => boolean = () => true): Promise<Finding[] | undefined> {
  const files = await host.listFiles();
  const facts = [];
  let codebook;
  for (let part = 0; part < parts; part++) {
    const result = await checkDataset(host, { oneShot: true, part: { handles: (p) => partOf(p, parts) === part, primary: part === 0 } });
    if (part === 0) codebook = result.codebook;
    facts.push(partFacts(result, keep));
  }
  const merged = await mergeParts(host, facts, codebook, new Map(files.map((f, i) => [f, i])));
  return merged?.findings;
}

/** Findings in a total order (compareFindings leaves ties between equal places and messages). */
function canonical(findings: readonly Finding[]): string[] {
  return [...findings].sort(compareFindings).map((f) => JSON.stringify(f));
}

/** Whether some sidecar names an article of another part (the case mergeParts declines). */
async function crossesParts(host: Host, parts: number): Promise<boolean> {
  const whole = await checkDataset(host, { oneShot: true });
  const listed = new Set(await host.listFiles());
  return whole.sidecars.some((s) => s.sidecar.articlePath !== undefined && listed.has(s.sidecar.articlePath) && partOf(s.sidecar.articlePath, parts) !== partOf(s.sidecar.path, parts));
}

/** The contradiction fixture's two sidecars copied under `copies` stems each: contradictions across many articles. */
function manyArticles(copies: number): Map<string, Uint8Array | string> {
  const base = fixtureFiles('contradiction');
  const files = new Map<string, Uint8Array | string>();
  for (const [path, bytes] of base) if (!path.startsWith('articles/')) files.set(path, bytes);
  const text = (path: string): string => Buffer.from(base.get(path) as Uint8Array).toString('utf8');
  for (let i = 0; i < copies; i++) {
    for (const stem of ['summit', 'other']) {
      files.set(`articles/${stem}-${i}.txt`, text(`articles/${stem}.txt`));
      files.set(`articles/${stem}-${i}.claims.yaml`, text(`articles/${stem}.claims.yaml`).replace(/^article: .*$/m, `article: ${stem}-${i}.txt`));
    }
  }
  return files;
}

describe('a check split into parts', () => {
  for (const name of fixtureNames()) {
    it(`${name}: the merged parts give the whole check's findings`, async () => {
      const host = new MemoryHost(fixtureFiles(name));
      const whole = await checkDataset(host, { oneShot: true });
      for (const parts of [2, 3]) {
        const merged = await split(host, parts);
        if (merged === undefined) {
          assert.ok(await crossesParts(host, parts), `${name}: mergeParts declined without a sidecar naming another part's article`);
          continue;
        }
        assert.deepEqual(canonical(merged), canonical(whole.findings), `${name}, ${parts} parts`);
      }
    });
  }

  it('contradictions across articles of different parts are found, hints can be left out', async () => {
    const host = new MemoryHost(manyArticles(12));
    const whole = await checkDataset(host, { oneShot: true });
    const across = whole.findings.filter((f) => f.rule === 'contradiction' && f.severity === 'info');
    assert.ok(across.length >= 24, `${across.length} contradictions across articles`);
    // Both parts hold some of the sidecars, so some contradictions pair claims of different parts.
    const paths = new Set(whole.sidecars.map((s) => partOf(s.sidecar.path, 2)));
    assert.deepEqual([...paths].sort(), [0, 1]);
    const keep = (f: Finding): boolean => f.severity !== 'hint';
    assert.deepEqual(canonical((await split(host, 2, keep)) ?? []), canonical(whole.findings.filter(keep)));
  });

  it('two sidecars claiming one article of their part: sidecar-ambiguous, located in the sidecar', async () => {
    const files = manyArticles(3);
    // summit-0.claims.yaml is copied under another name with the same part as summit-0.txt.
    const twin = Array.from({ length: 50 }, (_, i) => `articles/twin-${i}.claims.yaml`).find((p) => partOf(p, 2) === partOf('articles/summit-0.txt', 2)) as string;
    files.set(twin, files.get('articles/summit-0.claims.yaml') as string);
    const host = new MemoryHost(files);
    const whole = await checkDataset(host, { oneShot: true });
    const merged = await split(host, 2);
    assert.ok(merged);
    const ambiguous = merged.filter((f) => f.rule === 'sidecar-ambiguous');
    assert.equal(ambiguous.length, 1);
    assert.ok(ambiguous[0]!.end > ambiguous[0]!.start, 'the finding points at the `article` value');
    assert.deepEqual(canonical(merged), canonical(whole.findings));
  });

  it('declines when a sidecar names an article of another part', async () => {
    const files = manyArticles(3);
    const stray = Array.from({ length: 50 }, (_, i) => `articles/stray-${i}.claims.yaml`).find((p) => partOf(p, 2) !== partOf('articles/summit-0.txt', 2)) as string;
    files.set(stray, files.get('articles/summit-0.claims.yaml') as string);
    assert.equal(await split(new MemoryHost(files), 2), undefined);
  });

  it('partOf keeps a sidecar with the article of its stem and spreads stems over the parts', () => {
    for (let i = 0; i < 200; i++) assert.equal(partOf(`a/b/x${i}.claims.yaml`, 2), partOf(`a/b/x${i}.txt`, 2));
    const counts = [0, 0];
    for (let i = 0; i < 1000; i++) counts[partOf(`articles/2024/article-${String(i).padStart(5, '0')}.txt`, 2)]!++;
    assert.ok(counts[0]! > 400 && counts[1]! > 400, `split ${counts.join(' / ')}`);
    assert.equal(partOf('claimbook.yaml', 2), 0);
  });
});
