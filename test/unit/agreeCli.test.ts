/**
 * `claimbook agree` through the CLI as a user runs it: two folders, git revisions of a real
 * repository in a temp folder, --by-annotator; formats, --label, --min-alpha, usage errors.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import type { AgreementReport } from '../../src/core';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const EU = 'articles/2026-01-06-eu-ready-to-commit-to-binding-guarantees';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function copySamples(into: string): string {
  fs.cpSync(SAMPLES, into, { recursive: true });
  return into;
}

function edit(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

/** The sample's first stance of the EU article, changed: one attribute disagreement. */
const restance = (text: string): string => text.replace('stance: conditional', 'stance: pledge');

describe('claimbook agree (CLI)', () => {
  let tmp: string;
  let b: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-agree-'));
    copySamples(path.join(tmp, 'alice'));
    b = copySamples(path.join(tmp, 'bob'));
    edit(path.join(b, `${EU}.claims.yaml`), restance);
    // Bob drops a claim in another article: a unit only one source has.
    edit(path.join(b, 'articles/2025-03-11-military-chiefs-meet-in-paris.claims.yaml'), (t) => {
      const blocks = t.split('\n  - id: ');
      return [blocks[0], ...blocks.slice(2)].join('\n  - id: ');
    });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('two identical folders: alpha_u 1 and F1 1, exit 0', async () => {
    const out = await cli(['agree', 'alice', 'alice', '--format', 'json'], tmp);
    assert.equal(out.code, 0, out.stderr);
    const r = JSON.parse(out.stdout) as AgreementReport;
    assert.deepEqual(r.sources, ['alice', 'alice (2)']);
    assert.equal(r.articles, 5);
    assert.deepEqual(r.overall, { alpha_u: 1, f1_exact: 1, f1_overlap: 1, precision_overlap: 1, recall_overlap: 1 });
  });

  it('--format json follows the documented contract', async () => {
    const out = await cli(['agree', 'alice', 'bob', '--format', 'json'], tmp);
    assert.equal(out.code, 0, out.stderr);
    const r = JSON.parse(out.stdout) as AgreementReport;
    assert.deepEqual(Object.keys(r), ['sources', 'articles', 'label', 'overall', 'labels', 'attributes', 'articles_detail', 'pairs', 'left_out', 'notes']);
    assert.equal(r.label, 'commitment');
    assert.deepEqual(Object.keys(r.overall), ['alpha_u', 'f1_exact', 'f1_overlap', 'precision_overlap', 'recall_overlap']);
    assert.ok((r.overall.alpha_u as number) < 1 && (r.overall.alpha_u as number) > 0.8, String(r.overall.alpha_u));
    assert.equal(r.overall.precision_overlap, 1, 'bob only dropped a claim');
    assert.equal(r.overall.recall_overlap, 74 / 75);
    const label = Object.values(r.labels)[0];
    assert.deepEqual(Object.keys(label ?? {}), ['alpha_u', 'f1_exact', 'f1_overlap', 'units']);
    assert.deepEqual(Object.keys(r.attributes), ['actor', 'stance', 'condition', 'fields']);
    assert.equal(r.attributes.stance?.matched, 74);
    assert.ok((r.attributes.stance?.kappa as number) < 1);
    const eu = r.articles_detail.find((d) => d.article === `${EU}.txt`);
    assert.deepEqual(eu && Object.keys(eu), ['article', 'alpha_u', 'f1_overlap', 'disagreements']);
    assert.equal(eu?.disagreements, 1);
    assert.equal(r.articles_detail.reduce((n, d) => n + d.disagreements, 0), 2);
  });

  it('text output: the overall line and the tables', async () => {
    const out = await cli(['agree', 'alice', 'bob'], tmp);
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^Agreement of 2 sources \(alice, bob\) over 5 articles; units labelled by commitment\./);
    assert.match(out.stdout, /Overall: alpha_u 0\.\d{3}  F1 exact 0\.\d{3}  F1 overlap 0\.993  precision 1\.000  recall 0\.987/);
    assert.match(out.stdout, /\nLabel +alpha_u +F1 exact +F1 overlap +alice +bob\n/);
    assert.match(out.stdout, /\nstance +0\.\d{3} +0\.\d{3} +74\n/);
  });

  it('--format csv: one row per overall, label, attribute, pair and article', async () => {
    const out = await cli(['agree', 'alice', 'bob', '--format=csv'], tmp);
    const lines = out.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], 'scope,id,alpha_u,f1_exact,f1_overlap,precision_overlap,recall_overlap,kappa,alpha,matched,disagreements,units:alice,units:bob');
    assert.match(lines[1] ?? '', /^overall,,0\.\d+,0\.\d+,0\.99\d+,1,0\.98\d+,,,,,,$/);
    assert.ok(lines.some((l) => /^attribute,stance,,,,,,0\.\d+,0\.\d+,74,,,$/.test(l)));
    assert.equal(lines.filter((l) => l.startsWith('article,')).length, 5);
  });

  it('--label stance labels units by stance; a bad label is a usage error', async () => {
    const r = JSON.parse((await cli(['agree', 'alice', 'bob', '--format', 'json', '--label', 'stance'], tmp)).stdout) as AgreementReport;
    assert.equal(r.label, 'stance');
    assert.ok('conditional' in r.labels && 'pledge' in r.labels);
    assert.deepEqual(Object.keys(r.attributes), ['actor', 'commitment', 'condition', 'fields']);
    const bad = await cli(['agree', 'alice', 'bob', '--label', 'speaker'], tmp);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--label must be one of actor, commitment, stance, claim/);
  });

  it('--min-alpha: exit 1 below it (for CI), 0 at or above', async () => {
    const failing = await cli(['agree', 'alice', 'bob', '--min-alpha', '0.999'], tmp);
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /overall alpha_u 0\.\d{3} is below --min-alpha 0\.999/);
    assert.equal((await cli(['agree', 'alice', 'bob', '--min-alpha', '0.5'], tmp)).code, 0);
    assert.equal((await cli(['agree', 'alice', 'bob', '--min-alpha', 'high'], tmp)).code, 2);
  });

  it('three folders: every pair is measured, kappa is null (two sources only) and alpha covers all three', async () => {
    const r = JSON.parse((await cli(['agree', 'alice', 'bob', 'alice', '--format', 'json'], tmp)).stdout) as AgreementReport;
    assert.deepEqual(r.pairs.map((p) => [p.reference, p.other]), [['alice', 'bob'], ['alice', 'alice (2)'], ['bob', 'alice (2)']]);
    assert.equal(r.pairs[1]?.f1_exact, 1);
    assert.equal(r.attributes.stance?.kappa, null);
    assert.ok((r.attributes.stance?.alpha as number) < 1);
    assert.ok(r.notes.some((n) => n.startsWith("attributes: Cohen's kappa compares two sources")));
    const text = await cli(['agree', 'alice', 'bob', 'alice'], tmp);
    assert.match(text.stdout, /\nPair \(reference → other\) +F1 exact/);
  });

  it('is listed in claimbook --help', async () => {
    const help = (await cli(['--help'], tmp)).stdout;
    assert.match(help, /claimbook agree DIR_A DIR_B \[DIR…\] \| \[DIR\] --rev R1 --rev R2 \| \[DIR\] --by-annotator/);
    assert.match(help, /--min-alpha +exit 1 when overall alpha_u is below X/);
  });

  it('usage errors: one folder, a folder without a codebook, an unknown format', async () => {
    assert.match((await cli(['agree', 'alice'], tmp)).stderr, /agree needs two dataset folders or more/);
    fs.mkdirSync(path.join(tmp, 'empty'), { recursive: true });
    const empty = await cli(['agree', 'alice', 'empty'], tmp);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /empty: no claimbook\.yaml found/);
    assert.equal((await cli(['agree', 'alice', 'bob', '--format', 'sarif'], tmp)).code, 2);
  });

  it('an article whose text differs is compared after re-anchoring; one that cannot be is reported and left out', async () => {
    const c = copySamples(path.join(tmp, 'carol'));
    // Re-anchorable: the same text under a new first paragraph.
    edit(path.join(c, 'articles/2026-01-06-outcomes-of-the-paris-summit.txt'), (t) => `Correction appended at the top.\n\n${t}`);
    // Not re-anchorable: Carol's text and quote both read other words (her own anchor is exact).
    const quote = 'Top European Union officials have pledged to establish a system of legally enforceable security guarantees for Ukraine, contingent on a future ceasefire with Russia';
    const other = quote.replace(/[a-z]/gi, (ch) => String.fromCharCode(((ch.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + 97)); // rot13
    edit(path.join(c, `${EU}.txt`), (t) => t.replace(quote, other));
    edit(path.join(c, `${EU}.claims.yaml`), (t) => t.replace(quote, other));
    // Not placeable even on its own text: the article replaced, the claims left as they were.
    edit(path.join(c, 'articles/2025-03-11-military-chiefs-meet-in-paris.txt'), () => 'A different article altogether.\n');
    const r = JSON.parse((await cli(['agree', 'alice', 'carol', '--format', 'json'], tmp)).stdout) as AgreementReport;
    assert.equal(r.articles, 3);
    assert.deepEqual(r.left_out.map((l) => l.article), [`articles/2025-03-11-military-chiefs-meet-in-paris.txt`, `${EU}.txt`]);
    assert.match(r.left_out[0]?.reason ?? '', /^16 claim\(s\) of carol not found in its own text/);
    assert.match(r.left_out[1]?.reason ?? '', /its text differs in carol and the quote "gbc rhebcrna havba.*" \(claim c-skxviy\) is orphaned on the reference text/);
    assert.equal(r.overall.f1_exact, 1, 'the re-anchored claims land on the same spans');
    const text = await cli(['agree', 'alice', 'carol'], tmp);
    assert.match(text.stdout, /Left out:\n  articles\/2025-03-11-military-chiefs-meet-in-paris\.txt: 16 claim/);
  });

  it('--by-annotator compares the annotators of one dataset', async () => {
    const d = copySamples(path.join(tmp, 'team'));
    const file = path.join(d, `${EU}.claims.yaml`);
    edit(file, (t) => {
      const [head, ...claims] = t.split('\n  - id: ');
      const mine = claims.map((c) => c.replace('annotator: sample', 'annotator: alice'));
      const theirs = claims.map((c, i) => (i === 0 ? restance(c) : c).replace('annotator: sample', 'annotator: bob'));
      return [head, ...mine, ...theirs].join('\n  - id: ');
    });
    // The other articles' claims lose their annotator.
    for (const f of fs.readdirSync(path.join(d, 'articles'))) if (f.endsWith('.claims.yaml') && !file.endsWith(f)) edit(path.join(d, 'articles', f), (t) => t.replace(/\n +annotator: sample/g, ''));
    const out = await cli(['agree', 'team', '--by-annotator', '--format', 'json'], tmp);
    assert.equal(out.code, 0, out.stderr);
    const r = JSON.parse(out.stdout) as AgreementReport;
    assert.deepEqual(r.sources, ['alice', 'bob']);
    assert.equal(r.articles, 1, 'only the article both annotated');
    assert.equal(r.overall.alpha_u, 1);
    assert.equal(r.attributes.stance?.matched, 11);
    assert.ok(r.notes.includes('64 claim(s) without an annotator are left out'), r.notes.join('; '));
    assert.deepEqual(r.left_out, [], 'articles no annotator worked on are not listed');
    const alone = await cli(['agree', 'alice', '--by-annotator'], tmp);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--by-annotator needs claims of at least two annotators \(found 1\)/);
  });

  it('dataset ids with control characters are printed escaped', async () => {
    const e = copySamples(path.join(tmp, 'eve'));
    edit(path.join(e, `${EU}.claims.yaml`), (t) => t.replace('commitment: security-guarantee', 'commitment: "evil\\e[2J"'));
    const out = await cli(['agree', 'alice', 'eve'], tmp);
    assert.equal(out.code, 0);
    assert.ok(!out.stdout.includes('\u001b'), 'no raw escape character');
    assert.ok(out.stdout.includes('evil\\u001b[2J'));
  });
});

