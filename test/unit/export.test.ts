/**
 * The export formats (issue 17): golden files for the samples, same dataset → same bytes, the
 * W3C model's MUST requirements, offsets right in every format on a CRLF + emoji article (code
 * points vs UTF-16), invalid claims left out unless asked for, filters, RFC 4180 quoting.
 */
import * as assert from 'node:assert/strict';
import { annotationConf, csvField, EXPORT_FORMATS, parseExportFilter, validateW3c, type ExportFormat } from '../../src/core';
import { newSidecarText } from '../../src/core/edit';
import { makeQuote, TextIndex } from '../../src/core';
import { annFile } from '../../src/core/export/brat';
import type { ExportClaim } from '../../src/core/export/record';
import { check, exported, folderFiles, GENERATED_CODEBOOK, SAMPLES } from './support/exportData';
import { fixtureFiles, fixtureNames } from './support/fixtures';
import { MemoryHost } from './support/memoryHost';
import { checkDataset, exportSeverities } from '../../src/core';
import { assertGolden } from './support/golden';
import { sampleClaims } from './support/sampleCounts';

const GOLDEN_NAME: Record<Exclude<ExportFormat, 'brat'>, string> = { jsonl: 'samples.jsonl', csv: 'samples.csv', w3c: 'samples.w3c.jsonld', spans: 'samples.spans.jsonl' };

/** A CRLF article with astral characters before and inside the quote. */
const RAW = 'Macron 🇺🇦 said:\r\nFrance will send troops 😀 to Ukraine.\r\nTürkiye agreed.\r\n';
const EXACT = 'France will send troops 😀 to Ukraine';

async function emojiDataset() {
  const index = TextIndex.of(RAW);
  const start = Array.from(index.text).join('').indexOf(EXACT); // UTF-16 index into the normalised text
  const cpStart = Array.from(index.text.slice(0, start)).length;
  const cpEnd = cpStart + Array.from(EXACT).length;
  const claim = { id: 'c-emoji1', actor: 'france', commitment: 'troop-deployment', stance: 'pledge', fields: [['location', 'Ukraine'] as [string, string]], quote: makeQuote(index, cpStart, cpEnd) };
  const files = new Map([
    ['claimbook.yaml', GENERATED_CODEBOOK],
    ['articles/crlf.txt', RAW],
    ['articles/crlf.claims.yaml', newSidecarText({ article: 'crlf.txt', claims: [claim] })],
  ]);
  return { result: await check(files), cpStart, cpEnd, utf16Start: start, utf16End: start + EXACT.length };
}

