/**
 * Contradiction groups of the dataset index (datasetIndex.ts `checkGroups`) against the plain
 * pipeline, on a dataset made of them: a few actors and commitments shared by many sidecars, so
 * that claims contradict across articles. Random edits move claims between groups, add and
 * remove sidecars (a new listing), shift articles under their anchors and change the codebook's
 * contradiction pairs; after each, the index finds what a plain check finds, a cold index does
 * too, and every file whose findings changed is among the files the check says changed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDataset, checkDatasetDirect, compareFindings, FileCache, type CheckResult, type Finding } from '../../src/core';
import { MemoryHost } from './support/memoryHost';
import { pick, random } from './support/random';

const CODEBOOK = fs.readFileSync(path.resolve(__dirname, '../../../samples/claimbook.yaml'), 'utf8');
const PAIRS = 'contradictions:\n  - [pledge, refusal]\n  - [conditional, refusal]\n';

// Groups of two or three sidecars on average, so that edits also empty groups and split pairs.
const ACTORS = ['macron', 'starmer', 'trump', 'merz', 'putin'];
const COMMITMENTS = ['security-guarantee', 'military-support', 'financial-support'];
const STANCES = ['pledge', 'refusal', 'conditional', 'proposal'];

interface Claim {
  id: string;
  actor: string;
  commitment: string;
  stance: string;
  sentence: number;
}

function articleText(name: string): string {
  let text = '';
  for (let j = 0; j < 8; j++) text += `Sentence ${j} of ${name} reports a position.\n\n`;
  return text;
}

/** The sidecar of `name` over the article as it is now (offsets included). */
function sidecarText(name: string, article: string, claims: readonly Claim[]): string {
  let out = `article: ${name}.txt\nclaims:\n`;
  for (const c of claims) {
    const exact = `Sentence ${c.sentence} of ${name}`;
    const start = Math.max(0, article.indexOf(exact));
    out += `  - id: ${c.id}\n    actor: ${c.actor}\n    commitment: ${c.commitment}\n    stance: ${c.stance}\n`;
    if (c.stance === 'conditional') out += '    condition: "if the others follow"\n';
    out += `    quote:\n      exact: "${exact}"\n      start: ${start}\n      end: ${start + exact.length}\n`;
  }
  return out;
}

class Dataset {
  readonly files = new Map<string, string | Uint8Array>();
  readonly claims = new Map<string, Claim[]>();
  private ids = 0;

  constructor(private readonly rand: (n: number) => number) {
    this.files.set('claimbook.yaml', CODEBOOK.replace(/^contradictions:\n(?: {2}- .*\n)+/m, PAIRS));
    for (let i = 0; i < 10; i++) this.add(`a${String(i * 10).padStart(3, '0')}`);
  }

  claim(): Claim {
    const r = this.rand;
    return { id: `c-${this.ids++}`, actor: pick(r, ACTORS), commitment: pick(r, COMMITMENTS), stance: pick(r, STANCES), sentence: r(8) };
  }

  add(name: string): void {
    this.files.set(`articles/${name}.txt`, articleText(name));
    const claims = Array.from({ length: 1 + this.rand(5) }, () => this.claim());
    this.claims.set(name, claims);
    this.render(name);
  }

  render(name: string): void {
    this.files.set(`articles/${name}.claims.yaml`, sidecarText(name, this.files.get(`articles/${name}.txt`) as string, this.claims.get(name) ?? []));
  }

  /** One random change; returns what it did. */
  edit(): string {
    const r = this.rand;
    const names = [...this.claims.keys()];
    const name = pick(r, names);
    const claims = this.claims.get(name) as Claim[];
    const c = claims[r(claims.length)];
    switch (r(12)) {
      case 0:
      case 1:
        if (c) c.stance = pick(r, STANCES);
        this.render(name);
        return `stance in ${name}`;
      case 2:
        if (c) c.actor = pick(r, ACTORS);
        this.render(name);
        return `actor in ${name}`;
      case 3:
        if (c) c.commitment = pick(r, COMMITMENTS);
        this.render(name);
        return `commitment in ${name}`;
      case 4:
        if (r(2) === 0 && claims.length > 0) claims.splice(r(claims.length), 1);
        else claims.push(r(2) === 0 && c ? { ...c, id: `c-${this.ids++}` } : this.claim());
        this.render(name);
        return `claim removed or added in ${name}`;
      case 5:
        if (claims.length > 1) claims.push(claims.shift() as Claim);
        this.render(name);
        return `claims reordered in ${name}`;
      case 6: {
        // The anchors move with the article; the sidecar keeps its old offsets.
        const file = `articles/${name}.txt`;
        const text = this.files.get(file) as string;
        const at = r(2) === 0 ? 0 : text.indexOf('\n\n', r(text.length)) + 1;
        this.files.set(file, text.slice(0, at) + 'Inserted words. ' + text.slice(at));
        return `article ${name} shifted`;
      }
      case 7: {
        const fresh = `${name}${'bcdefgh'[r(7)]}`;
        if (this.claims.has(fresh)) return 'nothing';
        this.add(fresh);
        return `added ${fresh}`;
      }
      case 8:
        if (names.length < 3) return 'nothing';
        this.claims.delete(name);
        this.files.delete(`articles/${name}.claims.yaml`);
        if (r(2) === 0) this.files.delete(`articles/${name}.txt`);
        return `deleted ${name}`;
      case 9:
        // Unusable for a while: its claims leave every group until it is rendered again.
        this.files.set(`articles/${name}.claims.yaml`, `article: ${name}.txt\nclaims: [\n`);
        return `broke ${name}`;
      case 10: {
        const text = this.files.get('claimbook.yaml') as string;
        const choices = [PAIRS, 'contradictions:\n  - [pledge, refusal]\n', 'contradictions: []\n', 'contradictions:\n  - [proposal, refusal]\n  - [pledge, refusal]\n'];
        this.files.set('claimbook.yaml', text.replace(/^contradictions:(?: \[\])?\n(?: {2}- .*\n)*/m, pick(r, choices)));
        return 'codebook pairs';
      }
      default:
        return 'nothing';
    }
  }
}

