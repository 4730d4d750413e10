/** `claimbook export` and `claimbook import` as a user runs them: files, exit codes, messages. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { batched, Progress, utf8Batched } from '../../src/cli/export/progress';
import { fixtureFiles } from './support/fixtures';
import { SAMPLES } from './support/exportData';
import { GOLDEN } from './support/golden';
import { sampleClaims } from './support/sampleCounts';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A copy of the samples; without sidecars when `empty` (the target of an import). */
function copySamples(empty: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-export-'));
  fs.cpSync(SAMPLES, dir, { recursive: true, filter: (src) => !(empty && src.endsWith('.claims.yaml')) });
  return dir;
}

describe('claimbook export / import CLI', () => {
  it('export --format jsonl writes to stdout what the golden file holds, the summary on stderr', async () => {
    const out = await cli(['export', SAMPLES, '--format', 'jsonl'], '/');
    assert.equal(out.code, 0);
    assert.equal(out.stdout, fs.readFileSync(path.join(GOLDEN, 'export/samples.jsonl'), 'utf8'));
    assert.equal(out.stderr, `claimbook: exported ${sampleClaims()} claims from 5 articles\n`);
  });

  it('-o FILE writes the file atomically (no temporary file left) and says where', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-out-'));
    const out = await cli(['export', SAMPLES, '-f', 'csv', '-o', 'claims.csv'], dir);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'claims.csv'), 'utf8'), fs.readFileSync(path.join(GOLDEN, 'export/samples.csv'), 'utf8'));
    assert.deepEqual(fs.readdirSync(dir), ['claims.csv']);
    assert.equal((await cli(['export', SAMPLES, '-f', 'spans', '-o', 'new/folder/spans.jsonl'], dir)).code, 0, 'missing folders are made');
    assert.ok(fs.existsSync(path.join(dir, 'new/folder/spans.jsonl')));
    const folder = await cli(['export', SAMPLES, '-f', 'jsonl', '-o', dir], '/');
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /is a folder; -o takes a file for --format jsonl/);
    const noCodebook = await cli(['export', dir, '-f', 'jsonl'], '/');
    assert.equal(noCodebook.code, 2);
    assert.match(noCodebook.stderr, /no claimbook\.yaml found/);
    assert.match(out.stderr, new RegExp(`exported ${sampleClaims()} claims from 5 articles to .*claims\\.csv`));
  });

  it('--format brat -o DIR writes .txt/.ann per article and annotation.conf', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-brat-'));
    const out = await cli(['export', SAMPLES, '--format=brat', '-o', path.join(dir, 'brat')], '/');
    assert.equal(out.code, 0, out.stderr);
    const files = fs.readdirSync(path.join(dir, 'brat/articles')).sort();
    assert.equal(files.filter((f) => f.endsWith('.ann')).length, 5);
    assert.equal(files.filter((f) => f.endsWith('.txt')).length, 5);
    assert.equal(fs.readFileSync(path.join(dir, 'brat/annotation.conf'), 'utf8'), fs.readFileSync(path.join(GOLDEN, 'export/samples.brat/annotation.conf'), 'utf8'));
  });

  const usage: Array<[string[], RegExp]> = [
    [['export', SAMPLES], /export needs --format jsonl\|csv\|w3c\|brat\|spans/],
    [['export', SAMPLES, '--format', 'xml'], /--format must be one of/],
    [['export', SAMPLES, '--format', 'brat'], /brat writes a folder of files: give it with -o DIR/],
    [['export', SAMPLES, '--format', 'jsonl', '--filter', 'colour=red'], /unknown key 'colour'/],
    [['export', SAMPLES, '--format', 'jsonl', '--fix'], /unknown option --fix/],
    [['import', 'x.json'], /import needs --from w3c\|brat\|spans/],
    [['import', '--from', 'w3c'], /needs the file/],
    [['import', '--from', 'w3c', '/nonexistent/file.json', SAMPLES], /does not exist/],
    [['import', '--from', 'brat', path.join(SAMPLES, 'claimbook.yaml'), SAMPLES], /is not a folder/],
  ];
  for (const [args, message] of usage) {
    it(`usage error (exit 2): ${args.slice(0, 1).concat(args.slice(2)).join(' ')}`, async () => {
      const out = await cli(args, '/');
      assert.equal(out.code, 2);
      assert.match(out.stderr, message);
    });
  }

  it('claims with errors are counted in the summary line; --include-invalid exports them; --filter counts the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-invalid-'));
    for (const [rel, bytes] of fixtureFiles('anchor-orphaned')) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), bytes);
    }
    const plain = await cli(['export', dir, '--format', 'jsonl'], '/');
    assert.equal(plain.code, 0);
    assert.equal(plain.stderr, 'claimbook: exported 1 claims from 1 articles; 1 claims with errors left out (--include-invalid exports them)\n');
    const all = await cli(['export', dir, '--format', 'jsonl', '--include-invalid'], '/');
    assert.equal(all.stdout.trimEnd().split('\n').length, 2);
    const filtered = await cli(['export', dir, '--format', 'jsonl', '--include-invalid', '--filter', 'stance=refusal'], '/');
    assert.equal(filtered.stderr, 'claimbook: exported 1 claims from 1 articles; 1 claims not matching --filter\n');
  });

  it('--help lists export and import', async () => {
    const out = await cli(['--help'], '/');
    assert.match(out.stdout, /claimbook export \[DIR\] --format jsonl\|csv\|w3c\|brat\|spans/);
    assert.match(out.stdout, /claimbook import --from w3c\|brat\|spans SRC \[DIR\] \[--add-to-codebook\]/);
  });

  for (const format of ['w3c', 'spans', 'brat'] as const) {
    it(`import --from ${format} into an empty dataset gives a dataset that checks clean; a second import adds nothing`, async () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-src-'));
      const src = path.join(work, format === 'brat' ? 'brat' : `export.${format}`);
      assert.equal((await cli(['export', SAMPLES, '--format', format, '-o', src], '/')).code, 0);
      const target = copySamples(true);
      const first = await cli(['import', '--from', format, src, target], '/');
      assert.equal(first.code, 0, first.stdout);
      assert.equal(first.stdout, `imported ${sampleClaims()} claims into 5 sidecars (5 new)\n`);
      const checked = await cli(['check', target], '/');
      assert.equal(checked.code, 0, checked.stdout);
      const again = await cli(['import', '--from', format, src, target], '/');
      assert.equal(again.stdout, `imported 0 claims into 0 sidecars (0 new); ${sampleClaims()} already in the dataset\n`);
      assert.equal(again.code, 0);
    });
  }

  it('unknown ids are reported (exit 1) and, with --add-to-codebook, added so the claims check clean', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-src-'));
    const src = path.join(work, 'export.jsonl');
    assert.equal((await cli(['export', SAMPLES, '--format', 'spans', '-o', src, '--filter', 'actor=macron'], '/')).code, 0);
    fs.writeFileSync(src, fs.readFileSync(src, 'utf8').replace(/"actor":"macron"/g, '"actor":"emmanuel-macron"').replace(/"stance":"pledge"/g, '"stance":"vow"'));
    const target = copySamples(true);
    const refused = await cli(['import', '--from', 'spans', src, target], '/');
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /^imported 0 claims into 0 sidecars \(0 new\); \d+ not imported:\n  export\.jsonl:\d+ span \d+: unknown actor 'emmanuel-macron'.*\(--add-to-codebook adds it\)/);
    const codebookBefore = fs.readFileSync(path.join(target, 'claimbook.yaml'), 'utf8');
    const added = await cli(['import', '--from', 'spans', src, target, '--add-to-codebook'], '/');
    assert.equal(added.code, 0, added.stdout);
    assert.match(added.stdout, /added to claimbook\.yaml: actor emmanuel-macron/);
    const codebook = fs.readFileSync(path.join(target, 'claimbook.yaml'), 'utf8');
    assert.ok(codebook.startsWith(codebookBefore.slice(0, 200)), 'the codebook keeps its text (comments) and grows');
    assert.match(codebook, /\n {2}emmanuel-macron:\n/);
    const checked = await cli(['check', target, '--format', 'json'], '/');
    const errors = (JSON.parse(checked.stdout) as Array<{ severity: string }>).filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('a quote that is not in the article is reported, not imported', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-src-'));
    const src = path.join(work, 'export.jsonld');
    assert.equal((await cli(['export', SAMPLES, '--format', 'w3c', '-o', src], '/')).code, 0);
    const doc = JSON.parse(fs.readFileSync(src, 'utf8'));
    const first = doc.first.items[0];
    first.target.selector[0].exact = 'words that appear nowhere in any article of the samples at all';
    fs.writeFileSync(src, JSON.stringify(doc));
    const out = await cli(['import', '--from', 'w3c', src, copySamples(true)], '/');
    assert.equal(out.code, 1);
    assert.match(out.stdout, new RegExp(`imported ${sampleClaims() - 1} claims .*; 1 not imported:${/\n  export\.jsonld annotation urn:claimbook:claim:.*#c-drxtgj: the quote is not in the article/.source}`));
  });
});

