/**
 * `npm run bench` (issue 6): generates the datasets (cached under bench/data/), measures the
 * floors, our check, the peer, keystrokes, memory, activation, bundle size and hostile inputs
 * in one run, and writes bench/results.json (numbers only) and BENCHMARKS.md.
 *
 *   npm run bench                         # sizes S and M, 5 runs each
 *   npm run bench -- --sizes S,M,L        # L (250k claims, ~140 MB) is opt-in: minutes, not seconds
 *   npm run bench -- --only keystrokes    # a subset of sections while working on one thing
 *   npm run bench -- --report             # rewrite BENCHMARKS.md from bench/results.json only
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkDataset, FileCache } from '../src/core';
import { ensureDataset, SPECS, type Generated } from './generate';
import { MemoryHost } from './memoryHost';
import { EditorSession } from './editorSession';
import { Random } from './random';
import { collect, median, p95, round, spread, timeRuns } from './stats';
import { writeReport } from './report';

/**
 * What only some sections use loads in their own process, when they run: a section's process
 * holds what it measures. Loading yaml-language-server into the keystroke section's process
 * made a keystroke in the 1 MB article 0.5–1 ms slower, though it never runs there.
 */
const lazy = {
  yaml: () => import('yaml'),
  jsyaml: () => import('js-yaml'),
  cli: () => import('../src/cli/run'),
  peer: () => import('./peer'),
  hostile: () => import('./hostile'),
  anchor: () => import('./anchorPeer'),
  curation: () => import('./curation'),
  agreement: () => import('./agreement'),
  export: () => import('./export'),
  web: () => import('./web'),
  merge: () => import('./merge'),
};

const ROOT = path.resolve(__dirname, '..', '..');
const SECTIONS = ['floors', 'check', 'peer', 'rss', 'keystrokes', 'sidecar-keystrokes', 'sidecar', 'activation', 'bundle', 'hostile', 'agree', 'export', 'web', 'fmt', 'merge', 'anchor', 'curation'] as const;
type Section = (typeof SECTIONS)[number];
/** Sections measured once per dataset size; the others once per run. */
const SIZED: ReadonlySet<Section> = new Set(['floors', 'check', 'peer', 'rss', 'sidecar', 'agree', 'export', 'fmt', 'curation']);

