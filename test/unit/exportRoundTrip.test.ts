/**
 * Round trips (issue 17): export, then import into the same codebook and articles without
 * sidecars, gives the same claims — on the samples and on seeded generated datasets with CRLF,
 * lone CR, emoji and awkward strings, for every format that import reads.
 */
import * as assert from 'node:assert/strict';
import { importBratAnn, importSpans, importW3c, planImport, type ExportFormat, type ImportedClaim, type ImportProblem } from '../../src/core';
import { applyEdits } from '../../src/core';
import { check, claimsByArticle, exported, folderFiles, generatedDataset, SAMPLES, withoutSidecars } from './support/exportData';
import { random } from './support/random';
import { sampleClaims } from './support/sampleCounts';

type Read = { claims: ImportedClaim[]; problems: ImportProblem[] };

function read(format: ExportFormat, out: { text: string; files: Map<string, string> }): Read {
  if (format === 'w3c') return importW3c(out.text, 'export.jsonld');
  if (format === 'spans') return importSpans(out.text, 'export.jsonl');
  const claims: ImportedClaim[] = [];
  const problems: ImportProblem[] = [];
  for (const [p, ann] of out.files) {
    if (!p.endsWith('.ann')) continue;
    const txt = `${p.slice(0, -4)}.txt`;
    const r = importBratAnn(ann, out.files.get(txt) as string, txt, p);
    claims.push(...r.claims);
    problems.push(...r.problems);
  }
  return { claims, problems };
}

async function roundTrip(files: Map<string, string>, format: ExportFormat): Promise<{ before: unknown; after: unknown; imported: number; problems: ImportProblem[] }> {
  const original = await check(files);
  const out = exported(original, format);
  const { claims, problems } = read(format, out);
  const empty = withoutSidecars(files);
  const target = await check(empty);
  const rand = random(7);
  const plan = planImport(target, claims, { random: () => rand(1_000_000) / 1_000_000 });
  for (const w of plan.writes) empty.set(w.path, w.text);
  const after = await check(empty);
  assert.deepEqual(
    after.findings.filter((f) => f.severity === 'error'),
    [],
    'the imported dataset has no errors',
  );
  return { before: claimsByArticle(original), after: claimsByArticle(after), imported: plan.imported, problems: [...problems, ...plan.skipped] };
}

describe('export → import round trip', () => {
  for (const format of ['w3c', 'brat', 'spans'] as const) {
    it(`${format}: the samples come back as the same claims, ids included`, async () => {
      const r = await roundTrip(folderFiles(SAMPLES), format);
      assert.deepEqual(r.problems, []);
      assert.equal(r.imported, sampleClaims());
      assert.deepEqual(r.after, r.before);
    });

    it(`${format}: 60 seeded datasets (CRLF, lone CR, emoji, quotes and tabs in values) come back unchanged`, async () => {
      for (let seed = 1; seed <= 60; seed++) {
        const files = generatedDataset(seed);
        const r = await roundTrip(files, format);
        assert.deepEqual(r.problems, [], `seed ${seed}`);
        assert.deepEqual(r.after, r.before, `seed ${seed}`);
      }
    });
  }

  it('importing the same export twice adds nothing the second time', async () => {
    const files = withoutSidecars(folderFiles(SAMPLES));
    const out = exported(await check(folderFiles(SAMPLES)), 'w3c');
    const { claims } = importW3c(out.text, 'x');
    const first = planImport(await check(files), claims, { random: Math.random });
    for (const w of first.writes) files.set(w.path, w.text);
    const second = planImport(await check(files), claims, { random: Math.random });
    assert.equal(first.imported, sampleClaims());
    assert.equal(second.imported, 0);
    assert.equal(second.existing, sampleClaims());
    assert.deepEqual(second.writes, []);
  });

  it('extends an existing sidecar with canonical insertions, keeping its comments and claims', async () => {
    const files = folderFiles(SAMPLES);
    const sidecar = 'articles/2025-03-11-military-chiefs-meet-in-paris.claims.yaml';
    const before = files.get(sidecar) as string;
    const out = exported(await check(files), 'spans', { filter: { article: ['articles/2025-03-11-military-chiefs-meet-in-paris.txt'] } });
    // Drop the ids: import must give fresh ones, and the claims are still the same spans, so they exist already.
    const { claims } = importSpans(out.text, 'x');
    const plan = planImport(await check(files), claims.map((c) => ({ ...c, id: undefined })), { random: Math.random });
    assert.equal(plan.imported, 0);
    assert.equal(plan.existing, claims.length);
    // A new claim of another stance on an existing span is inserted into the file, the rest left alone.
    const extra = { ...(claims[0] as ImportedClaim), id: undefined, stance: 'demand' };
    const plan2 = planImport(await check(files), [extra], { random: () => 0.5 });
    assert.equal(plan2.imported, 1);
    const written = plan2.writes[0] as { path: string; text: string };
    assert.equal(written.path, sidecar);
    assert.ok(written.text.startsWith(before.slice(0, before.indexOf('claims:'))), 'header and comments kept');
    assert.equal(written.text.split('\n  - id: ').length, before.split('\n  - id: ').length + 1);
    assert.equal(applyEdits(before, []).text, before);
  });
});

