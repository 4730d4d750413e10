/**
 * Differential tests for issue 6: every fast or incremental path against the plain one.
 *
 * - js-yaml's value (fast path) equals the `yaml` package's whenever the fast path accepts;
 * - Documents built claim by claim give the same ranges as a whole-file parse;
 * - a sidecar re-parsed claim by claim after an edit equals a fresh load;
 * - the dataset index after random edits (sidecars, articles, the codebook, files added and
 *   removed, live spans, deferred work) finds exactly what `checkDatasetDirect` finds.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYaml } from '../../src/core/yaml/parse';
import { nodeRange, type PathSegment } from '../../src/core/yaml/ranges';
import { fastValue, hasDocument, parseYamlFast } from '../../src/core/dataset/fastYaml';
import { loadSidecarFast } from '../../src/core/dataset/fastFiles';
import { reloadSidecar, sidecarDocument } from '../../src/core/dataset/sidecarBlocks';
import { diffTexts, mapRange } from '../../src/core/text/textDiff';
import { loadSidecarFile, type SidecarFile } from '../../src/core/dataset/files';
import { checkDataset, checkDatasetDirect, compareFindings, FileCache, seedLiveSpans, shiftLiveSpans, shiftSpan, TextIndex, type CheckOptions, type CheckResult, type Finding, type LiveSpan } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { buildCodebook, type Codebook } from '../../src/core/model/codebook';
import { loadArticleFile } from '../../src/core/dataset/files';
import { mentionsOf, untaggedFindings } from '../../src/core/rules/untaggedMention';
import type { AnchoredClaim } from '../../src/core/rules/rule';
import { FIXTURES, fixtureFiles, fixtureNames, listFiles } from './support/fixtures';
import { random } from './support/random';
import { TextScan } from '../../src/core/anchor/textScans';

const SAMPLES = path.resolve(__dirname, '../../../samples');

function sampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of listFiles(SAMPLES)) files.set(f, fs.readFileSync(path.join(SAMPLES, f), 'utf8'));
  return files;
}

function yamlCorpus(): string[] {
  const texts: string[] = [];
  for (const [f, t] of sampleFiles()) if (f.endsWith('.yaml')) texts.push(t);
  for (const name of fixtureNames()) {
    for (const [f, bytes] of fixtureFiles(name)) if (f.endsWith('.yaml')) texts.push(Buffer.from(bytes).toString('utf8'));
  }
  return texts;
}

/** Every path to a node of a plain value, with the value's own key order. */
function paths(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) paths((value as Record<string, unknown>)[k], [...prefix, k], out);
  return out;
}

const PARTS = ['key', 'value', 'pair'] as const;

function sameRanges(a: Parameters<typeof nodeRange>[0], b: Parameters<typeof nodeRange>[0], label: string): void {
  for (const p of paths(b.value)) {
    for (const part of PARTS) assert.deepEqual(nodeRange(a, p, part), nodeRange(b, p, part), `${label}: ${part} of ${JSON.stringify(p)}`);
  }
}

/** Small edits of YAML text that keep it mostly valid, and some that break it. */
function mutate(text: string, rand: (n: number) => number): string {
  const at = rand(text.length + 1);
  const pieces = ['x', ' ', '\n', ': ', '- ', '"', "'", '#', '0123', '1e3', '~', 'null', 'true', '[a, b]', '{k: v}', '\t', '&a ', '*a', '!!str ', '? ', '__proto__: 1\n', '  ', '\r\n', '…', '😀', '---\n', '1_000', '0x1F', '.inf', '-', '|\n  x\n'];
  switch (rand(3)) {
    case 0:
      return text.slice(0, at) + (pieces[rand(pieces.length)] as string) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + rand(8));
    default: {
      // Replace a value after a colon: the most common edit in a sidecar.
      const colon = text.indexOf(': ', at);
      if (colon < 0) return text;
      const eol = text.indexOf('\n', colon);
      return text.slice(0, colon + 2) + (pieces[rand(pieces.length)] as string).trim() + text.slice(eol < 0 ? text.length : eol);
    }
  }
}