interface Args {
  sizes: string[];
  runs: number;
  only: Set<Section>;
  out: string;
  baseline: boolean;
  /** Whole benches run back to back; every target must hold in each (issue 20). */
  repeat: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value('only')?.split(',') ?? [...SECTIONS];
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section ${s}; one of ${SECTIONS.join(', ')}`);
  return {
    sizes: (value('sizes') ?? 'S,M').split(','),
    runs: Math.max(1, Number(value('runs') ?? 5)),
    only: new Set(only as Section[]),
    out: path.resolve(ROOT, value('out') ?? DEFAULT_OUT),
    baseline: argv.includes('--baseline'),
    repeat: Math.max(1, Number(value('repeat') ?? 1)),
  };
}

type Results = Record<string, number>;

const DEFAULT_OUT = path.resolve(ROOT, 'bench/results.json');

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

function sidecarFiles(g: Generated): Array<{ file: string }> {
  return g.sidecars.map((rel) => ({ file: path.join(g.dir, rel) }));
}

async function floors(name: string, g: Generated, runs: number, r: Results): Promise<void> {
  const { parseDocument } = await lazy.yaml();
  const jsyaml = await lazy.jsyaml();
  const files = sidecarFiles(g);
  let bytes = 0;
  for (const f of files) bytes += fs.statSync(f.file).size;
  r[`sidecar_mb_${name}`] = round(bytes / 1048576);
  const yamlRuns = await timeRuns(runs, () => {
    for (const f of files) parseDocument(fs.readFileSync(f.file, 'utf8'));
  });
  collect();
  const jsRuns = await timeRuns(runs, () => {
    for (const f of files) jsyaml.load(fs.readFileSync(f.file, 'utf8'));
  });
  collect();
  r[`floor_yaml_ms_${name}`] = round(median(yamlRuns));
  r[`floor_jsyaml_ms_${name}`] = round(median(jsRuns));
  r[`floor_yaml_mb_per_s_${name}`] = round(bytes / 1048576 / (median(yamlRuns) / 1000));
  r[`floor_jsyaml_mb_per_s_${name}`] = round(bytes / 1048576 / (median(jsRuns) / 1000));
  log(`  floors ${name}: yaml ${r[`floor_yaml_ms_${name}`]} ms, js-yaml ${r[`floor_jsyaml_ms_${name}`]} ms`);
}

/** Reads and js-yaml-loads every sidecar: the floor a check is divided by. */
function jsYamlFloor(jsyaml: typeof import('js-yaml'), files: ReadonlyArray<{ file: string }>): void {
  for (const f of files) jsyaml.load(fs.readFileSync(f.file, 'utf8'));
}

async function check(name: string, g: Generated, runs: number, r: Results): Promise<void> {
  const jsyaml = await lazy.jsyaml();
  const { run: runCli } = await lazy.cli();
  const io = { cwd: ROOT, stdout: () => {}, stderr: () => {} };
  const files = sidecarFiles(g);
  // The floor is measured in this process, one run of it before each check, so both see the
  // same machine and the same warm-up: the ratio does not depend on what ran before.
  const floorTimes: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const f0 = performance.now();
    jsYamlFloor(jsyaml, files);
    floorTimes.push(performance.now() - f0);
    collect();
    const t0 = performance.now();
    await runCli(['check', g.dir, '--format', 'json'], io);
    times.push(performance.now() - t0);
    collect();
  }
  r[`dataset_mb_${name}`] = round(g.bytes / 1048576);
  spread(r, `check_ms_${name}`, times);
  r[`check_mb_per_s_${name}`] = round(g.bytes / 1048576 / (median(times) / 1000));
  spread(r, `check_floor_jsyaml_ms_${name}`, floorTimes);
  r[`check_over_jsyaml_floor_${name}`] = round(median(times) / median(floorTimes));
  log(`  check ${name}: ${r[`check_ms_${name}`]} ms (${r[`check_mb_per_s_${name}`]} MB/s), js-yaml floor of the same process ${r[`check_floor_jsyaml_ms_${name}`]} ms`);

  // The longest synchronous stretch of a cold validation in the extension's path.
  const session = new EditorSession(MemoryHost.load(g.dir));
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  await session.validate();
  await new Promise((resolve) => setTimeout(resolve, 20));
  h.disable();
  r[`max_block_ms_cold_${name}`] = round(h.max / 1e6);
  collect();

  // With --hints the check also runs untagged-mention, which it skips when hints are not shown:
  // measured last, so that it changes none of the figures above.
  const hinted = await timeRuns(runs, async () => {
    await runCli(['check', g.dir, '--format', 'json', '--hints'], io);
    collect();
  });
  spread(r, `check_hints_ms_${name}`, hinted);
  log(`  check --hints ${name}: ${r[`check_hints_ms_${name}`]} ms`);
}

async function peer(name: string, g: Generated, runs: number, r: Results): Promise<void> {
  const files = sidecarFiles(g);
  const { Peer } = await lazy.peer();
  const { run: runCli } = await lazy.cli();
  const service = new Peer();
  const io = { cwd: ROOT, stdout: () => {}, stderr: () => {} };
  const { yamlDocumentsCache } = await import('yaml-language-server/lib/umd/languageservice/parser/yaml-documents');
  // One warm-up file, so the first run does not pay for loading the schema.
  await service.validate(files[0]!.file, fs.readFileSync(files[0]!.file, 'utf8'));
  // Our check runs in this process too, one run before each of the peer's: the ratio compares
  // two things measured side by side, not against a figure of another section.
  const ours: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = performance.now();
    await runCli(['check', g.dir, '--format', 'json'], io);
    ours.push(performance.now() - c0);
    collect();
    const t0 = performance.now();
    for (const f of files) {
      await service.validate(f.file, fs.readFileSync(f.file, 'utf8'));
      yamlDocumentsCache.clear(); // bounded memory; every file is validated once per run anyway
    }
    times.push(performance.now() - t0);
    collect();
  }
  spread(r, `peer_ms_${name}`, times);
  spread(r, `peer_check_ms_${name}`, ours);
  r[`peer_over_check_${name}`] = round(median(times) / median(ours));
  log(`  peer ${name}: ${r[`peer_ms_${name}`]} ms against our check's ${r[`peer_check_ms_${name}`]} ms in the same process`);
}

