/** Tagging edits in the core: claim ids, canonical insertion keeping comments, claim updates and deletes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, checkDataset, loadSidecarFile, makeQuote, TextIndex, type SidecarFile } from '../../src/core';
import { claimIdsIn, deleteClaim, insertClaims, newClaimId, newClaimIds, newSidecarText, sidecarPathFor, updateClaim, type EditResult, type NewClaim } from '../../src/core/edit';
import { FIXTURES } from './support/fixtures';
import { MemoryHost } from './support/memoryHost';

const BASE = path.join(FIXTURES, '_base');
const CODEBOOK = fs.readFileSync(path.join(BASE, 'claimbook.yaml'), 'utf8');
const ARTICLE = fs.readFileSync(path.join(BASE, 'articles/summit.txt'), 'utf8');
const CLEAN = fs.readFileSync(path.join(FIXTURES, 'clean/articles/summit.claims.yaml'), 'utf8');

/** A random source replaying fixed numbers, so ids are predictable. */
function replay(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

function claimFor(text: string, exact: string, id: string, more: Partial<NewClaim> = {}, last = false): NewClaim {
  const index = TextIndex.of(text);
  const at = last ? index.text.lastIndexOf(exact) : index.text.indexOf(exact);
  assert.ok(at >= 0, `"${exact}" occurs in the text`);
  const start = index.text16ToCp(at);
  return { id, actor: 'eu', commitment: 'financial-support', stance: 'pledge', quote: makeQuote(index, start, start + [...exact].length), ...more };
}

function apply(file: SidecarFile, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.problem.message);
  return applyEdits(file.text, result.edits).text;
}

function ids(text: string): string[] {
  return loadSidecarFile('s.claims.yaml', text).model.claims.map((c) => c.id ?? '?');
}

async function findingsFor(sidecar: string, article = ARTICLE): Promise<string[]> {
  const host = new MemoryHost(new Map([['claimbook.yaml', CODEBOOK], ['articles/summit.txt', article], ['articles/summit.claims.yaml', sidecar]]));
  const result = await checkDataset(host);
  return result.findings.filter((f) => f.severity !== 'hint').map((f) => `${f.rule}: ${f.message}`);
}

describe('edit: claim ids', () => {
  it('are c- and six letters or digits from the injected source', () => {
    assert.equal(newClaimId(new Set(), replay(0)), 'c-aaaaaa');
    assert.equal(newClaimId(new Set(), replay(0.999)), 'c-999999');
    assert.match(newClaimId(new Set(), Math.random), /^c-[a-z0-9]{6}$/);
  });

  it('skip ids already in the file and stay unique among themselves', () => {
    const r = replay(0, 0, 0, 0, 0, 0, 0.5);
    assert.notEqual(newClaimId(new Set(['c-aaaaaa']), r), 'c-aaaaaa');
    const many = newClaimIds(3, new Set(), replay(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7));
    assert.equal(new Set(many).size, 3);
  });

  it('grow a character rather than loop when the source keeps repeating a taken id', () => {
    assert.equal(newClaimId(new Set(['c-aaaaaa']), replay(0)), 'c-aaaaaaa');
  });

  it('collects the ids used in a sidecar', () => {
    const file = loadSidecarFile('s.claims.yaml', CLEAN);
    assert.deepEqual([...claimIdsIn(file)].sort(), ['c-aaa111', 'c-aaa112', 'c-aaa113', 'c-aaa114', 'c-aaa115']);
  });
});