describe('export progress', () => {
  it('says nothing during the first second, then at most a line a second', () => {
    let t = 0;
    const lines: string[] = [];
    const progress = new Progress((s) => lines.push(s), () => t);
    const say = () => `at ${t}`;
    for (t = 0; t <= 3500; t += 100) progress.tick(say);
    assert.deepEqual(lines, ['claimbook: at 1000\n', 'claimbook: at 2000\n', 'claimbook: at 3000\n']);
  });

  it('batches small pieces into writes of the given size, in order', () => {
    const pieces = ['ab', 'cd', 'ef', 'g'];
    assert.deepEqual([...batched(pieces, 4)], ['abcd', 'efg']);
    assert.deepEqual([...batched([], 4)], []);
  });

  it('batches pieces into UTF-8 writes: the same bytes as the joined text, none over its size unless one piece is', () => {
    const pieces = ['ab', 'é', '😀', 'x'.repeat(10), 'ü\ud800', '', 'end'];
    const writes = [...utf8Batched(pieces, 8)].map((b) => Buffer.from(b));
    assert.deepEqual(Buffer.concat(writes), Buffer.from(pieces.join(''), 'utf8'));
    assert.ok(writes.length >= 3, `${writes.length} writes`);
    for (const w of writes) assert.ok(w.length <= 8 || w.toString('utf8') === 'x'.repeat(10), `a write of ${w.length} bytes: ${w.toString('utf8')}`);
    assert.deepEqual([...utf8Batched([], 8)], []);
  });
});