function rss(name: string, g: Generated, r: Results): void {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'out', 'bench', 'rssChild.js'), g.dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const parsed = JSON.parse(out) as { rss_mb: number; ms: number };
  r[`rss_mb_${name}`] = round(parsed.rss_mb, 1);
  r[`check_fresh_ms_${name}`] = round(parsed.ms);
  log(`  rss ${name}: ${r[`rss_mb_${name}`]} MB (check ${round(parsed.ms)} ms in a fresh process)`);
}

/**
 * Keystrokes until `max` samples or `budgetMs`, at least `min`. `prepare` (untimed) returns the
 * timed step, so finding where to type is not measured; `after` runs untimed after each.
 */
/** Keystrokes typed before timing starts: the first ones run unoptimised code, which a session of typing leaves behind at once. */
const WARM_UP_KEYSTROKES = 5;

async function keystrokes(prepare: (i: number) => () => Promise<void>, min = 5, max = 60, budgetMs = 20_000, after?: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARM_UP_KEYSTROKES; i++) {
    await prepare(-1 - i)();
    await after?.();
  }
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < max && (i < min || performance.now() - start < budgetMs); i++) {
    const step = prepare(i);
    const t = performance.now();
    await step();
    times.push(performance.now() - t);
    await after?.();
  }
  return times;
}

/** `char` typed at the end of a random line matching `line` of the 5,000-claim sidecar, open in a fresh session. */
async function typeIntoSidecar(big: Generated, line: RegExp, char: string, rand: Random, max: number): Promise<number[]> {
  const sidecar = big.sidecars[0]!;
  const session = new EditorSession(MemoryHost.load(big.dir));
  session.open(sidecar);
  await session.validate();
  return keystrokes(() => {
    const at = nthMatchEnd(session.host.get(sidecar), line, rand);
    return async () => {
      session.change(sidecar, at, 0, char);
      await session.validate(true);
    };
  }, 5, max);
}

async function typing(big: Generated, r: Results): Promise<void> {
  const article = big.articles[0]!;
  const rand = new Random(7);

  // One character typed at random places of the 1 MB article open in an editor.
  const a = new EditorSession(MemoryHost.load(big.dir));
  a.open(article);
  await a.validate();
  a.longestBlock = 0;
  const settle: number[] = [];
  let warmUpBlock = 0;
  const articleTimes = await keystrokes((i) => {
    if (i === 0) {
      // The warm-up keystrokes run while the JIT still compiles the keystroke path: apart.
      warmUpBlock = a.longestBlock;
      a.longestBlock = 0;
    }
    const at = rand.int(0, a.host.get(article).length - 1);
    return async () => {
      a.change(article, at, 0, 'e');
      await a.validate(true);
    };
  }, 5, 60, 20_000, async () => {
    // Off the clock: the follow-up validations that finish deferred whole-text work.
    const t = performance.now();
    await a.settle();
    settle.push(performance.now() - t);
  });
  spread(r, 'keystroke_article_ms_1mb', articleTimes);
  r.keystroke_article_p95_ms_1mb = round(p95(articleTimes));
  r.keystroke_article_samples = articleTimes.length;
  r.keystroke_article_settle_ms_1mb = round(median(settle));
  r.keystroke_article_settle_p95_ms_1mb = round(p95(settle));
  // "No synchronous block over 50 ms": the longest stretch between two pauses of any of these
  // validations, keystrokes and follow-up checks alike; the warm-up keystrokes' apart.
  // The first keystrokes after opening count too: a user's first edit meets a cold JIT.
  r.keystroke_article_max_block_ms_1mb = round(Math.max(a.longestBlock, warmUpBlock));
  r.keystroke_article_warm_up_max_block_ms_1mb = round(warmUpBlock);
  log(`  keystroke article 1 MB: median ${r.keystroke_article_ms_1mb} ms, p95 ${r.keystroke_article_p95_ms_1mb} ms (${articleTimes.length}); settling deferred work: median ${r.keystroke_article_settle_ms_1mb} ms; longest block ${r.keystroke_article_max_block_ms_1mb} ms (${r.keystroke_article_warm_up_max_block_ms_1mb} ms while warming up)`);
  collect();
}

