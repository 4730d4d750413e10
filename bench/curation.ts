/**
 * The Disagreements view of a comparison (issue 16): my dataset against "their" copy in which
 * one claim in ten is restanced, moved (its quote starts a letter later) or deleted.
 * Timed: what the view needs to open, over the core in plain node — placing their claims on
 * my texts, pairing and classifying per article, α_U per article and overall, and the rows
 * and summary (`compareResults`, `comparisonRows`, `summaryOf`). Both checks are done before.
 */
import { checkDataset, FileCache } from '../src/core';
import { compareResults, comparisonRows, summaryOf } from '../src/core/curation';
import type { Generated } from './generate';
import { MemoryHost } from './memoryHost';
import { Random } from './random';
import { collect, round, spread } from './stats';

/** Their copy: the same files with claims changed in place, deterministically. */
function theirCopy(mine: MemoryHost, seed: number): MemoryHost {
  const r = new Random(seed);
  const theirs = new MemoryHost();
  for (const [path, text] of mine.texts) {
    if (!path.endsWith('.claims.yaml')) {
      theirs.set(path, text);
      continue;
    }
    const blocks = text.split(/(?=^ {2}- id: )/m);
    const out = blocks.map((b, i) => {
      if (i === 0 || !r.chance(0.1)) return b;
      const what = r.int(0, 2);
      if (what === 0) return b.replace(/^( {4}stance: )\S+/m, (_, k: string) => `${k}report`);
      if (what === 1) {
        if (!/^ {6}exact: "[A-Za-z]/m.test(b)) return b;
        return b.replace(/^( {6}start: )(\d+)/m, (_, k: string, n: string) => `${k}${Number(n) + 1}`).replace(/^( {6}exact: ")[A-Za-z]/m, '$1');
      }
      return '';
    });
    theirs.set(path, out.join(''));
  }
  return theirs;
}

export async function curationView(name: string, g: Generated, runs: number, r: Record<string, number>, log: (s: string) => void): Promise<void> {
  const mineHost = MemoryHost.load(g.dir);
  const mine = await checkDataset(mineHost, {}, new FileCache());
  const theirs = await checkDataset(theirCopy(mineHost, 1616), {}, new FileCache());
  const times: number[] = [];
  let summary = '';
  let disagreements = 0;
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = performance.now();
    const c = compareResults(mine, theirs, { source: 'folder:theirs' });
    const rows = comparisonRows(c);
    summary = summaryOf(c);
    times.push(performance.now() - t0);
    disagreements = rows.reduce((n, a) => n + a.children.length, 0);
  }
  spread(r, `curation_view_ms_${name}`, times);
  r[`curation_disagreements_${name}`] = disagreements;
  log(`  curation view ${name}: ${round(times.reduce((a, b) => Math.min(a, b), Infinity))}–${round(Math.max(...times))} ms; ${summary}`);
}