describe('claimbook agree --rev (a real git repository)', () => {
  let repo: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-agree-git-'));
    git('init', '-q', '-b', 'main');
    // The dataset lives in a subfolder of the repository, as in many projects.
    copySamples(path.join(repo, 'data'));
    git('add', '.');
    git('commit', '-qm', 'dataset');
    git('checkout', '-qb', 'alice');
    git('checkout', '-qb', 'bob');
    edit(path.join(repo, 'data', `${EU}.claims.yaml`), restance);
    git('commit', '-qam', 'bob changes a stance');
    git('tag', 'v-bob');
    git('checkout', '-q', 'main');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('compares branches and tags without touching the work tree', async () => {
    // Uncommitted work in the tree must neither be read nor disturbed.
    const file = path.join(repo, 'data', `${EU}.claims.yaml`);
    fs.writeFileSync(file, 'broken: [\n');
    const status = git('status', '--porcelain');
    const out = await cli(['agree', 'data', '--rev', 'alice', '--rev', 'v-bob', '--format', 'json'], repo);
    assert.equal(out.code, 0, out.stderr);
    const r = JSON.parse(out.stdout) as AgreementReport;
    assert.deepEqual(r.sources, ['alice', 'v-bob']);
    assert.equal(r.articles, 5);
    assert.equal(r.overall.f1_exact, 1);
    assert.ok((r.attributes.stance?.kappa as number) < 1);
    assert.equal(r.articles_detail.find((d) => d.article === `${EU}.txt`)?.disagreements, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), 'broken: [\n');
    assert.equal(git('status', '--porcelain'), status);
    assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'main');
  });

  it('from inside the dataset folder, with a commit hash', async () => {
    const hash = git('rev-parse', 'bob').trim();
    const out = await cli(['agree', '--rev', 'main', '--rev', hash, '--format', 'json'], path.join(repo, 'data'));
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual((JSON.parse(out.stdout) as AgreementReport).sources, ['main', hash]);
  });

  it('an unknown revision, a single --rev, or a folder outside git are usage errors', async () => {
    const unknown = await cli(['agree', 'data', '--rev', 'alice', '--rev', 'nobody'], repo);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--rev nobody: no such branch, tag or commit/);
    assert.match((await cli(['agree', 'data', '--rev', 'alice'], repo)).stderr, /--rev needs at least two revisions/);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-nogit-'));
    try {
      assert.match((await cli(['agree', '--rev', 'a', '--rev', 'b'], outside)).stderr, /is not inside a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