async function sidecarTyping(big: Generated, r: Results): Promise<void> {
  const rand = new Random(7);

  // One character typed into a claim of the 5,000-claim sidecar (an annotator name, a note).
  const sidecarTimes = await typeIntoSidecar(big, /^ {4}annotator: .*$/gm, 'x', rand, 60);
  spread(r, 'keystroke_sidecar_ms_5k', sidecarTimes);
  r.keystroke_sidecar_p95_ms_5k = round(p95(sidecarTimes));
  r.keystroke_sidecar_samples = sidecarTimes.length;
  log(`  keystroke sidecar 5k: median ${r.keystroke_sidecar_ms_5k} ms, p95 ${r.keystroke_sidecar_p95_ms_5k} ms (${sidecarTimes.length})`);
  collect();

  // A keystroke that creates a finding: a letter typed into an actor id (unknown-actor).
  const findingTimes = await typeIntoSidecar(big, /^ {4}actor: .*$/gm, 'q', rand, 30);
  r.keystroke_sidecar_finding_ms_5k = round(median(findingTimes));
  log(`  keystroke sidecar 5k creating a finding: median ${r.keystroke_sidecar_finding_ms_5k} ms (${findingTimes.length})`);
  collect();
}

function nthMatchEnd(text: string, re: RegExp, rand: Random): number {
  const ends: number[] = [];
  for (const m of text.matchAll(re)) ends.push((m.index ?? 0) + m[0].length);
  return rand.pick(ends);
}

async function sidecarChange(name: string, g: Generated, r: Results): Promise<void> {
  const session = new EditorSession(MemoryHost.load(g.dir));
  await session.validate();
  const rand = new Random(11);
  const stances = ['pledge', 'refusal', 'proposal', 'report'];
  const times = await keystrokes(() => {
    // One claim's stance changes in one sidecar: its article and the cross-article rules
    // (contradictions) depend on it.
    const file = rand.pick(g.sidecars);
    const lines = [...session.host.get(file).matchAll(/^ {4}stance: (\w+)$/gm)];
    const m = rand.pick(lines);
    const next = stances.filter((s) => s !== m[1])[rand.int(0, 2)]!;
    const at = (m.index ?? 0) + '    stance: '.length;
    return async () => {
      session.change(file, at, m[1]!.length, next);
      await session.validate(true);
    };
  }, 5, 40);
  r[`sidecar_change_ms_${name}`] = round(median(times));
  r[`sidecar_change_p95_ms_${name}`] = round(p95(times));
  log(`  sidecar change ${name}: median ${r[`sidecar_change_ms_${name}`]} ms, p95 ${r[`sidecar_change_p95_ms_${name}`]} ms (${times.length})`);
  collect();
}

/**
 * Activation and size of the bundle that ships (`vscode:prepublish`: esbuild.js --production,
 * minified, as VS Code extensions are published) and, for reference, of the development build
 * (`npm run build`: not minified, with a source map).
 */