describe('edit: canonical insertion of claims', () => {
  it('puts a claim between its neighbours by start, keeps comments, and changes nothing else', async () => {
    const file = loadSidecarFile('articles/summit.claims.yaml', CLEAN);
    const claim = claimFor(ARTICLE, 'refused to send German troops', 'c-new001', { actor: 'germany', commitment: 'military-support', stance: 'refusal' });
    const result = insertClaims(file, [claim]);
    const text = apply(file, result);
    assert.deepEqual(ids(text), ['c-aaa111', 'c-aaa112', 'c-new001', 'c-aaa113', 'c-aaa114', 'c-aaa115']);
    assert.ok(text.startsWith('# Every claim here is valid'), 'the comment survives');
    assert.ok(result.ok && result.edits.length === 1 && result.edits[0]?.start === result.edits[0]?.end, 'one pure insertion');
    const inserted = result.ok ? (result.edits[0]?.newText ?? '') : '';
    assert.equal(text.replace(inserted, ''), CLEAN, 'removing the inserted block gives the original back');
    assert.match(inserted, /^ {2}- id: c-new001\n {4}actor: germany\n {4}commitment: military-support\n {4}stance: refusal\n {4}quote:\n {6}exact: "refused to send German troops"\n {6}prefix: ".*"\n {6}suffix: ".*"\n {6}start: 93\n {6}end: 122\n$/);
    assert.deepEqual(await findingsFor(text), []);
  });

  it('writes keys in canonical order with optional keys', () => {
    const file = loadSidecarFile('s.claims.yaml', 'article: summit.txt\nclaims: []\n');
    const claim = claimFor(ARTICLE, 'France would deploy troops', 'c-x', {
      actor: 'macron',
      commitment: 'troop-deployment',
      stance: 'conditional',
      condition: 'only after a peace deal: signed',
      fields: [['location', 'Ukraine']],
      speaker: 'macron',
      annotator: 'ann',
      note: 'n',
    });
    const text = apply(file, insertClaims(file, [claim]));
    const keys = [...text.matchAll(/^ {4}([a-z-]+):/gm)].map((m) => m[1]);
    assert.deepEqual(keys, ['actor', 'commitment', 'stance', 'condition', 'fields', 'speaker', 'annotator', 'note', 'quote']);
    assert.match(text, /condition: "only after a peace deal: signed"/);
    assert.match(text, /fields: \{ location: Ukraine \}/);
  });

  it('follows a blank-line style, and a tie on start goes after the existing claim', () => {
    const spaced = CLEAN.replace(/\n {2}- id:/g, '\n\n  - id:');
    const file = loadSidecarFile('s.claims.yaml', spaced);
    const tie = claimFor(ARTICLE, 'Germany refused to send German troops', 'c-tie', { actor: 'germany' });
    const text = apply(file, insertClaims(file, [tie]));
    assert.deepEqual(ids(text).slice(0, 3), ['c-aaa111', 'c-aaa112', 'c-tie']);
    assert.match(text, /end: 140\n\n {2}- id: c-tie\n/);
    assert.match(text, /end: 122\n\n {2}- id: c-aaa113/);
  });

  it('inserts several claims in one go, including before the first and after the last', async () => {
    const file = loadSidecarFile('articles/summit.claims.yaml', CLEAN);
    const claims = [
      claimFor(ARTICLE, 'Britain would lead the coalition', 'c-late', { actor: 'uk', commitment: 'military-support', stance: 'report' }, true),
      claimFor(ARTICLE, 'Macron said', 'c-early', { actor: 'macron', commitment: 'military-support', stance: 'report' }),
      claimFor(ARTICLE, 'EUR 90 billion', 'c-mid'),
      claimFor(ARTICLE, 'Leaders met again on Friday', 'c-between', { actor: 'uk', commitment: 'military-support', stance: 'report' }),
    ];
    const text = apply(file, insertClaims(file, claims));
    assert.deepEqual(ids(text), ['c-early', 'c-aaa111', 'c-aaa112', 'c-aaa113', 'c-mid', 'c-aaa114', 'c-between', 'c-aaa115', 'c-late']);
    assert.deepEqual(await findingsFor(text), []);
  });

  it('starts the list when there is none: no claims key, claims: [] and an empty claims:', () => {
    const claim = claimFor(ARTICLE, 'Macron said', 'c-one', { actor: 'macron', commitment: 'military-support', stance: 'report' });
    for (const source of ['article: summit.txt\n# no claims yet\n', 'article: summit.txt\nclaims: []   # none yet\n', 'article: summit.txt\nclaims:\n', 'article: summit.txt']) {
      const file = loadSidecarFile('s.claims.yaml', source);
      const text = apply(file, insertClaims(file, [claim]));
      assert.deepEqual(ids(text), ['c-one'], source);
      assert.equal(loadSidecarFile('s.claims.yaml', text).parsed.problems.length, 0, text);
      if (source.includes('#')) assert.match(text, /# no|# none/, 'comment kept');
    }
  });

  it('keeps a trailing comment on the last claim on its line', () => {
    const source = `${CLEAN.trimEnd()}   # last one\n`;
    const file = loadSidecarFile('s.claims.yaml', source);
    const text = apply(file, insertClaims(file, [claimFor(ARTICLE, 'lead the coalition', 'c-late', {}, true)]));
    assert.match(text, /end: 334 {3}# last one\n {2}- id: c-late/);
  });

  it('lines up with the existing indentation and line ends', () => {
    const crlf = 'article: summit.txt\r\nclaims:\r\n- id: c-a\r\n  actor: eu\r\n  commitment: financial-support\r\n  stance: pledge\r\n  quote:\r\n      exact: "x"\r\n      start: 0\r\n      end: 1\r\n';
    const file = loadSidecarFile('s.claims.yaml', crlf);
    const text = apply(file, insertClaims(file, [claimFor(ARTICLE, 'Leaders met', 'c-b')]));
    assert.ok(!/[^\r]\n/.test(text), 'only CRLF line ends');
    assert.match(text, /\r\n- id: c-b\r\n {2}actor: eu\r\n[\s\S]*\r\n {2}quote:\r\n {6}exact: "Leaders met"/);
    assert.deepEqual(ids(text), ['c-a', 'c-b']);
  });

  it('refuses a sidecar with a syntax error, saying where, and a flow list', () => {
    const broken = loadSidecarFile('a/s.claims.yaml', 'article: summit.txt\nclaims:\n  - id: c-a\n    actor: [unclosed\n');
    const result = insertClaims(broken, [claimFor(ARTICLE, 'Macron', 'c-x')]);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problem.message, /^a\/s\.claims\.yaml has a YAML syntax error at line \d+ .*nothing was written$/);
    const flow = loadSidecarFile('s.claims.yaml', 'article: summit.txt\nclaims: [{ id: c-a }]\n');
    const r2 = insertClaims(flow, [claimFor(ARTICLE, 'Macron', 'c-x')]);
    assert.match(r2.ok ? '' : r2.problem.message, /flow list/);
  });

  it('a new sidecar in canonical form checks clean, with code-point offsets after an emoji in a CRLF text', async () => {
    const article = 'Intro 🇫🇷 line.\r\nMacron said France would deploy troops.\r\n';
    const claim = claimFor(article, 'France would deploy troops', 'c-emoji', { actor: 'france', commitment: 'troop-deployment', stance: 'pledge', fields: [['location', 'Ukraine']] });
    // "Intro " 6 + two regional indicators (2 code points) + " line.\n" 7 + "Macron said " 12.
    assert.equal(claim.quote.start, 6 + 2 + 7 + 12);
    const text = newSidecarText({ article: 'summit.txt', claims: [claim] });
    assert.match(text, /^article: summit\.txt\nclaims:\n {2}- id: c-emoji\n/);
    assert.deepEqual(await findingsFor(text, article), []);
  });

  it('names the sidecar of an article', () => {
    assert.equal(sidecarPathFor('articles/x.y.txt'), 'articles/x.y.claims.yaml');
    assert.equal(sidecarPathFor('a.md'), 'a.claims.yaml');
  });
});

describe('edit: changing and deleting a claim', () => {
  const file = () => loadSidecarFile('articles/summit.claims.yaml', CLEAN.replace('  - id: c-aaa114\n', '  # Starmer, first time\n  - id: c-aaa114\n'));

  it('replaces values in place and inserts missing keys in canonical order', async () => {
    const f = file();
    const text = apply(f, updateClaim(f, 3, { stance: 'conditional', condition: 'if the US backs it', speaker: 'starmer', fields: [['location', 'Ukraine']], commitment: 'troop-deployment' }));
    const claim = loadSidecarFile('s', text).model.claims[3];
    assert.equal(claim?.stance, 'conditional');
    assert.equal(claim?.condition, 'if the US backs it');
    assert.equal(claim?.fields.get('location'), 'Ukraine');
    assert.match(text, / {4}stance: conditional\n {4}condition: if the US backs it\n {4}fields: \{ location: Ukraine \}\n {4}speaker: starmer\n {4}quote:/);
    assert.match(text, /# Starmer, first time/);
    assert.deepEqual(await findingsFor(text), []);
  });

  it('sets a field inside an existing fields map', () => {
    const f = file();
    const text = apply(f, updateClaim(f, 2, { fields: [['amount', 'EUR 1 billion'], ['tranches', 4]] }));
    assert.match(text, /fields: \{ amount: EUR 1 billion, decided: 2025-03-11, tranches: 4, disbursed: false, via: eu \}/);
  });

  it('deletes a middle claim, the last claim and the only claim, keeping the next claim\'s comment', async () => {
    const f = file();
    const middle = apply(f, deleteClaim(f, 2));
    assert.deepEqual(ids(middle), ['c-aaa111', 'c-aaa112', 'c-aaa114', 'c-aaa115']);
    const before = apply(f, deleteClaim(f, 1));
    assert.match(before, /# Starmer, first time/);
    const last = apply(f, deleteClaim(f, 4));
    assert.deepEqual(ids(last), ['c-aaa111', 'c-aaa112', 'c-aaa113', 'c-aaa114']);
    assert.ok(last.endsWith('end: 248\n'), 'no dangling lines after the new last claim');
    const one = loadSidecarFile('s.claims.yaml', 'article: summit.txt\nclaims:\n  - id: c-a\n    actor: eu\n# tail\n');
    assert.equal(apply(one, deleteClaim(one, 0)), 'article: summit.txt\nclaims: []\n# tail\n');
    const spaced = loadSidecarFile('s.claims.yaml', CLEAN.replace(/\n {2}- id:/g, '\n\n  - id:'));
    const gone = apply(spaced, deleteClaim(spaced, 1));
    assert.match(gone, /end: 83\n\n {2}- id: c-aaa113/);
    assert.equal((await findingsFor(middle)).length, 0);
  });
});
