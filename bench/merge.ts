/**
 * Bench sections of issue 14: the merge driver on two 5,000-claim sidecars with 1,000 changes
 * each (target ≤ 1 s), and `fmt --check` of a dataset against `check` of it (target ≤ 2×).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeSidecar } from '../src/core/merge';
import { readSidecar, renderUnits, type ClaimUnit } from '../src/core/format';
import { run as runCli } from '../src/cli/run';
import type { Generated } from './generate';
import { Random } from './random';
import { collect, median, round, spread, timeRuns } from './stats';

type Results = Record<string, number>;

/** One side: `changes` edits of the base claims (stance or note changed, claims deleted, claims added). */
function editSide(base: readonly ClaimUnit[], changes: number, rand: Random, tag: string): ClaimUnit[] {
  const claims = base.map((c) => ({ ...c, value: structuredClone(c.value) as Record<string, unknown>, text: undefined }));
  const deleted = new Set<number>();
  for (let i = 0; i < changes; i++) {
    const kind = rand.int(0, 9);
    const at = rand.int(0, claims.length - 1);
    const claim = claims[at]!.value as Record<string, unknown>;
    if (kind < 6) {
      if (rand.chance(0.5)) claim['stance'] = rand.pick(['pledge', 'refusal', 'conditional', 'report']);
      else claim['note'] = `${tag} ${i}`;
    } else if (kind < 8) {
      deleted.add(at);
    } else {
      const copy = structuredClone(claim);
      copy['id'] = `c-${tag}${i.toString(36).padStart(4, '0')}`;
      claims.push({ value: copy, comments: undefined, text: undefined });
    }
  }
  return claims.filter((_c, i) => !deleted.has(i));
}

export async function mergeSection(big: Generated, runs: number, r: Results, log: (s: string) => void): Promise<void> {
  const file = path.join(big.dir, big.sidecars[0]!);
  const baseText = fs.readFileSync(file, 'utf8');
  const base = readSidecar(baseText);
  if (!base.ok) throw new Error(`${file} does not parse`);
  const side = (seed: number, tag: string) => renderUnits({ ...base.units, claims: editSide(base.units.claims, 1_000, new Random(seed), tag) }, '\n');
  const ours = side(1, 'o'), theirs = side(2, 't');
  let conflicts = 0;
  const times = await timeRuns(runs, () => {
    const m = mergeSidecar(baseText, ours, theirs);
    if (m.kind !== 'merged') throw new Error(m.reason);
    conflicts = m.conflicts;
    collect();
  });
  r.merge_sidecar_ms_5k = round(median(times));
  r.merge_sidecar_conflicts_5k = conflicts;
  log(`  merge 5,000-claim sidecars, 1,000 changes each: ${r.merge_sidecar_ms_5k} ms (${conflicts} conflicts)`);
}

export async function fmtSection(name: string, g: Generated, runs: number, r: Results, log: (s: string) => void): Promise<void> {
  const io = { cwd: g.dir, stdout: () => {}, stderr: () => {} };
  // The check it is divided by runs in this process, one run before each fmt run (issue 20).
  const checks: number[] = [];
  const fmt: number[] = [];
  for (let i = 0; i < runs; i++) {
    checks.push(...(await timeRuns(1, () => runCli(['check', g.dir, '--format', 'json'], io))));
    collect();
    fmt.push(...(await timeRuns(1, () => runCli(['fmt', g.dir, '--check'], io))));
    collect();
  }
  spread(r, `fmt_check_ms_${name}`, fmt);
  r[`fmt_check_check_ms_${name}`] = round(median(checks));
  r[`fmt_check_over_check_${name}`] = round(median(fmt) / median(checks));
  log(`  fmt --check ${name}: ${r[`fmt_check_ms_${name}`]} ms (${r[`fmt_check_over_check_${name}`]}× check)`);
}