describe('differential: js-yaml fast path against the yaml package', () => {
  it('gives the same value, and no problems, whenever it accepts a text', () => {
    const rand = random(6);
    let accepted = 0;
    let checked = 0;
    for (const base of yamlCorpus()) {
      for (let i = 0; i < 12; i++) {
        let text = base;
        for (let n = i === 0 ? 0 : 1 + rand(2); n > 0; n--) text = mutate(text, rand);
        const fast = fastValue(text);
        const full = parseYaml(text);
        checked++;
        if (fast) {
          accepted++;
          assert.deepEqual(full.problems, [], `fast path accepted a text the yaml package rejects:\n${text}`);
          assert.deepEqual(fast.value, full.value, `values differ for:\n${text}`);
        }
      }
    }
    // Both kinds occurred: the fast path is really taken, and really declines.
    assert.ok(accepted > checked / 4 && accepted < checked, `${accepted} of ${checked} accepted`);
  });

  it('resolves scalars as the core schema does', () => {
    const text = [
      'a: 0123', 'b: 0o17', 'c: 0x1F', 'd: 1e3', 'e: .inf', 'f: -.Inf', 'g: .nan', 'h: 1_000', 'i: ~', 'j: Null', 'k: TRUE',
      'l: yes', 'm: 2025-03-11', 'n: +12', 'o: -0', 'p: 1.50', 'q: .5', 'r: 12e', 's: "0123"', 't:', 'u: 0o8', 'v: 0X1F',
      'null: key', '1: one', 'true: yes', '__proto__: { polluted: 1 }', 'constructor: 1', 'x: [1, "2", three]', '',
    ].join('\n');
    const fast = fastValue(text);
    assert.ok(fast);
    assert.deepEqual(fast.value, parseYaml(text).value);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('declines what only the guarded parser may judge', () => {
    for (const text of ['', '\uFEFFa: 1', 'a: &x 1\nb: *x', 'a: !!str 1', '%YAML 1.2\n---\na: 1', 'a: 1\na: 2', '? [a]\n: 1', 'a: 1\n---\nb: 2', 'a: [' + '['.repeat(70) + ']'.repeat(71), '<<<<<<< HEAD\na: 1\n']) {
      assert.equal(fastValue(text), undefined, JSON.stringify(text));
    }
  });

  it('builds the Document only when asked, and the same one', () => {
    const text = fs.readFileSync(path.join(SAMPLES, 'claimbook.yaml'), 'utf8');
    const lazy = parseYamlFast(text);
    assert.equal(hasDocument(lazy), false);
    sameRanges(lazy, parseYaml(text), 'codebook');
    assert.equal(hasDocument(lazy), true);
  });
});

describe('differential: sidecars claim by claim', () => {
  const sidecars = [...sampleFiles()].filter(([f]) => f.endsWith('.claims.yaml'));

  it('a Document grafted from the header and claim blocks has the whole parse\'s ranges', () => {
    for (const [file, text] of sidecars) {
      for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n  - id/g, '\n  # between claims\n\n  - id')]) {
        const full = parseYaml(variant);
        const doc = sidecarDocument(variant, full.value);
        assert.ok(doc, file);
        sameRanges({ ...full, doc }, full, file);
      }
    }
  });

  it('a re-parse after an edit equals a fresh load (model, value, schema, problems, ranges)', () => {
    const rand = random(9);
    let incremental = 0;
    for (const [file, base] of sidecars) {
      let previous: SidecarFile = loadSidecarFast(file, base);
      for (let i = 0; i < 40; i++) {
        const text = editSidecar(previous.text, rand);
        const diff = diffTexts(previous.text, text);
        const next = diff ? reloadSidecar(file, text, previous, diff) : undefined;
        const fresh = loadSidecarFile(file, text);
        if (next) {
          incremental++;
          assert.deepEqual(next.model, fresh.model, `${file} #${i}`);
          assert.deepEqual(next.parsed.value, fresh.parsed.value);
          assert.deepEqual(next.parsed.problems, fresh.parsed.problems);
          assert.deepEqual(next.schema, fresh.schema, `${file} #${i}: schema`);
          assert.equal(next.articlePath, fresh.articlePath);
          sameRanges(next.parsed, fresh.parsed, `${file} #${i}`);
        }
        // Broken texts are tested, but editing goes on from the last parseable one.
        if (fresh.parsed.problems.length === 0) previous = next ?? loadSidecarFast(file, text);
      }
    }
    assert.ok(incremental > 60, `${incremental} incremental re-parses`);
  });
});