async function activation(runs: number, r: Results): Promise<void> {
  const shipped = await productionBundle();
  const measure = (bundleFile: string, samples: boolean): Array<Record<string, number>> => {
    const results: Array<Record<string, number>> = [];
    for (let i = 0; i < runs; i++) {
      const args = [path.join(ROOT, 'out', 'bench', 'activation.js'), '--bundle', bundleFile];
      if (samples) args.push('--samples', path.join(ROOT, 'samples'));
      results.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Record<string, number>);
    }
    return results;
  };
  const med = (results: Array<Record<string, number>>, k: string): number => round(median(results.map((x) => x[k] ?? NaN)));
  const prod = measure(shipped, true);
  const dev = measure(path.join(ROOT, 'dist', 'extension.js'), false);
  r.activation_ms = med(prod, 'activation_ms');
  r.activation_load_ms = med(prod, 'load_ms');
  r.activation_activate_ms = med(prod, 'activate_ms');
  r.activation_dev_ms = med(dev, 'activation_ms');
  r.first_validation_samples_ms = med(prod, 'first_validation_samples_ms');
  log(`  activation (shipped bundle): ${r.activation_ms} ms (load ${r.activation_load_ms}, activate ${r.activation_activate_ms}); development build ${r.activation_dev_ms} ms; first validation of samples ${r.first_validation_samples_ms} ms`);
}

/** Builds the shipped bundle as `vscode:prepublish` does, into a scratch folder. */
async function productionBundle(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-bundle-'));
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production', '--outdir', dir], { cwd: ROOT, stdio: 'ignore' });
  return path.join(dir, 'extension.js');
}

async function bundle(r: Results): Promise<void> {
  r.bundle_bytes = fs.statSync(await productionBundle()).size;
  r.bundle_dev_bytes = fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size;
  r.cli_bundle_bytes = fs.statSync(path.join(ROOT, 'dist', 'cli.js')).size;
  log(`  bundle: ${r.bundle_bytes} bytes shipped (development build ${r.bundle_dev_bytes})`);
}

async function hostile(runs: number, r: Results): Promise<void> {
  const codebook = fs.readFileSync(path.join(ROOT, 'samples', 'claimbook.yaml'), 'utf8');
  let worst = 0;
  const { attacks } = await lazy.hostile();
  for (const attack of attacks()) {
    const host = new MemoryHost();
    const target = attack.codebook ? 'claimbook.yaml' : 'attack.claims.yaml';
    host.set('claimbook.yaml', attack.codebook ? attack.codebook.edit(codebook) : codebook);
    if (attack.codebook) host.set('articles/attack.txt', attack.codebook.article);
    else host.set('attack.claims.yaml', attack.text);
    let found = 0;
    const times = await timeRuns(runs, async () => {
      const result = await checkDataset(host, {}, new FileCache());
      found = result.findings.filter((f) => f.file === target).length;
    });
    if (found === 0) throw new Error(`attack ${attack.name} gave no finding`);
    const ms = round(median(times));
    r[`hostile_${attack.name.replace(/-/g, '_')}_ms`] = ms;
    worst = Math.max(worst, ms);
    log(`  hostile ${attack.name}: ${ms} ms`);
  }
  r.hostile_max_ms = worst;
  collect();
}

/** Runs one section (of one size) in this process: the child side of `main`. */
async function runSection(section: Section, size: string | undefined, runs: number): Promise<Results> {
  const r: Results = {};
  const g = size === undefined ? undefined : ensureDataset(SPECS[size]!, log);
  if (g) log(`dataset ${size}: ${g.articles.length} articles, ${g.sidecars.length} sidecars, ${round(g.bytes / 1048576)} MB`);
  const name = size ?? '';
  switch (section) {
    case 'floors': await floors(name, g!, runs, r); break;
    case 'check': await check(name, g!, runs, r); break;
    case 'peer': await peer(name, g!, runs, r); break;
    case 'rss': rss(name, g!, r); break;
    case 'sidecar': await sidecarChange(name, g!, r); break;
    case 'keystrokes': await typing(ensureDataset(SPECS.big!, log), r); break;
    case 'sidecar-keystrokes': await sidecarTyping(ensureDataset(SPECS.big!, log), r); break;
    case 'activation': await activation(runs, r); break;
    case 'bundle': await bundle(r); break;
    case 'hostile': await hostile(runs, r); break;
    case 'agree': await (await lazy.agreement()).agreementBench(name, g!, runs, r, log); break;
    case 'export': await (await lazy.export()).exportSection(name, g!, runs, r, log); break;
    case 'web': await (await lazy.web()).webBuild(ROOT, runs, r, log); break;
    case 'fmt': await (await lazy.merge()).fmtSection(name, g!, runs, r, log); break;
    case 'merge': await (await lazy.merge()).mergeSection(ensureDataset(SPECS.big!, log), runs, r, log); break;
    case 'anchor': (await lazy.anchor()).anchorPeer(runs, r, log); break;
    case 'curation': await (await lazy.curation()).curationView(name, g!, runs, r, log); break;
  }
  return r;
}

