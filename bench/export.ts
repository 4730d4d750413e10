/**
 * Bench section `export` (issue 17): `claimbook export DIR --format F -o OUT` of each format,
 * cold, through `run()` as `check` is measured, against a check of X run in the same process
 * before each export run (target ≤ 2×); and the peak
 * resident set size of one export of each format in a fresh process (`exportRssChild.ts`): on L
 * that shows the export streams instead of holding the dataset twice.
 *
 *   npm run bench -- --only export --sizes M
 *   npm run bench -- --only export --sizes L              # peak memory on L
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXPORT_FORMATS } from '../src/core';
import { run as runCli } from '../src/cli/run';
import type { Generated } from './generate';
import { collect, median, round, spread, timeRuns } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

/** Where a format's output goes: a file, or a folder for brat. */
function target(dir: string, format: string): string {
  return path.join(dir, format === 'brat' ? 'brat' : `claims.${format}`);
}

export async function exportSection(name: string, g: Generated, runs: number, r: Record<string, number>, log: (s: string) => void): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-bench-export-'));
  const io = { cwd: ROOT, stdout: () => {}, stderr: () => {} };
  try {
    for (const format of EXPORT_FORMATS) {
      const args = ['export', g.dir, '--format', format, '-o', target(out, format)];
      // The check it is divided by runs in this process, one run before each export run.
      const checks: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        checks.push(...(await timeRuns(1, () => runCli(['check', g.dir, '--format', 'json'], io))));
        collect();
        times.push(...(await timeRuns(1, async () => {
          const code = await runCli(args, io);
          if (code !== 0) throw new Error(`export --format ${format} exited ${code}`);
        })));
        collect();
      }
      spread(r, `export_${format}_ms_${name}`, times);
      const check = median(checks);
      r[`export_${format}_check_ms_${name}`] = round(check);
      r[`export_${format}_over_check_${name}`] = round(median(times) / check);
      const child = execFileSync(process.execPath, [path.join(ROOT, 'out', 'bench', 'exportRssChild.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const parsed = JSON.parse(child) as { rss_mb: number; code: number };
      if (parsed.code !== 0) throw new Error(`export --format ${format} exited ${parsed.code} in the child`);
      r[`export_${format}_rss_mb_${name}`] = round(parsed.rss_mb, 1);
      log(`  export ${format} ${name}: ${r[`export_${format}_ms_${name}`]} ms (${r[`export_${format}_over_check_${name}`]}× check), peak RSS ${r[`export_${format}_rss_mb_${name}`]} MB`);
      fs.rmSync(target(out, format), { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
