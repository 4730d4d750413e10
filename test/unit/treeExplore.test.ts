/** The explorer's pure logic over the samples and rule fixtures: rows, grouping, filters, codebook tree, conflicts, edits. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, checkDataset, computeStats, loadSidecarFile, type CheckResult } from '../../src/core';
import {
  claimAsJson, claimDescription, claimRows, codebookTree, conflictPairs, describeFilter, filterChoices, filterRows, groupClaims, isEmptyFilter,
  labelsOf, parseFilter, removeClaimEdit, shortQuote, treeChanges, walk, type ClaimRow, type CodebookNode, type ExploreNode, type GroupNode,
} from '../../src/core/explore';
import { MemoryHost } from './support/memoryHost';
import { fixtureHost, listFiles } from './support/fixtures';

/** The claims of the samples' one contradiction: Europe's troop deployment, conditional in March 2025, refused in January 2026. */
const SAMPLE_CONTRADICTION = ['c-eu7tdp', 'c-vf21zj'];

const SAMPLES = path.resolve(__dirname, '../../../samples');

async function samples(): Promise<CheckResult> {
  const files = new Map<string, Uint8Array>(listFiles(SAMPLES).map((f) => [f, fs.readFileSync(path.join(SAMPLES, f))]));
  return checkDataset(new MemoryHost(files));
}

const groups = (nodes: ExploreNode[]): GroupNode[] => nodes.filter((n): n is GroupNode => n.kind === 'group');
const counts = (nodes: ExploreNode[]): Record<string, number> => Object.fromEntries(groups(nodes).map((g) => [g.key, g.count]));

