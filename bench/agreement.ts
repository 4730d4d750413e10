/**
 * Bench section `agree` (issue 15): `claimbook agree A B --format json` through `run()` between a
 * generated dataset and a copy of it with 10 % of its claims perturbed — a third moved (the span
 * shortened at its start, the quote kept exact), a third relabelled (another commitment), a
 * third deleted. Target for M: ≤ 2 s. The perturbed copy is made once, beside the dataset.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsyaml from 'js-yaml';
import { run as runCli } from '../src/cli/run';
import type { Generated } from './generate';
import { Random } from './random';
import { collect, median, round, timeRuns } from './stats';

/**
 * The copy with 10 % of the claims perturbed; `seed` makes it the same every run. Edits are
 * made on the text, claim block by claim block, so the sidecars stay in the canonical form
 * annotators' files have (and the checker's fast reader accepts).
 */
function perturbedCopy(g: Generated, seed: number): string {
  const dir = `${g.dir}-agree`;
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(g.dir, dir, { recursive: true });
  const r = new Random(seed);
  const commitments = Object.keys((jsyaml.load(fs.readFileSync(path.join(dir, 'claimbook.yaml'), 'utf8')) as { commitments: Record<string, unknown> }).commitments);
  for (const rel of g.sidecars) {
    const file = path.join(dir, rel);
    const [head, ...blocks] = fs.readFileSync(file, 'utf8').split('\n  - id: ');
    const kept: string[] = [];
    for (const block of blocks) {
      const roll = r.next();
      if (roll < 0.1 / 3) continue; // deleted
      if (roll < 0.2 / 3) kept.push(block.replace(/\n    commitment: [^\n]*/, `\n    commitment: ${commitments[Math.floor(r.next() * commitments.length)] ?? 'x'}`));
      else if (roll < 0.1) kept.push(moved(block));
      else kept.push(block);
    }
    fs.writeFileSync(file, [head, ...kept].join('\n  - id: '));
  }
  fs.writeFileSync(marker, '');
  return dir;
}

/** The span starts up to 5 code points later; the quote's words and offsets follow. */
function moved(block: string): string {
  const exactLine = /\n      exact: ([^\n]*)/.exec(block);
  const startLine = /\n      start: (\d+)/.exec(block);
  if (!exactLine || !startLine) return block;
  const exact = Array.from((jsyaml.load(`x: ${exactLine[1] as string}`) as { x: string }).x);
  const by = Math.min(5, Math.floor(exact.length / 4));
  if (by === 0) return block;
  return block
    .replace(exactLine[0], `\n      exact: ${JSON.stringify(exact.slice(by).join(''))}`)
    .replace(/\n      prefix: [^\n]*/, '')
    .replace(startLine[0], `\n      start: ${Number(startLine[1]) + by}`);
}

export async function agreementBench(name: string, g: Generated, runs: number, r: Record<string, number>, log: (s: string) => void): Promise<void> {
  const copy = perturbedCopy(g, 515);
  let alpha: number | null = null;
  const times = await timeRuns(runs, async () => {
    let out = '';
    const code = await runCli(['agree', g.dir, copy, '--format', 'json'], { cwd: path.dirname(g.dir), stdout: (t) => (out += t), stderr: () => {} });
    if (code !== 0) throw new Error(`claimbook agree exited ${code}`);
    alpha = (JSON.parse(out) as { overall: { alpha_u: number | null } }).overall.alpha_u;
    collect();
  });
  r[`agree_ms_${name}`] = round(median(times));
  log(`  agree ${name}: ${r[`agree_ms_${name}`]} ms (overall alpha_u ${alpha === null ? 'null' : (alpha as number).toFixed(3)})`);
}
