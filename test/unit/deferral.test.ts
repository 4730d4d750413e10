import assert from 'node:assert/strict';
import { pendingSearch, resolveQuote, type QuoteSelector } from '../../src/core/anchor';
import { textScan, TextScan } from '../../src/core/anchor/textScans';
import { fuzzyEnds } from '../../src/core/anchor/myers';
import { Deferral, MS_PER_CHECK } from '../../src/core/dataset/deferral';
import { TextIndex } from '../../src/core/text/textIndex';
import { checkDataset, checkDatasetDirect, FileCache, type CheckOptions, type CheckResult } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { random } from './support/random';

/** Prose with a drifted copy of `quote` near its end, so the search runs the whole text. */
function article(quote: string, length: number): string {
  const rand = random(3);
  const words = ['the', 'minister', 'said', 'talks', 'would', 'resume', 'in', 'Geneva', 'next', 'week'];
  let text = '';
  while (text.length < length) text += `${words[rand(words.length)]} `;
  return `${text}${quote.replace('pledged', 'pledges')} and more.`;
}

const QUOTE = 'The government pledged to cut emissions by half before the end of the decade';
const reanchor = (exact: string): QuoteSelector => ({ exact, prefix: '', suffix: '' });

describe('whole-text searches run ahead in pieces', () => {
  it('a search in pieces gives resolveQuote the ends and the result of one pass', () => {
    const text = article(QUOTE, 20_000);
    const pieced = TextIndex.of(text);
    const scan = pendingSearch(reanchor(QUOTE), pieced);
    assert.ok(scan, 'a drifted quote needs the whole-text search');
    let pieces = 0;
    while (!scan.done) {
      scan.advance(500);
      pieces++;
    }
    assert.ok(pieces > 10, `${pieces} pieces`);
    assert.equal(pendingSearch(reanchor(QUOTE), pieced), undefined, 'nothing left once done');
    // The drifted copy has one typo: the first pass (an eighth of the quote in errors) decides.
    const k1 = Math.ceil(QUOTE.length / 8);
    assert.equal(scan, textScan(pieced, QUOTE, k1));
    assert.deepEqual(scan.ends(), fuzzyEnds(text, QUOTE, k1));
    const result = resolveQuote(reanchor(QUOTE), pieced);
    assert.equal(result.status, 'drifted');
    assert.deepEqual(result, resolveQuote(reanchor(QUOTE), TextIndex.of(text)), 'the same as a fresh search');
  });

  it('runs the full search after the first pass when a match with more errors could still win', () => {
    // The only match has many typos (beyond the first pass): the first pass finds nothing acceptable.
    const edited = QUOTE.replace(/e/g, 'a').replace('pledged', 'pledges');
    const text = `${'the minister said talks would resume '.repeat(200)}${edited} and more.`;
    const index = TextIndex.of(text);
    const first = pendingSearch(reanchor(QUOTE), index);
    assert.ok(first);
    first.ends();
    const full = pendingSearch(reanchor(QUOTE), index);
    assert.ok(full && full !== first, 'then the search with every error allowed');
    assert.equal(full, textScan(index, QUOTE, Math.floor(QUOTE.length / 4)));
    full.ends();
    assert.equal(pendingSearch(reanchor(QUOTE), index), undefined, 'nothing left');
    const result = resolveQuote(reanchor(QUOTE), index);
    assert.equal(result.status, 'drifted');
    assert.deepEqual(result, resolveQuote(reanchor(QUOTE), TextIndex.of(text), { exhaustive: true }));
  });

  it('asks for no search when resolveQuote needs none', () => {
    const text = article(QUOTE, 5_000);
    const index = TextIndex.of(text);
    assert.equal(pendingSearch(reanchor('minister said'), index), undefined, 'the exact words occur');
    assert.equal(pendingSearch(reanchor('ministre'), index), undefined, 'too short to allow an error');
    assert.equal(pendingSearch(reanchor(''), index), undefined, 'empty');
    const at = text.indexOf('pledges');
    // Near its old offsets the drifted passage is found without the whole text.
    assert.equal(pendingSearch({ ...reanchor(QUOTE), start: at - 15, end: at - 15 + QUOTE.length }, index), undefined);
  });

  it('a search belongs to its text: another text, even an equal one, starts afresh', () => {
    const text = article(QUOTE, 3_000);
    const a = TextIndex.of(text);
    const k = Math.floor(QUOTE.length / 4);
    assert.equal(textScan(a, QUOTE, k), textScan(a, QUOTE, k));
    assert.notEqual(textScan(TextIndex.of(text), QUOTE, k), textScan(a, QUOTE, k));
  });
});

