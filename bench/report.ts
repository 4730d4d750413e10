/** Writes BENCHMARKS.md from bench/results.json and bench/baseline.json (the figures before issue 6's work). */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Target {
  key: string;
  what: string;
  target: string;
  ok: (x: number, r: Record<string, number>) => boolean;
}

const TARGETS: Target[] = [
  { key: 'check_mb_per_s_M', what: 'check, cold, end to end (M)', target: '≥ 10 MB/s', ok: (x) => x >= 10 },
  { key: 'check_over_jsyaml_floor_M', what: 'check time / js-yaml floor (M)', target: '≤ 2.0', ok: (x) => x <= 2 },
  { key: 'peer_over_check_M', what: 'yaml-language-server time / check time (M)', target: '≥ 10', ok: (x) => x >= 10 },
  { key: 'keystroke_article_ms_1mb', what: 'keystroke in the 1 MB article, median (p95)', target: '≤ 5 ms (p95 ≤ 16)', ok: (x, r) => x <= 5 && (r.keystroke_article_p95_ms_1mb ?? Infinity) <= 16 },
  { key: 'keystroke_article_max_block_ms_1mb', what: 'longest synchronous block while typing in the 1 MB article, first keystrokes included', target: '≤ 50 ms', ok: (x) => x <= 50 },
  { key: 'max_block_ms_cold_M', what: 'longest synchronous block of a cold validation of M in the editor', target: '≤ 50 ms', ok: (x) => x <= 50 },
  { key: 'keystroke_sidecar_ms_5k', what: 'keystroke in the 5,000-claim sidecar, median (p95)', target: '≤ 10 ms (p95 ≤ 25)', ok: (x, r) => x <= 10 && (r.keystroke_sidecar_p95_ms_5k ?? Infinity) <= 25 },
  { key: 'sidecar_change_ms_M', what: 'one sidecar changed in M, median', target: '≤ 20 ms', ok: (x) => x <= 20 },
  { key: 'rss_mb_M', what: 'peak RSS, check of M', target: '≤ 300 MB', ok: (x) => x <= 300 },
  { key: 'activation_ms', what: 'activation of the shipped bundle (load + activate())', target: '≤ 50 ms', ok: (x) => x <= 50 },
  { key: 'bundle_bytes', what: 'extension.js as shipped (minified)', target: '≤ 1 MiB', ok: (x) => x <= 1048576 },
  { key: 'web_bundle_bytes', what: 'web/extension.js (browser build) as shipped (minified)', target: '≤ 1 MiB', ok: (x) => x <= 1048576 },
  { key: 'merge_sidecar_ms_5k', what: 'merge driver: two 5,000-claim sidecars, 1,000 changes each', target: '≤ 1,000 ms', ok: (x) => x <= 1000 },
  { key: 'fmt_check_over_check_M', what: 'fmt --check time / check time (M)', target: '≤ 2.0', ok: (x) => x <= 2 },
  { key: 'curation_view_ms_M', what: 'Disagreements view of a 1,000-article comparison (M)', target: '≤ 1 s', ok: (x) => x <= 1000 },
  { key: 'hostile_max_ms', what: 'slowest hostile input to a finding', target: '≤ 250 ms', ok: (x) => x <= 250 },
  { key: 'agree_ms_M', what: 'claimbook agree of M against a copy with 10 % of its claims perturbed', target: '≤ 2,000 ms', ok: (x) => x <= 2000 },
  ...['jsonl', 'csv', 'w3c', 'brat', 'spans'].map((f): Target => ({ key: `export_${f}_over_check_M`, what: `export --format ${f} time / check time (M)`, target: '≤ 2.0', ok: (x) => x <= 2 })),
  { key: 'anchor_over_peer_1mb', what: 'resolveQuote time / approx-string-match time, 200 quotes in 1 MB (right answers ours ≥ peer)', target: '≤ 1.0', ok: (x, r) => x <= 1 && (r.anchor_right_ours_1mb ?? 0) >= (r.anchor_right_peer_1mb ?? Infinity) },
];

const P95: Record<string, string> = {
  keystroke_article_ms_1mb: 'keystroke_article_p95_ms_1mb',
  keystroke_sidecar_ms_5k: 'keystroke_sidecar_p95_ms_5k',
};

function show(r: Record<string, number>, key: string): string {
  const x = r[key];
  if (x === undefined) return '—';
  const p = P95[key];
  const extra = p && r[p] !== undefined ? ` (${r[p]})` : '';
  return `${x}${extra}`;
}

/** bench/NOTES.md: the analysis of the last run, kept by hand (why a target is missed, what would close it). */
function notes(): string {
  const file = path.join(ROOT, 'bench', 'NOTES.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** The figures of each run of a `--repeat N` bench (keys `key@n`), in order; empty after a single run. */
function repeats(results: Record<string, number>): Array<Record<string, number>> {
  const runs: Array<Record<string, number>> = [];
  for (const [k, v] of Object.entries(results)) {
    const m = /^(.*)@(\d+)$/.exec(k);
    if (!m) continue;
    const n = Number(m[2]) - 1;
    (runs[n] ??= {})[m[1]!] = v;
  }
  return runs.filter((r) => r !== undefined);
}

export function writeReport(results: Record<string, number>, machine: string): void {
  const baselineFile = path.join(ROOT, 'bench', 'baseline.json');
  const before = fs.existsSync(baselineFile) ? (JSON.parse(fs.readFileSync(baselineFile, 'utf8')) as Record<string, number>) : {};
  const runs = repeats(results);
  const rows = TARGETS.map((t) => {
    // After `--repeat N`, a target is met only when it held in every one of the N runs.
    const each = runs.length > 0 ? runs : [results];
    const measured = each.filter((r) => r[t.key] !== undefined);
    const verdict = measured.length === 0 ? 'not measured' : measured.every((r) => t.ok(r[t.key]!, r)) ? 'met' : '**missed**';
    const after = runs.length > 0 ? each.map((r) => show(r, t.key)).join(' / ') : show(results, t.key);
    return `| \`${t.key}\` | ${t.what} | ${t.target} | ${show(before, t.key)} | ${after} | ${verdict} |`;
  });
  const extra = Object.keys(results)
    .filter((k) => !TARGETS.some((t) => t.key === k) && !Object.values(P95).includes(k) && !k.includes('@'))
    .sort()
    .map((k) => `| \`${k}\` | ${before[k] ?? '—'} | ${results[k]} |`);
  const template = fs.readFileSync(path.join(ROOT, 'bench', 'BENCHMARKS.template.md'), 'utf8');
  const text = template
    .replace('{{machine}}', machine)
    .replace('{{targets}}', ['| key | what | target | before | after | |', '|---|---|---|---|---|---|', ...rows].join('\n'))
    .replace('{{all}}', ['| key | before | after |', '|---|---|---|', ...extra].join('\n'))
    .replace('{{notes}}', notes());
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), text);
}