describe('explorer: claim rows and grouping (samples)', () => {
  let result: CheckResult;
  let rows: ClaimRow[];
  before(async () => {
    result = await samples();
    rows = claimRows(result);
  });

  it('has one row per claim, with unique keys and spans holding the quote', () => {
    assert.equal(rows.length, computeStats(result).claims);
    assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
    for (const r of rows) {
      assert.ok(r.span, r.key);
      assert.equal(result.texts.get(r.articlePath ?? '')?.slice(r.span.start, r.span.end), r.quote, r.key);
      // The samples' one contradiction (Europe on troop deployment, across two articles) is their only badge.
      assert.deepEqual(r.badges, SAMPLE_CONTRADICTION.includes(r.id ?? '') ? ['contradiction'] : [], r.key);
    }
  });

  it('groups by actor, commitment and article with the counts of `claimbook stats`', () => {
    const stats = computeStats(result);
    const labels = labelsOf(result.codebook?.model);
    assert.deepEqual(counts(groupClaims(rows, 'actor', labels)), { ...stats.byActor });
    assert.deepEqual(counts(groupClaims(rows, 'commitment', labels)), { ...stats.byCommitment });
    const byArticle = groupClaims(rows, 'article', labels);
    assert.deepEqual(counts(byArticle), { ...stats.byArticle });
    assert.deepEqual(groups(byArticle).map((g) => g.key), Object.keys(stats.byArticle).sort(), 'articles in file order');
    assert.equal(groups(byArticle)[0]?.detail, '2025-03-11-military-chiefs-meet-in-paris', 'titled articles name their file too');
  });

  it('orders actors most-claimed first and gives every node a unique id', () => {
    const tree = groupClaims(rows, 'actor', labelsOf(result.codebook?.model));
    const top = groups(tree);
    for (let i = 1; i < top.length; i++) assert.ok(top[i - 1]!.count >= top[i]!.count);
    const ids = [...walk(tree)].map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal([...walk(tree)].filter((n) => n.kind === 'claim').length, rows.length);
  });

  it('answers "what did France commit to, conditionally, and where" in three levels', () => {
    const labels = labelsOf(result.codebook?.model);
    const france = groups(groupClaims(rows, 'actor', labels)).find((g) => g.key === 'france');
    assert.equal(france?.label, 'France');
    const commitment = groups(france?.children ?? [])[0];
    assert.equal(commitment?.label, 'Deploy troops');
    const claim = commitment?.children[0];
    assert.equal(claim?.kind, 'claim');
    if (claim?.kind !== 'claim') return;
    assert.equal(claim.row.stance, 'conditional');
    assert.equal(claim.row.articlePath, 'articles/2026-01-06-outcomes-of-the-paris-summit.txt');
    assert.equal(claimDescription(claim.row, 'actor', labels), 'Conditional pledge · 2026-01-06-outcomes-of-the-paris-summit');
    assert.equal(claimDescription(claim.row, 'article', labels), 'France · Deploy troops · Conditional pledge');
  });

  it('filters by any dimension, a commitment with its narrower ones, and describes the filter', () => {
    const cb = result.codebook?.model;
    const labels = labelsOf(cb);
    assert.deepEqual(filterRows(rows, { actor: 'france' }, cb).map((r) => r.id), ['c-7ybtvr']);
    const stats = computeStats(result).byCommitment;
    const military = ['military-support', 'troop-deployment', 'forward-presence', 'air-defence', 'intelligence-sharing', 'weapons-supply', 'logistical-support', 'defence-cooperation'];
    assert.equal(filterRows(rows, { commitment: 'military-support' }, cb).length, military.reduce((n, c) => n + (stats[c] ?? 0), 0));
    assert.equal(filterRows(rows, { stance: 'conditional', actor: 'france' }, cb).length, 1);
    assert.equal(filterRows(rows, { stance: 'refusal', actor: 'france' }, cb).length, 0);
    assert.deepEqual(filterRows(rows, { problemsOnly: true }, cb).map((r) => r.id).sort(), [...SAMPLE_CONTRADICTION].sort(), 'only the contradiction is a problem');
    assert.equal(filterRows(rows, {}, cb).length, rows.length);
    assert.equal(describeFilter({ actor: 'france', stance: 'conditional', problemsOnly: true }, labels), 'actor: France · stance: Conditional pledge · problems only');
    const stances = filterChoices(rows, 'stance', labels);
    assert.deepEqual(stances.map((c) => c.value), Object.keys(computeStats(result).byStance));
    assert.equal(stances[0]?.label, 'Reported / unattributed');
  });

  it('reads filters from untrusted input', () => {
    assert.deepEqual(parseFilter({ actor: 'france', stance: 3, problemsOnly: 'yes', other: 'x' }), { actor: 'france' });
    assert.deepEqual(parseFilter(null), {});
    assert.deepEqual(parseFilter(JSON.parse('{"__proto__": {"actor": "x"}, "annotator": "sample", "problemsOnly": true}')), { annotator: 'sample', problemsOnly: true });
    assert.ok(isEmptyFilter({}));
    assert.ok(!isEmptyFilter({ problemsOnly: true }));
  });

  it('builds the codebook tree: actors by type, commitments as a hierarchy, unused entries marked', () => {
    const cb = result.codebook!.model;
    const tree = codebookTree(cb, rows);
    assert.deepEqual(tree.map((s) => s.label), ['Actors', 'Commitments', 'Stances']);
    const all = [...walk<CodebookNode>(tree)];
    const node = (id: string) => all.find((n) => n.id === id);
    assert.deepEqual(tree[0]?.children.map((t) => t.key), ['person', 'state', 'organisation', 'coalition']);
    assert.equal(node('actor:france')?.count, 1);
    assert.equal(node('actor:maduro')?.unused, true);
    assert.equal(node('actor:macron')?.unused, false);
    const military = node('commitment:military-support');
    assert.equal(military?.count, computeStats(result).byCommitment['military-support']);
    assert.equal(military?.total, filterRows(rows, { commitment: 'military-support' }, cb).length);
    assert.ok(military?.children.some((c) => c.key === 'troop-deployment'));
    assert.equal(all.filter((n) => n.kind === 'commitment').length, cb.commitments.size);
    assert.deepEqual(node('stance:pledge')?.yamlPath, ['stances', 'pledge']);
    assert.equal(tree[0]?.total, rows.length);
  });

  it('keeps commitments in a parent cycle in the tree', () => {
    const cb = result.codebook!.model;
    const cyclic = { ...cb, commitments: new Map(cb.commitments) };
    cyclic.commitments.set('a', { id: 'a', label: 'A', description: undefined, parent: 'b', actorTypes: undefined, fields: new Map() });
    cyclic.commitments.set('b', { id: 'b', label: 'B', description: undefined, parent: 'a', actorTypes: undefined, fields: new Map() });
    const all = [...walk<CodebookNode>(codebookTree(cyclic, rows))].filter((n) => n.kind === 'commitment');
    assert.equal(all.length, cyclic.commitments.size);
  });

  it('copies a claim as JSON in canonical key order', () => {
    const row = rows.find((r) => r.id === 'c-7ybtvr')!;
    const json = claimAsJson(row);
    assert.deepEqual(Object.keys(json), ['id', 'actor', 'commitment', 'stance', 'condition', 'fields', 'annotator', 'note', 'quote', 'article', 'sidecar']);
    assert.deepEqual(json.fields, { location: 'Ukraine' });
    assert.deepEqual(Object.keys(json.quote as object), ['exact', 'prefix', 'suffix', 'start', 'end']);
  });
});

describe('explorer: problems and conflicts (fixtures)', () => {
  it('badges a drifted claim and keeps its re-anchor fix', async () => {
    const rows = claimRows(await checkDataset(fixtureHost('anchor-drifted')));
    const drifted = rows.find((r) => r.id === 'c-ooo111');
    assert.deepEqual(drifted?.badges, ['drifted']);
    assert.ok(drifted?.findings.some((f) => f.fixes?.some((x) => x.title.startsWith('Re-anchor'))));
    assert.deepEqual(rows.find((r) => r.id === 'c-ooo112')?.badges, []);
    assert.equal(filterRows(rows, { problemsOnly: true }, undefined).length, 1);
  });

  it('badges an orphaned claim, which has no span', async () => {
    const rows = claimRows(await checkDataset(fixtureHost('anchor-orphaned')));
    const orphan = rows.find((r) => r.badges.includes('orphaned'));
    assert.ok(orphan);
    assert.equal(orphan.span, undefined);
  });

  it('pairs contradicting claims, within one article first', async () => {
    const result = await checkDataset(fixtureHost('contradiction'));
    const rows = claimRows(result);
    const pairs = conflictPairs(rows, result.codebook?.model);
    assert.deepEqual(pairs.map((p) => [p.actor, p.commitment, p.a.stance, p.b.stance, p.sameArticle]), [
      ['germany', 'troop-deployment', 'refusal', 'pledge', true],
      ['france', 'military-support', 'refusal', 'pledge', false],
    ]);
    assert.deepEqual(rows.filter((r) => r.badges.includes('contradiction')).map((r) => r.id).sort(), ['c-rrr112', 'c-rrr113', 'c-rrr115']);
    assert.deepEqual(conflictPairs(rows, undefined), []);
  });
});