/**
 * Every section runs in a fresh process of its own (issue 20): a figure must not depend on
 * which sections ran before it in the same process (a JIT warmed by another section, a heap
 * grown by it), so `--only X` gives the figure a full run gives.
 */
function runChild(section: Section, size: string | undefined, runs: number): Results {
  const args = ['--expose-gc', __filename, '--child', section, '--runs', String(runs)];
  if (size !== undefined) args.push('--size', size);
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 << 20 });
  return JSON.parse(out) as Results;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--child')) {
    const value = (flag: string): string | undefined => argv[argv.indexOf(flag) + 1];
    const r = await runSection(value('--child') as Section, argv.includes('--size') ? value('--size') : undefined, Number(value('--runs') ?? 5));
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const args = parseArgs(argv);
  // A partial run (--only, --sizes) updates its keys and keeps the others; every section is
  // saved as soon as it is measured, so a failure late in a long run loses nothing.
  const r: Results = fs.existsSync(args.out) ? (JSON.parse(fs.readFileSync(args.out, 'utf8')) as Results) : {};
  const save = (): void => fs.writeFileSync(args.out, `${JSON.stringify(sortKeys(r), null, 2)}\n`);
  if (argv.includes('--report')) {
    // Only rewrite BENCHMARKS.md from the saved results (after editing bench/NOTES.md).
    writeReport(r, machine());
    return;
  }
  // Datasets are generated up front, in this process, so no child's figure includes it.
  for (const s of args.sizes) if (!SPECS[s]) throw new Error(`unknown size ${s}`);
  for (const s of args.sizes) ensureDataset(SPECS[s]!, log);
  if (['keystrokes', 'sidecar-keystrokes', 'merge'].some((x) => args.only.has(x as Section))) ensureDataset(SPECS.big!, log);
  const jobs: Array<{ section: Section; size?: string }> = [];
  for (const size of args.sizes) for (const section of SECTIONS) if (SIZED.has(section) && args.only.has(section)) jobs.push({ section, size });
  for (const section of SECTIONS) if (!SIZED.has(section) && args.only.has(section)) jobs.push({ section });
  for (let rep = 1; rep <= args.repeat; rep++) {
    if (args.repeat > 1) log(`bench ${rep} of ${args.repeat}`);
    for (const job of jobs) {
      log(`[${job.section}${job.size ? ` ${job.size}` : ''}] fresh process`);
      const figures = runChild(job.section, job.size, args.runs);
      Object.assign(r, figures);
      // With --repeat, each run's figures are kept under key@run, so the report can show
      // whether a target held in every run, not only in the last.
      for (const [k, v] of Object.entries(figures)) {
        if (rep === 1) for (const key of Object.keys(r)) if (key.startsWith(`${k}@`)) delete r[key];
        if (args.repeat > 1) r[`${k}@${rep}`] = v;
      }
      save();
    }
  }
  save();
  log(`wrote ${path.relative(ROOT, args.out)}`);
  // BENCHMARKS.md describes bench/results.json; a run written elsewhere (--out, --baseline) leaves it.
  if (args.out === DEFAULT_OUT && !args.baseline) writeReport(r, machine());
}

function sortKeys(r: Results): Results {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 1073741824)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
