/** Curation over the core: the disagreements of the samples against a modified copy, and each decision's sidecar text. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDataset, loadSidecarFile, type CheckResult } from '../../src/core';
import { compareResults, comparisonRows, curate, parseCuratedFrom, summaryOf, pairClaims, type Comparison, type CurationAction, type Disagreement, type PlacedClaim } from '../../src/core/curation';
import { NodeHost } from '../../src/cli/nodeHost';
import { computeAgreement, pairArticles, sourceFromCheck } from '../../src/core/agreement';
import { EXPECTED, OUTCOMES, modifiedCopy, type Expected } from './support/modifiedCopy';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const SOURCE = 'folder:theirs';

let mine: CheckResult;
let theirs: CheckResult;
let tmp: string;

const check = (dir: string) => checkDataset(new NodeHost(dir), { oneShot: true });
const shape = (d: Disagreement): Expected => ({ article: d.article, kind: d.kind, ...(d.mine ? { mine: d.mine.claim.id } : {}), ...(d.theirs ? { theirs: d.theirs.claim.id } : {}), ...(d.differs.length > 0 ? { differs: d.differs } : {}) });
const all = (c: Comparison) => c.articles.flatMap((a) => a.disagreements);

describe('curation: comparing two sources', () => {
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-curation-'));
    mine = await check(SAMPLES);
    theirs = await check(modifiedCopy(SAMPLES, path.join(tmp, 'theirs')));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds exactly the moved, relabelled, restanced, deleted and added claims', () => {
    const c = compareResults(mine, theirs, { source: SOURCE });
    assert.deepEqual(all(c).map(shape), EXPECTED);
    assert.equal(c.disagreements, 7);
    assert.deepEqual(c.articles.map((a) => [a.article, a.disagreements.length]), [[EXPECTED[0]?.article, 1], [`${OUTCOMES}.txt`, 5], [EXPECTED[6]?.article, 1]]);
  });

  it('gives each article and the whole comparison the α_U of `claimbook agree` (label: commitment)', () => {
    const c = compareResults(mine, theirs, { source: SOURCE });
    const report = computeAgreement(pairArticles([sourceFromCheck('mine', mine), sourceFromCheck('theirs', theirs)]), 'commitment');
    for (const a of c.articles) {
      const expected = report.articles_detail.find((x) => x.article === a.article)?.alpha_u;
      assert.ok(typeof expected === 'number' && a.alpha !== undefined, a.article);
      assert.ok(Math.abs(a.alpha - expected) < 1e-12, `${a.article}: ${a.alpha} vs ${expected}`);
    }
    assert.ok(c.alpha !== undefined && report.overall.alpha_u !== null && Math.abs(c.alpha - report.overall.alpha_u) < 1e-12);
    assert.ok(c.alpha < 1 && c.alpha > 0.5);
    assert.match(summaryOf(c), /^7 disagreements in 3 articles, α_U 0\.\d\d$/);
  });

  it('finds nothing between a dataset and itself', () => {
    const c = compareResults(mine, mine, { source: SOURCE });
    assert.equal(c.disagreements, 0);
    assert.equal(summaryOf(c).startsWith('no disagreements'), true);
  });

  it('says what differs in the view rows and the summary', () => {
    const c = compareResults(mine, theirs, { source: SOURCE });
    const rows = comparisonRows(c);
    assert.deepEqual(rows.map((r) => r.description.split(' ')[0]), ['1', '5', '1']);
    const outcomes = rows[1]?.children.map((r) => r.label);
    assert.deepEqual(outcomes, [
      'Label: security-guarantee ≠ military-support',
      'Stance: report ≠ pledge',
      'Span: mine 796–905, theirs 807–905',
      'Only mine: united-kingdom · conditional · troop-deployment',
      'Only theirs: coalition-of-the-willing · report · security-guarantee',
    ]);
    assert.match(summaryOf(c), /^7 disagreements in 3 articles/);
  });

  it('compares two annotators of one dataset by their claims’ annotator', () => {
    const c = compareResults(mine, mine, { source: 'annotator:nobody', keepMine: (x) => x.annotator === 'sample', keepTheirs: (x) => x.annotator === 'nobody' });
    // Nobody else annotated: every claim is only mine.
    assert.equal(c.disagreements, mine.sidecars.reduce((n, s) => n + s.claims.length, 0));
    assert.ok(all(c).every((d) => d.kind === 'only-mine'));
  });

  it('pairs across labels by shared code points, then closeness, then equal ids', () => {
    const claim = (id: string, actor: string) => ({ index: 0, id, actor, commitment: 'x', stance: 's', condition: undefined, fields: new Map(), speaker: undefined, annotator: undefined, curatedFrom: undefined, note: undefined, quote: undefined });
    const p = (id: string, actor: string, start: number, end: number): PlacedClaim => ({ claim: claim(id, actor), start, end });
    const r = pairClaims([p('a', 'fr', 0, 10), p('b', 'uk', 0, 10)], [p('c', 'uk', 0, 10), p('d', 'de', 50, 60)]);
    assert.deepEqual(r.pairs.map((x) => [x.mine.claim.id, x.theirs.claim.id]), [['b', 'c']]);
    assert.deepEqual(r.onlyMine.map((x) => x.claim.id), ['a']);
    assert.deepEqual(r.onlyTheirs.map((x) => x.claim.id), ['d']);
  });
});

describe('curation: decisions as sidecar text', () => {
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-curation-'));
    mine = await check(SAMPLES);
    theirs = await check(modifiedCopy(SAMPLES, path.join(tmp, 'theirs')));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const sidecarText = (p: string) => fs.readFileSync(path.join(SAMPLES, p), 'utf8');
  const find = (kind: string, id?: string) => all(compareResults(mine, theirs, { source: SOURCE })).find((d) => d.kind === kind && (id === undefined || d.mine?.claim.id === id || d.theirs?.claim.id === id)) as Disagreement;
  const run = (d: Disagreement, action: CurationAction, random = () => 0.5) => {
    const sidecar = `${d.article.replace(/\.txt$/, '')}.claims.yaml`;
    return curate({ disagreement: d, action, source: SOURCE, sidecar: { path: sidecar, text: sidecarText(sidecar) }, newSidecarPath: sidecar, article: mine.articles.find((a) => a.path === d.article)?.index, random });
  };
  const claimsOf = (text: string) => loadSidecarFile('x.claims.yaml', text).model.claims;

  it('Accept Theirs replaces my claim by theirs, keeping its id when free, with curated-from', () => {
    const d = find('label', 'c-6oik1l');
    const r = run(d, 'acceptTheirs');
    assert.ok(r.ok && r.text !== undefined);
    const c = claimsOf(r.text).filter((x) => x.id === 'c-6oik1l');
    assert.equal(c.length, 1);
    assert.equal(c[0]?.commitment, 'military-support');
    assert.equal(c[0]?.curatedFrom, 'folder:theirs:c-6oik1l');
    assert.equal(claimsOf(r.text).length, claimsOf(sidecarText(`${OUTCOMES}.claims.yaml`)).length);
    assert.match(r.text, /    annotator: sample\n    curated-from: "folder:theirs:c-6oik1l"\n    quote:\n      exact: "The Paris Summit/);
    assert.deepEqual(loadSidecarFile('x.claims.yaml', r.text).schema, []);
  });

  it('Accept Theirs on a unit only they have re-anchors it here, with a new id when theirs is taken', () => {
    const d = find('only-theirs');
    const r = run(d, 'acceptTheirs');
    assert.ok(r.ok && r.text !== undefined);
    const added = claimsOf(r.text).find((x) => x.curatedFrom === 'folder:theirs:c-zz0add');
    assert.equal(added?.id, 'c-zz0add');
    const text = mine.articles.find((a) => a.path === d.article)?.index;
    assert.equal(text?.sliceCp(added?.quote?.start ?? 0, added?.quote?.end ?? 0), added?.quote?.exact);
    assert.equal(added?.quote?.prefix?.length, 32);
    // Taken id: the same claim id already in my file gets a fresh one.
    const taken = { ...d, theirs: { ...d.theirs!, claim: { ...d.theirs!.claim, id: 'c-ryqvxl' } } };
    const r2 = run(taken, 'acceptTheirs', () => 0);
    assert.ok(r2.ok && r2.text !== undefined);
    assert.ok(claimsOf(r2.text).some((x) => x.id === 'c-aaaaaa' && x.curatedFrom === 'folder:theirs:c-ryqvxl'));
    assert.ok(r2.ok && r2.summary.includes('as c-aaaaaa'));
  });

  it('Accept Mine records the settlement on my claim; Reject Both removes mine; Accept Both keeps both', () => {
    const d = find('attributes', 'c-ryqvxl');
    const keep = run(d, 'acceptMine');
    assert.ok(keep.ok && keep.text !== undefined);
    const kept = claimsOf(keep.text).find((x) => x.id === 'c-ryqvxl');
    assert.equal(kept?.stance, 'report');
    assert.equal(kept?.curatedFrom, 'folder:theirs:c-ryqvxl');
    const drop = run(d, 'rejectBoth');
    assert.ok(drop.ok && drop.text !== undefined);
    assert.equal(claimsOf(drop.text).some((x) => x.id === 'c-ryqvxl'), false);
    const both = run(d, 'acceptBoth');
    assert.ok(both.ok && both.text !== undefined);
    const named = claimsOf(both.text).filter((x) => parseCuratedFrom(x.curatedFrom)?.id === 'c-ryqvxl');
    assert.deepEqual(named.map((x) => x.stance).sort(), ['pledge', 'report']);
  });

  it('writes nothing for keeping a claim only I have, or leaving out one only they have', () => {
    const r = run(find('only-mine', 'c-mgrk88'), 'acceptMine');
    assert.ok(r.ok && r.text === undefined && r.path === undefined);
    const r2 = run(find('only-theirs'), 'rejectBoth');
    assert.ok(r2.ok && r2.text === undefined);
  });

  it('a decided unit is settled: the comparison no longer lists it', async () => {
    for (const [kind, id, action] of [['label', 'c-6oik1l', 'acceptTheirs'], ['attributes', 'c-ryqvxl', 'acceptMine'], ['span', 'c-7ybtvr', 'acceptBoth']] as const) {
      const d = find(kind, id);
      const r = run(d, action);
      assert.ok(r.ok && r.text !== undefined);
      const dir = path.join(tmp, `mine-${kind}`);
      fs.cpSync(SAMPLES, dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${OUTCOMES}.claims.yaml`), r.text);
      const after = all(compareResults(await check(dir), theirs, { source: SOURCE }));
      assert.equal(after.length, 6, `${action} on ${kind}`);
      assert.ok(!after.some((x) => x.mine?.claim.id === id || x.theirs?.claim.id === id), `${action} on ${kind} settles it`);
    }
  });

  it('refuses a sidecar with a syntax error, saying why', () => {
    const d = find('label', 'c-6oik1l');
    const r = curate({ disagreement: d, action: 'acceptTheirs', source: SOURCE, sidecar: { path: 'x.claims.yaml', text: 'claims: [\n' }, newSidecarPath: 'x.claims.yaml', article: undefined, random: () => 0 });
    assert.equal(r.ok, false);
  });
});