describe('import of bad input', () => {
  it('gives problems, never a throw, for garbage in every format', () => {
    const garbage = ['', 'not json', '{"type":"AnnotationCollection"}', '[1, null, "x", {"type":"Annotation"}]', '{"__proto__": {"polluted": true}, "type": "Annotation", "body": {"type": "Claim"}}', '\u0000\u0001binary', '{"text": 5, "spans": {}}', '{"text":"abc","spans":[{"start":2,"end":1},{"start":0,"end":99},{"start":"0","end":1},{"start":0,"end":1,"label":"x"}]}'];
    for (const text of garbage) {
      const w = importW3c(text, 'w');
      const s = importSpans(text, 's');
      const b = importBratAnn(text, 'abc', 'a.txt', 'a.ann');
      assert.deepEqual([w.claims, s.claims, b.claims], [[], [], []], JSON.stringify(text));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const spans = importSpans('{"text":"abc","spans":[{"start":2,"end":1},{"start":0,"end":99},{"start":0,"end":1,"label":"x"}]}', 's');
    assert.deepEqual(spans.problems.map((p) => p.message), [
      'start/end are not code-point offsets of a non-empty span in the text (3 code points)',
      'start/end are not code-point offsets of a non-empty span in the text (3 code points)',
      'missing actor, stance',
    ]);
    const brat = importBratAnn('T1\tpledge 0 2\tab\nT2\tbad\nT3\tx 1 9\tb\nR1\tRel Arg1:T1 Arg2:T1\n', 'abc', 'a.txt', 'a.ann');
    assert.deepEqual(brat.problems.map((p) => p.message), [
      'not a text-bound annotation ("T1<TAB>Type START END<TAB>text")',
      'offsets 1–9 are outside the text (3 characters)',
      'needs an actor=… note and a Stance attribute',
    ]);
  });

  it('a claim whose article is not in the dataset, or whose ids are not codebook ids, is reported', async () => {
    const target = await check(withoutSidecars(folderFiles(SAMPLES)));
    const base: ImportedClaim = { origin: 'o', article: 'elsewhere/unknown.txt', id: undefined, actor: 'macron', commitment: 'security-guarantee', stance: 'pledge', condition: undefined, fields: [], speaker: undefined, annotator: undefined, note: undefined, quote: { exact: 'Paris' } };
    const plan = planImport(target, [base, { ...base, origin: 'p', actor: 'Not An Id' }], { random: Math.random, addToCodebook: true });
    assert.deepEqual(plan.skipped, [
      { origin: 'p', message: "actor 'Not An Id' is not a codebook id (lower-kebab-case)" },
      { origin: 'o', message: "no article of the dataset matches 'elsewhere/unknown.txt'" },
    ]);
    assert.deepEqual(plan.writes, []);
  });
});