describe('deferral of whole-text work', () => {
  const scanOf = (length: number) => {
    const scan = pendingSearch(reanchor(QUOTE), TextIndex.of(article(QUOTE, length)));
    assert.ok(scan);
    return scan;
  };

  it('a check reacting to an edit runs nothing', () => {
    const d = new Deferral(false, 1000, () => 0);
    const scan = scanOf(5_000);
    assert.equal(d.spent, true);
    assert.equal(d.search(scan), false);
    assert.equal(scan.advance(0), 0);
    assert.equal(d.whole(), false);
  });

  it('a follow-up check spends its steps across searches, then nothing more', () => {
    const d = new Deferral(true, 4000, () => 0);
    const first = scanOf(1_000); // about 2,100 steps
    const second = scanOf(30_000);
    assert.equal(d.search(first), true);
    assert.equal(d.spent, false);
    assert.equal(d.search(second), false, 'the rest of the budget is not enough');
    assert.equal(d.spent, true);
    assert.equal(d.whole(), false, 'unsplit work waits for a check of its own');
    // The next follow-up check resumes where this one stopped.
    let checks = 1;
    while (!new Deferral(true, 4000, () => 0).search(second)) checks++;
    assert.ok(checks > 5, `${checks} checks`);
  });

  it('stops at its deadline whatever the steps', () => {
    let clock = 0;
    const d = new Deferral(true, 1 << 30, () => (clock += MS_PER_CHECK / 2));
    const scan = scanOf(400_000);
    assert.equal(d.search(scan), false);
    assert.equal(d.spent, true);
    assert.ok(clock <= 3 * MS_PER_CHECK, `looked at the clock ${clock / (MS_PER_CHECK / 2)} times`);
  });

  it('unsplit work runs only as the first work of a follow-up check', () => {
    const d = new Deferral(true, 1000, () => 0);
    assert.equal(d.whole(), true);
    assert.equal(d.whole(), false);
    assert.equal(d.spent, true);
    d.wait();
    d.wait();
    assert.equal(d.deferred, 2);
  });
});

describe('follow-up checks of a claim whose search takes two passes', () => {
  it('run the full pass in pieces too, never whole inside the rule', async () => {
    // The text at the claim's span was edited in 14 places: beyond the first pass's errors (an
    // eighth of the quote), so "Re-anchor" needs the full search after the first one.
    const rand = random(5);
    const words = ['the', 'minister', 'said', 'talks', 'would', 'resume', 'in', 'Geneva', 'next', 'week'];
    let filler = '';
    while (filler.length < 20_000) filler += `${words[rand(words.length)]} `;
    const start = filler.length;
    const saved = `${filler}${QUOTE} and more.\n`;
    const edited = `${filler}${QUOTE.replace(/e/g, 'a').replace('pledgad', 'pledgas')} and more.\n`;
    const codebook = 'claimbook: 1\nactors:\n  gov: { name: Government, type: state }\nactor-types: [state]\ncommitments:\n  cut: { label: Cut emissions }\nstances:\n  pledge: { label: Pledge }\n';
    const sidecar = `article: a.txt\nclaims:\n  - id: c1\n    actor: gov\n    commitment: cut\n    stance: pledge\n    quote:\n      exact: "${QUOTE}"\n      prefix: "${saved.slice(start - 32, start)}"\n      suffix: " and more."\n      start: ${start}\n      end: ${start + QUOTE.length}\n`;
    const files = new Map<string, string | Uint8Array>([['claimbook.yaml', codebook], ['a.txt', edited], ['a.claims.yaml', sidecar]]);
    const host = new MemoryHost(files);
    const liveSpans = new Map([['a.txt', new Map([['c1', { start, end: start + QUOTE.length, touched: true }]])]]);
    const options: CheckOptions = { liveSpans, defer: true, deferSteps: 4096 };

    // Steps searched per check: the deferral's budget bounds them only if no search runs outside it.
    let steps = 0;
    const advance = TextScan.prototype.advance;
    TextScan.prototype.advance = function (this: TextScan, budget: number): number {
      const spent = advance.call(this, budget);
      steps += spent;
      return spent;
    };
    const perCheck: number[] = [];
    let result: CheckResult;
    try {
      const cache = new FileCache();
      result = await checkDataset(host, options, cache);
      for (let i = 0; i < 1000 && (result.deferred ?? 0) > 0; i++) {
        steps = 0;
        result = await checkDataset(host, options, cache);
        perCheck.push(steps);
      }
    } finally {
      TextScan.prototype.advance = advance;
    }
    assert.equal(result.deferred ?? 0, 0);
    const mismatch = result.findings.filter((f) => f.rule === 'quote-mismatch');
    assert.equal(mismatch.length, 1, 'the claim is reported');
    // Both passes together take several budgets (about 40k steps here), the full one the most.
    const total = perCheck.reduce((a, b) => a + b, 0);
    assert.ok(total > 8 * 4096, `${total} steps in ${perCheck.length} follow-up checks`);
    assert.ok(Math.max(...perCheck) <= 4096, `at most the budget per check: ${Math.max(...perCheck)} steps`);
    same(result, await checkDatasetDirect(host, { liveSpans }));
  });
});

function same(a: CheckResult, b: CheckResult): void {
  const key = (r: CheckResult): string[] => r.findings.map((f) => `${f.file}:${f.rule}:${f.message}:${f.start}:${f.end}:${(f.fixes ?? []).map((x) => x.title).join('|')}`).sort();
  assert.deepEqual(key(a), key(b));
}