describe('explorer: deleting a claim from a sidecar', () => {
  const sidecar = [
    '# comment kept',
    'article: a.txt',
    'claims:',
    '  - id: c-one # first',
    '    actor: france',
    '    quote: { exact: "x", start: 0, end: 1 }',
    '',
    '  - id: c-two',
    '    actor: germany',
    '',
    '  - id: c-three',
    '    actor: eu',
    '',
  ].join('\n');
  const remove = (text: string, index: number) => {
    const file = loadSidecarFile('a.claims.yaml', text);
    const edit = removeClaimEdit(file, index);
    assert.ok(edit);
    const out = applyEdits(text, [edit]).text;
    return { out, ids: loadSidecarFile('a.claims.yaml', out).model.claims.map((c) => c.id) };
  };

  it('removes a middle, first or last item with one blank line, keeping comments', () => {
    assert.deepEqual(remove(sidecar, 1).ids, ['c-one', 'c-three']);
    assert.equal(remove(sidecar, 1).out, sidecar.replace('  - id: c-two\n    actor: germany\n\n', ''));
    assert.equal(remove(sidecar, 0).out, sidecar.replace('  - id: c-one # first\n    actor: france\n    quote: { exact: "x", start: 0, end: 1 }\n\n', ''));
    assert.equal(remove(sidecar, 2).out, sidecar.replace('\n  - id: c-three\n    actor: eu\n', ''));
  });

  it('leaves `claims: []` when the only claim goes, and handles CRLF and flow sequences', () => {
    const one = 'article: a.txt\nclaims:\n  - id: c-one\n    actor: france\n# end\n';
    assert.equal(remove(one, 0).out, 'article: a.txt\nclaims: []\n# end\n');
    const crlf = sidecar.replace(/\n/g, '\r\n');
    assert.deepEqual(remove(crlf, 1).ids, ['c-one', 'c-three']);
    assert.ok(!remove(crlf, 2).out.includes('c-three'));
    assert.deepEqual(remove('article: a.txt\nclaims: [{ id: c-a }, { id: c-b }, { id: c-c }]\n', 1).ids, ['c-a', 'c-c']);
    assert.deepEqual(remove('article: a.txt\nclaims: [{ id: c-a }, { id: c-b }]\n', 1).ids, ['c-a']);
  });

  it('refuses what it cannot delete safely', () => {
    assert.equal(removeClaimEdit(loadSidecarFile('a.claims.yaml', sidecar), 3), undefined);
    assert.equal(removeClaimEdit(loadSidecarFile('a.claims.yaml', 'claims: [\n'), 0), undefined);
  });
});

describe('explorer: which nodes to refresh', () => {
  type N = { id: string; sig: string; children?: N[] };
  const sig = (n: N) => n.sig;
  const tree = (): N[] => [
    { id: 'a', sig: '2', children: [{ id: 'a/1', sig: 'x' }, { id: 'a/2', sig: 'y' }] },
    { id: 'b', sig: '1', children: [{ id: 'b/1', sig: 'z' }] },
  ];

  it('reports nothing for an identical tree and the root when the top level changes', () => {
    assert.deepEqual(treeChanges(tree(), tree(), sig), { root: false, changed: [] });
    assert.deepEqual(treeChanges(tree(), tree().slice(0, 1), sig), { root: true, changed: [] });
    assert.deepEqual(treeChanges(tree(), tree().reverse(), sig), { root: true, changed: [] });
  });

  it('reports the topmost changed node only', () => {
    const after = tree();
    after[0]!.children![1]!.sig = 'changed';
    assert.deepEqual(treeChanges(tree(), after, sig).changed, ['a/2']);
    after[0]!.sig = '3';
    after[0]!.children!.pop();
    assert.deepEqual(treeChanges(tree(), after, sig).changed, ['a']);
    const more = tree();
    more[1]!.children!.push({ id: 'b/2', sig: 'w' });
    assert.deepEqual(treeChanges(tree(), more, sig).changed, ['b']);
  });
});

describe('explorer: short quotes', () => {
  it('collapses whitespace and cuts at a word with an ellipsis', () => {
    assert.equal(shortQuote('a  b\nc'), 'a b c');
    assert.equal(shortQuote('one two three four', 10), 'one two…');
    assert.equal(shortQuote('🙂'.repeat(12), 10), `${'🙂'.repeat(10)}…`);
  });
});