function byFile(result: CheckResult): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const f of result.findings) {
    const list = out.get(f.file) ?? [];
    list.push(JSON.stringify(f));
    out.set(f.file, list);
  }
  return new Map([...out].map(([file, list]) => [file, list.sort().join('\n')]));
}

function same(a: CheckResult, b: CheckResult, label: string): void {
  const x = a.findings.map((f) => JSON.stringify(f)).sort();
  const y = b.findings.map((f) => JSON.stringify(f)).sort();
  assert.deepEqual({ missing: y.filter((f) => !x.includes(f)), extra: x.filter((f) => !y.includes(f)) }, { missing: [], extra: [] }, label);
  for (let i = 1; i < a.findings.length; i++) assert.ok(compareFindings(a.findings[i - 1] as Finding, a.findings[i] as Finding) <= 0, `${label}: order`);
}

describe('differential: contradiction groups of the index against a plain check', () => {
  it('agrees after each of many random edits, cold and incremental, and names every changed file', async function () {
    this.timeout(120_000);
    let contradictions = 0;
    for (const seed of [7, 8, 9]) {
      const data = new Dataset(random(seed));
      const host = new MemoryHost(data.files);
      const cache = new FileCache();
      let previous = byFile(await checkDatasetDirect(host));
      same(await checkDataset(host, {}, cache), await checkDatasetDirect(host), `seed ${seed}, first check`);
      for (let i = 0; i < 48; i++) {
        // Now and then several edits land in one check (a group may lose all its members at once).
        const edits = Array.from({ length: i % 4 === 3 ? 3 : 1 }, () => data.edit());
        const label = `seed ${seed}, edit #${i} (${edits.join('; ')})`;
        const incremental = await checkDataset(host, {}, cache);
        const direct = await checkDatasetDirect(host);
        same(incremental, direct, label);
        if (i % 6 === 5) same(await checkDataset(host, { oneShot: true }), direct, `${label}, cold`);
        const now = byFile(direct);
        for (const file of new Set([...previous.keys(), ...now.keys()])) {
          if (previous.get(file) !== now.get(file)) assert.ok(incremental.changedFiles?.has(file), `${label}: ${file} changed unannounced`);
        }
        previous = now;
        contradictions += direct.findings.filter((f) => f.rule === 'contradiction' && f.severity === 'info').length;
      }
    }
    // The edits keep plenty of claims contradicting across articles.
    assert.ok(contradictions > 500, `${contradictions} findings across articles`);
  });

  it('clears a group whose contradicting members all leave in one check with a new listing', async () => {
    const data = new Dataset(random(1));
    for (const name of data.claims.keys()) data.claims.set(name, []);
    const a = data.claims.get('a010') as Claim[];
    const b = data.claims.get('a020') as Claim[];
    a.push({ id: 'c-a', actor: 'macron', commitment: 'security-guarantee', stance: 'pledge', sentence: 1 });
    b.push({ id: 'c-b', actor: 'macron', commitment: 'security-guarantee', stance: 'refusal', sentence: 2 });
    for (const name of data.claims.keys()) data.render(name);
    const host = new MemoryHost(data.files);
    const cache = new FileCache();
    const before = await checkDataset(host, {}, cache);
    assert.equal(before.findings.filter((f) => f.rule === 'contradiction').length, 2);
    // One member is deleted (a new listing), the other moves to another group.
    data.files.delete('articles/a010.claims.yaml');
    (b[0] as Claim).commitment = 'military-support';
    data.render('a020');
    const after = await checkDataset(host, {}, cache);
    same(after, await checkDatasetDirect(host), 'after');
    assert.equal(after.findings.filter((f) => f.rule === 'contradiction').length, 0);
    // Anchored claims are reported in their article.
    assert.ok(after.changedFiles?.has('articles/a020.txt'));
  });
});