/** Edits inside claims (values, quotes, whole claims), sometimes in the header, sometimes breaking. */
function editSidecar(text: string, rand: (n: number) => number): string {
  const claims = [...text.matchAll(/^ {2}- id: .*$/gm)];
  const pick = claims[rand(claims.length)];
  switch (rand(7)) {
    case 0: {
      const lines = [...text.matchAll(/^ {4}(?:note|annotator|stance|actor|commitment): (.*)$/gm)];
      const m = lines[rand(lines.length)];
      if (!m) return text;
      const at = (m.index ?? 0) + m[0].length - rand((m[1] ?? '').length + 1);
      return text.slice(0, at) + 'abcxyz'[rand(6)] + text.slice(at);
    }
    case 1: {
      // A claim removed or duplicated (duplicate ids, duplicate claims).
      if (!pick) return text;
      const start = pick.index ?? 0;
      const next = text.indexOf('\n  - id: ', start + 1);
      const end = next < 0 ? text.length : next + 1;
      return rand(2) === 0 ? text.slice(0, start) + text.slice(end) : text.slice(0, end) + text.slice(start, end) + text.slice(end);
    }
    case 2: {
      const m = /^ {6}start: (\d+)$/m.exec(text.slice(rand(text.length)));
      if (!m) return text;
      const at = text.indexOf(m[0]);
      return text.slice(0, at) + `      start: ${Number(m[1]) + 1 + rand(5)}` + text.slice(at + m[0].length);
    }
    case 3:
      return mutate(text, rand);
    case 4: {
      const at = text.indexOf('text-sha256: ');
      return at < 0 ? text : text.slice(0, at + 13) + 'f' + text.slice(at + 14);
    }
    case 5:
      return text.replace(/\n {4}quote:\n {6}exact: "([^"]*)"/, (all, q: string) => all.replace(q, `${q.slice(0, 5)}X${q.slice(6)}`));
    default: {
      if (!pick) return text;
      const at = (pick.index ?? 0) + pick[0].length;
      return text.slice(0, at) + '\n    fields: { location: Kyiv }' + text.slice(at);
    }
  }
}