/** A strict RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated quoted field');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      assert.ok(text[i] !== '\n' && text[i] !== '\r', `bare line break at ${i} outside quotes`);
      field += text[i];
      i++;
    }
  }
  assert.equal(field, '');
  assert.deepEqual(row, []);
  return rows;
}

/** Parsed JSON read loosely: the tests look at fields the formats promise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only reading of exported JSON
type Loose = any;

describe('export formats', () => {
  describe('on the samples', () => {
    for (const format of EXPORT_FORMATS) {
      it(`${format}: matches its golden file and is the same bytes on a second export`, async () => {
        const result = await check(folderFiles(SAMPLES));
        const first = exported(result, format);
        const again = exported(await check(folderFiles(SAMPLES)), format);
        assert.equal(first.counts.exported, sampleClaims());
        assert.equal(first.counts.invalid, 0);
        if (format === 'brat') {
          assert.deepEqual([...again.files], [...first.files]);
          for (const [p, text] of first.files) {
            if (p.endsWith('.txt')) assert.equal(text, result.articles.find((a) => a.path === p)?.index?.text, `${p} is the normalised article`);
            else assertGolden(`export/samples.brat/${p}`, text);
          }
        } else {
          assert.equal(again.text, first.text);
          assertGolden(`export/${GOLDEN_NAME[format]}`, first.text);
        }
      });
    }

    it('w3c: the collection meets the Web Annotation model MUST requirements', async () => {
      const doc = JSON.parse(exported(await check(folderFiles(SAMPLES)), 'w3c').text) as Record<string, unknown>;
      assert.deepEqual(validateW3c(doc), []);
      assert.equal(doc.total, sampleClaims());
    });

    it('jsonl: every line has the same keys and holds the claim, its labels and its article metadata', async () => {
      const lines = exported(await check(folderFiles(SAMPLES)), 'jsonl').text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const keys = Object.keys(lines[0] as object);
      for (const l of lines) assert.deepEqual(Object.keys(l), keys);
      const first = lines[0] as Loose;
      assert.equal(first.actor.name, 'Coalition of the Willing');
      assert.equal(first.commitment.label, 'Security guarantee');
      assert.equal(first.source.published, '2025-03-11');
      const deployment = lines.find((l: Loose) => l.commitment.id === 'troop-deployment') as Loose;
      assert.deepEqual(deployment.commitment.ancestors, ['military-support']);
    });
  });

  describe('offsets on a CRLF article with emoji', () => {
    it('the fixture has different code-point, UTF-16 and raw offsets', async () => {
      const d = await emojiDataset();
      assert.notEqual(d.cpStart, d.utf16Start);
      assert.notEqual(RAW.indexOf(EXACT), d.utf16Start);
    });

    it('jsonl: start/end are code points of the normalised text, start_utf16/end_utf16 its UTF-16 units', async () => {
      const d = await emojiDataset();
      const line = JSON.parse(exported(d.result, 'jsonl').text) as Loose;
      assert.deepEqual([line.start, line.end, line.start_utf16, line.end_utf16], [d.cpStart, d.cpEnd, d.utf16Start, d.utf16End]);
      assert.equal(line.quote.exact, EXACT);
    });

    it('csv: the same offsets in their columns, the quote intact through RFC 4180 quoting', async () => {
      const d = await emojiDataset();
      const [header, row] = parseCsv(exported(d.result, 'csv').text) as [string[], string[]];
      const col = (name: string) => row[header.indexOf(name)];
      assert.deepEqual([col('start'), col('end'), col('start_utf16'), col('end_utf16')], [d.cpStart, d.cpEnd, d.utf16Start, d.utf16End].map(String));
      assert.equal(col('exact'), EXACT);
      assert.equal(col('prefix'), 'Macron 🇺🇦 said:\n');
      assert.equal(col('fields.location'), 'Ukraine');
    });

    it('w3c: the TextPositionSelector counts code points', async () => {
      const d = await emojiDataset();
      const doc = JSON.parse(exported(d.result, 'w3c').text) as Loose;
      assert.deepEqual(validateW3c(doc), []);
      const selectors = doc.first.items[0].target.selector;
      assert.deepEqual(selectors[1], { type: 'TextPositionSelector', start: d.cpStart, end: d.cpEnd });
      assert.equal(selectors[0].exact, EXACT);
    });

    it('brat: the .txt has LF line ends and the .ann offsets are code points into it', async () => {
      const d = await emojiDataset();
      const { files } = exported(d.result, 'brat');
      const txt = files.get('articles/crlf.txt') as string;
      assert.ok(!txt.includes('\r'));
      const t = (files.get('articles/crlf.ann') as string).split('\n')[0] as string;
      assert.equal(t, `T1\ttroop-deployment ${d.cpStart} ${d.cpEnd}\t${EXACT}`);
      assert.equal(Array.from(txt).slice(d.cpStart, d.cpEnd).join(''), EXACT, 'Python-style slicing of the .txt gives the quote');
    });

    it('spans: start/end are code points of "text" (Python string indices)', async () => {
      const d = await emojiDataset();
      const record = JSON.parse(exported(d.result, 'spans').text) as Loose;
      assert.ok(!record.text.includes('\r'));
      assert.deepEqual([record.spans[0].start, record.spans[0].end], [d.cpStart, d.cpEnd]);
      assert.equal(Array.from(record.text as string).slice(d.cpStart, d.cpEnd).join(''), EXACT);
      assert.notEqual((record.text as string).slice(d.cpStart, d.cpEnd), EXACT, 'UTF-16 slicing would be wrong here');
    });
  });

  describe('invalid claims and filters', () => {
    for (const [fixture, id] of [['anchor-orphaned', 'c-qqq111'], ['unknown-actor', 'c-eee111']] as const) {
      it(`${fixture}: claims with error findings are counted, not exported, unless --include-invalid`, async () => {
        const files = new Map([...fixtureFiles(fixture)].map(([p, b]) => [p, Buffer.from(b).toString('utf8')]));
        const result = await check(files);
        const plain = exported(result, 'jsonl');
        const all = exported(result, 'jsonl', { includeInvalid: true });
        assert.ok(plain.counts.invalid >= 1, `invalid: ${plain.counts.invalid}`);
        assert.equal(all.counts.invalid, 0);
        assert.equal(all.counts.exported, plain.counts.exported + plain.counts.invalid);
        assert.ok(all.text.includes(`"id":"${id}"`));
        assert.ok(!plain.text.includes(`"id":"${id}"`));
      });
    }

    it('a claim with only warnings (drifted anchor) is exported, at its anchored span', async () => {
      const files = new Map([...fixtureFiles('anchor-drifted')].map(([p, b]) => [p, Buffer.from(b).toString('utf8')]));
      const out = exported(await check(files), 'jsonl');
      const anchors = out.text.trimEnd().split('\n').map((l) => (JSON.parse(l) as Loose).anchor as string);
      assert.ok(anchors.includes('drifted'), anchors.join(', '));
    });

    it('the export check (only rules that can report errors) leaves out exactly what a full check would, on every fixture', async () => {
      for (const name of fixtureNames()) {
        const files = fixtureFiles(name);
        const full = await checkDataset(new MemoryHost(new Map(files)), { oneShot: true });
        const lean = await checkDataset(new MemoryHost(new Map(files)), { oneShot: true, severities: exportSeverities() });
        for (const format of ['jsonl', 'w3c'] as const) assert.equal(exported(lean, format).text, exported(full, format).text, `${name} ${format}`);
      }
    });

    it('--filter keeps matching claims; a commitment matches its narrower ones; a dimension named twice is either', async () => {
      const result = await check(folderFiles(SAMPLES));
      const parsed = parseExportFilter('commitment=military-support,stance=pledge,stance=conditional');
      assert.ok(parsed.ok);
      const out = exported(result, 'jsonl', { filter: parsed.filter });
      const lines = out.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Loose);
      assert.ok(lines.length > 0);
      assert.ok(lines.some((l) => l.commitment.id === 'troop-deployment'));
      for (const l of lines) {
        assert.ok(l.commitment.id === 'military-support' || l.commitment.ancestors.includes('military-support'));
        assert.ok(['pledge', 'conditional'].includes(l.stance.id));
      }
      assert.equal(out.counts.filtered + out.counts.exported, sampleClaims());
    });

    it('--filter refuses unknown keys and empty values with a message', () => {
      assert.deepEqual(parseExportFilter('colour=red'), { ok: false, message: "--filter: unknown key 'colour' (use actor, commitment, stance, annotator, article)" });
      assert.equal(parseExportFilter('actor=').ok, false);
      assert.equal(parseExportFilter(',').ok, false);
    });
  });

  describe('format details', () => {
    it('csv: RFC 4180 quoting of commas, quotes and line breaks; CRLF rows', async () => {
      assert.equal(csvField('plain'), 'plain');
      assert.equal(csvField('a,b'), '"a,b"');
      assert.equal(csvField('say "hi"'), '"say ""hi"""');
      assert.equal(csvField('two\nlines'), '"two\nlines"');
      assert.equal(csvField(null), '');
      assert.equal(csvField(12), '12');
      const text = exported(await check(folderFiles(SAMPLES)), 'csv').text;
      assert.ok(text.endsWith('\r\n'));
      assert.ok(text.split('\r\n')[0]?.includes('fields.location'));
    });

    it('brat: a text with astral characters gives the .ann a text without them gives, code point for code point', () => {
      // The .ann reads a text without astral characters as UTF-16 and any other by code point:
      // with each emoji swapped for one BMP character, every offset and span must stay the same.
      const astral = 'Intro 😀 line.\nShe 𝒳 pledged\nto act 🎉 now.\n\nLast 😀 line.';
      const plain = astral.replace(/\p{Extended_Pictographic}|[\u{1D400}-\u{1D7FF}]/gu, '#');
      assert.equal(Array.from(astral).length, plain.length);
      const claim = (start: number, end: number, id: string) =>
        ({ id, start, end, commitment: { id: 'c' }, stance: { id: 'pledge' }, actor: { id: 'a' }, condition: null, fields: [], speaker: null, annotator: null, note: null }) as unknown as ExportClaim;
      const claims = [claim(6, 7, 'one'), claim(15, 36, 'over-lines'), claim(0, plain.length, 'all'), claim(41, 41, 'empty')];
      const ann = annFile(astral, claims);
      assert.equal(ann.replace(/\p{Extended_Pictographic}|[\u{1D400}-\u{1D7FF}]/gu, '#'), annFile(plain, claims));
      assert.match(ann, /^T2\tc 15 27;28 36\the 𝒳 pledged to act 🎉$/m);
    });

    it('brat: annotation.conf nests commitments under their parents and lists the stances', () => {
      const conf = annotationConf(undefined, ['x-type'], ['pledge']);
      assert.match(conf, /\[entities\]\nx-type\n\[relations\]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\[events\]\n\[attributes\]\nStance\tArg:<ENTITY>, Value:pledge\n$/);
    });

    it('w3c: an empty export is a valid collection without pages', async () => {
      const result = await check(folderFiles(SAMPLES));
      const doc = JSON.parse(exported(result, 'w3c', { filter: { actor: ['nobody'] } }).text);
      assert.equal(doc.total, 0);
      assert.equal(doc.first, undefined);
      assert.deepEqual(validateW3c(doc), []);
    });

    it('the W3C checks catch documents that break the MUST requirements', () => {
      const good = { id: 'urn:x:1', type: 'Annotation', target: { source: 'urn:x:a', selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] } };
      assert.deepEqual(validateW3c({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...good }), []);
      const problems = (doc: unknown) => validateW3c(doc).join('\n');
      assert.match(problems({ ...good }), /@context MUST include/);
      assert.match(problems({ '@context': ['http://www.w3.org/ns/anno.jsonld'], ...good }), /single @context/);
      const ctx = { '@context': 'http://www.w3.org/ns/anno.jsonld' };
      assert.match(problems({ ...ctx, ...good, id: 'no scheme' }), /IRI id/);
      assert.match(problems({ ...ctx, ...good, type: 'Note' }), /type MUST be AnnotationCollection, AnnotationPage or Annotation/);
      assert.match(problems({ ...ctx, id: 'urn:c', type: 'AnnotationCollection', total: 1, first: { id: 'urn:p', type: 'AnnotationPage', items: [{ ...good, type: 'Note' }] } }), /type MUST include Annotation/);
      assert.match(problems({ ...ctx, id: 'urn:x:1', type: 'Annotation' }), /one or more targets/);
      assert.match(problems({ ...ctx, ...good, target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } }), /exactly one source IRI/);
      assert.match(problems({ ...ctx, ...good, target: { source: 'urn:x:a', selector: { type: 'TextQuoteSelector' } } }), /exactly one exact string/);
      assert.match(problems({ ...ctx, ...good, target: { source: 'urn:x:a', selector: { type: 'TextPositionSelector', start: -1, end: 1.5 } } }), /non-negative integer start[\s\S]*non-negative integer end/);
      assert.match(problems({ ...ctx, ...good, body: { type: 'TextualBody' } }), /exactly one value string/);
      assert.match(problems({ ...ctx, ...good, motivation: 'liking' }), /not a motivation/);
      assert.match(problems({ ...ctx, id: 'urn:c', type: 'AnnotationCollection', total: 2, first: { id: 'urn:p', type: 'AnnotationPage', items: [good, good] } }), /not unique/);
      assert.match(problems({ ...ctx, id: 'urn:c', type: 'AnnotationCollection', total: 3, first: { id: 'urn:p', type: 'AnnotationPage', items: [good] } }), /total is 3/);
      assert.match(problems({ ...ctx, id: 'urn:c', type: 'AnnotationCollection', total: 1 }), /MUST have a first page/);
      assert.match(problems({ ...ctx, id: 'urn:c', type: 'AnnotationCollection', first: { id: 'urn:p', type: 'AnnotationPage', items: [] } }), /one or more annotations/);
    });
  });
});