describe('differential: the dataset index against a plain check', () => {
  const key = (f: Finding): string => JSON.stringify(f);
  const same = (a: CheckResult, b: CheckResult, label: string): void => {
    assert.equal(a.fatal, b.fatal, label);
    const x = a.findings.map(key).sort();
    const y = b.findings.map(key).sort();
    const missing = y.filter((f) => !x.includes(f));
    const extra = x.filter((f) => !y.includes(f));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, label);
    for (let i = 1; i < a.findings.length; i++) assert.ok(compareFindings(a.findings[i - 1] as Finding, a.findings[i] as Finding) <= 0, `${label}: order`);
  };

  let followUps = 0;
  /** Pieces of whole-text search that ended before the search did. */
  let unfinished = 0;
  const advance = TextScan.prototype.advance;
  before(() => {
    TextScan.prototype.advance = function (this: TextScan, budget: number): number {
      const steps = advance.call(this, budget);
      if (!this.done) unfinished++;
      return steps;
    };
  });
  after(() => {
    TextScan.prototype.advance = advance;
  });
  async function settle(cache: FileCache, host: MemoryHost, options: CheckOptions): Promise<CheckResult> {
    let result = await checkDataset(host, options, cache);
    for (let i = 0; i < 1000 && (result.deferred ?? 0) > 0; i++) {
      result = await checkDataset(host, options, cache);
      followUps++;
    }
    assert.equal(result.deferred ?? 0, 0);
    return result;
  }

  it('agrees on every fixture and on the samples, cold', async () => {
    for (const name of fixtureNames()) {
      const host = new MemoryHost(fixtureFiles(name));
      same(await checkDataset(host), await checkDatasetDirect(host), name);
    }
    const host = new MemoryHost(new Map(sampleFiles()));
    same(await checkDataset(host), await checkDatasetDirect(host), 'samples');
    assert.ok(FIXTURES);
  });

  it('agrees after each of many random edits, with and without deferred work', async function () {
    this.timeout(120_000); // each step also runs the plain check, which parses everything again
    for (const defer of [false, true]) {
      const rand = random(defer ? 21 : 12);
      const files = new Map<string, string | Uint8Array>(sampleFiles());
      const host = new MemoryHost(files);
      const cache = new FileCache();
      await checkDataset(host, {}, cache);
      for (let i = 0; i < 36; i++) {
        const label = editDataset(files, rand);
        // Few steps per follow-up check: the samples' searches then run in many pieces.
        const options: CheckOptions = { defer, deferSteps: 2048, severities: i % 12 === 11 ? { 'untagged-mention': 'off' } : {} };
        const incremental = await settle(cache, host, options);
        same(incremental, await checkDatasetDirect(host, options), `edit #${i} (${label}), defer ${defer}`);
      }
    }
  });

  // Spans replaced by new objects, and spans moved in place as LiveAnchors moves them (anchors
  // found through a span then read it, and are kept while an edit only moves it).
  for (const inPlace of [false, true]) {
    it(`agrees with live spans shifted by typing in an article${inPlace ? ', moved in place' : ''}`, async function () {
      this.timeout(60_000);
      const rand = random(inPlace ? 34 : 33);
      const files = new Map<string, string | Uint8Array>(sampleFiles());
      const host = new MemoryHost(files);
      const cache = new FileCache();
      const article = [...files.keys()].find((f) => f.endsWith('.txt')) as string;
      const first = await checkDataset(host, {}, cache);
      const spans = inPlace ? seedLiveSpans(first, article) : new Map<string, LiveSpan>();
      if (!inPlace) {
        for (const ctx of first.sidecars) {
          if (ctx.article?.path !== article) continue;
          for (const { claim, anchor } of ctx.claims) if (claim.id && anchor) spans.set(claim.id, { start: anchor.start, end: anchor.end, touched: false });
        }
      }
      const followUpsBefore = followUps;
      const unfinishedBefore = unfinished;
      for (let i = 0; i < 40; i++) {
        const text = files.get(article) as string;
        const at = rand(text.length);
        const deleting = rand(3) === 0 && at < text.length && text.charCodeAt(at) < 0xd800;
        files.set(article, deleting ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + 'e' + text.slice(at));
        if (inPlace) shiftLiveSpans(spans, TextIndex.of(text), [{ rangeOffset: at, rangeLength: deleting ? 1 : 0, text: deleting ? '' : 'e' }]);
        else {
          // What LiveAnchors does (the samples are BMP-only with LF breaks: offsets are code points).
          const change = { start: at, end: deleting ? at + 1 : at, newLength: deleting ? 0 : 1 };
          for (const [id, s] of spans) {
            const shifted = shiftSpan(s, change);
            spans.set(id, { start: shifted.start, end: shifted.end, touched: s.touched || shifted.touched });
          }
        }
        const options: CheckOptions = { liveSpans: new Map([[article, spans]]), defer: i % 2 === 0, deferSteps: 1024 };
        const incremental = await settle(cache, host, options);
        const direct = await checkDatasetDirect(host, options);
        same(incremental, direct, `keystroke #${i}`);
        const anchors = (r: CheckResult): string => JSON.stringify(r.sidecars.map((ctx) => ctx.claims.map((c) => c.anchor)));
        assert.equal(anchors(incremental), anchors(direct), `keystroke #${i}: anchors`);
      }
      // Searches stopped part-way and resumed in later checks, and still agree.
      assert.ok(unfinished - unfinishedBefore > 20, `${unfinished - unfinishedBefore} unfinished pieces`);
      assert.ok(followUps - followUpsBefore > 40, `${followUps - followUpsBefore} follow-up checks`);
    });
  }

  it('maps ranges through an edit and refuses those it touched', () => {
    const diff = diffTexts('abcdef', 'abXYdef');
    assert.deepEqual(diff, { start: 2, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(mapRange(diff, 0, 2), [0, 2]);
    assert.deepEqual(mapRange(diff, 3, 6), [4, 7]);
    assert.equal(mapRange(diff, 1, 3), undefined);
    assert.equal(diffTexts('same', 'same'), undefined);
  });
});

/** One random change to the dataset; returns what it did. */
function editDataset(files: Map<string, string | Uint8Array>, rand: (n: number) => number): string {
  const sidecars = [...files.keys()].filter((f) => f.endsWith('.claims.yaml'));
  const articles = [...files.keys()].filter((f) => f.endsWith('.txt'));
  const op = rand(10);
  if (op <= 4) {
    const f = sidecars[rand(sidecars.length)] as string;
    files.set(f, editSidecar(files.get(f) as string, rand));
    return `sidecar ${f}`;
  }
  if (op <= 7) {
    const f = articles[rand(articles.length)] as string;
    const text = files.get(f) as string;
    const at = rand(text.length);
    const inserts = ['e', ' ', '.\n\n', 'Macron said', '😀', '\r\n', ''];
    const ins = inserts[rand(inserts.length)] as string;
    const cut = ins === '' ? 1 + rand(20) : 0;
    // Never split a surrogate pair: that is not an edit an editor makes.
    const safe = (i: number): number => (i > 0 && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff ? i - 1 : i);
    files.set(f, text.slice(0, safe(at)) + ins + text.slice(safe(Math.min(text.length, at + cut))));
    return `article ${f}`;
  }
  if (op === 8) {
    const text = files.get('claimbook.yaml') as string;
    const edits: Array<[RegExp, string]> = [[/Zelensky\b/, 'Zelenskyy2'], [/refusal\]/, 'demand]'], [/  trump:\n/, '  trumpx:\n'], [/aliases: \[Macron,/, 'aliases: [Macron, Starmer,']];
    const [re, by] = edits[rand(edits.length)] as [RegExp, string];
    files.set('claimbook.yaml', text.replace(re, by));
    return 'codebook';
  }
  // A file appears or disappears.
  const f = sidecars[rand(sidecars.length)] as string;
  if (rand(2) === 0 && sidecars.length > 1) {
    files.delete(f);
    return `delete ${f}`;
  }
  files.set(f.replace('.claims.yaml', '-copy.claims.yaml'), files.get(f) as string);
  return `copy ${f}`;
}

describe('differential: untagged mentions against the regex they replace', () => {
  /** The rule as first written: one alternation of every label, sentences found around each match. */
  function reference(cb: Codebook, text: string, claimed: Array<[number, number]>): Array<[number, number, string]> {
    const actorOf = new Map<string, string>();
    for (const a of cb.actors.values()) for (const l of [a.name, ...a.aliases]) if (l.trim().length >= 2 && !actorOf.has(l)) actorOf.set(l, a.id);
    const labels = [...actorOf.keys()].sort((x, y) => y.length - x.length);
    const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${labels.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    const around = (at: number): [number, number] => {
      const boundary = /[.!?]["'’”)]*\s|\n/g;
      const from = Math.max(0, at - 2000);
      let start = from;
      boundary.lastIndex = from;
      for (let m = boundary.exec(text); m && m.index < at; m = boundary.exec(text)) start = m.index + m[0].length;
      boundary.lastIndex = at;
      const next = boundary.exec(text);
      return [start, next ? next.index + 1 : text.length];
    };
    const out: Array<[number, number, string]> = [];
    const seen = new Set<string>();
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const actor = actorOf.get(m[0]) as string;
      const [s0, e0] = around(m.index);
      if (claimed.some(([s, e]) => s < e0 && s0 < e)) continue;
      if (seen.has(`${s0}:${actor}`)) continue;
      seen.add(`${s0}:${actor}`);
      out.push([m.index, m.index + m[0].length, m[0]]);
    }
    return out;
  }

  it('finds the same mentions, in the same sentences, in samples and edited prose', () => {
    const files = sampleFiles();
    const cb = buildCodebook(parseYaml(files.get('claimbook.yaml') as string).value);
    const rand = random(44);
    const inserts = ['Macron', ' Zelensky.', 'Türkiye', '\n', '. ', '! ', '?" ', 'UK’s', 'E5-', 'U.S.', '😀Merz', 'Starmer’s', '(NATO)', 'Kyiv2', 'x', '’'];
    let compared = 0;
    for (const [file, base] of files) {
      if (!file.endsWith('.txt')) continue;
      for (let round = 0; round < 25; round++) {
        let text = base;
        for (let n = rand(12); n > 0; n--) {
          const at = rand(text.length + 1);
          text = text.slice(0, at) + (inserts[rand(inserts.length)] as string) + text.slice(at);
        }
        const article = loadArticleFile(file, text);
        const claimed: Array<[number, number]> = [];
        const claims: AnchoredClaim[] = [];
        for (let k = rand(4); k > 0; k--) {
          const s0 = rand(text.length);
          const e0 = Math.min(text.length, s0 + rand(80));
          claimed.push([s0, e0]);
          claims.push({ claim: {} as AnchoredClaim['claim'], anchor: { status: 'exact', start: article.index?.text16ToCp(s0) ?? 0, end: article.index?.text16ToCp(e0) ?? 0, score: 1 } });
        }
        const mentions = mentionsOf(cb, article);
        assert.ok(mentions);
        const found = untaggedFindings(article, mentions, claims, (f) => ({ rule: 'untagged-mention', severity: 'hint', ...f })).all.map((f) => [f.start, f.end, text.slice(f.start, f.end)]);
        // The reference claims spans in UTF-16 units; the samples' claims are converted the same way.
        const spans16 = claims.map((c) => [article.index?.cpToText16(c.anchor?.start ?? 0) ?? 0, article.index?.cpToText16(c.anchor?.end ?? 0) ?? 0] as [number, number]);
        assert.deepEqual(found, reference(cb, text, spans16), `${file} round ${round}`);
        compared++;
      }
    }
    assert.ok(compared > 50);
  });
});
