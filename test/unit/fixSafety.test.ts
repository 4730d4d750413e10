/**
 * Issue 13 C: `--fix` never loses data. A file changed after it was read is not overwritten; a
 * read-only, hard-linked or linked file is refused with a message (its findings stay); the mode
 * is kept.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from './support/cli';
import { fixtureFiles } from './support/fixtures';
import { replaceFileAtomic } from '../../src/cli/nodeHost';

/** The anchor-moved fixture: one sidecar with one safe fix. */
function fixable(): { dir: string; sidecar: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-fix-'));
  for (const [rel, bytes] of fixtureFiles('anchor-moved')) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), bytes);
  }
  return { dir, sidecar: path.join(dir, 'articles', 'summit.claims.yaml') };
}

describe('--fix writes safely', () => {
  it('a file changed since it was read is not overwritten (the edit saved meanwhile survives)', async () => {
    const { sidecar } = fixable();
    const read = fs.readFileSync(sidecar, 'utf8');
    fs.appendFileSync(sidecar, '# saved by the annotator while --fix ran\n');
    const outcome = await replaceFileAtomic(sidecar, `${read}# the fix\n`, read);
    assert.deepEqual(outcome, { written: false, reason: 'it changed on disk while --fix ran (run it again)' });
    assert.match(fs.readFileSync(sidecar, 'utf8'), /saved by the annotator/);
    assert.deepEqual(fs.readdirSync(path.dirname(sidecar)).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('a file replaced since it was read (same text, new inode) is not overwritten either', async () => {
    const { sidecar } = fixable();
    const read = fs.readFileSync(sidecar, 'utf8');
    const other = `${sidecar}.new`;
    fs.writeFileSync(other, read);
    // lstat inside replaceFileAtomic comes first; a replacement after it must still be seen.
    const lstat = fs.promises.lstat.bind(fs.promises);
    let calls = 0;
    const patched = async (p: fs.PathLike): Promise<fs.Stats> => {
      const s = await lstat(p);
      if (++calls === 1) fs.renameSync(other, sidecar);
      return s;
    };
    (fs.promises as { lstat: unknown }).lstat = patched;
    try {
      const outcome = await replaceFileAtomic(sidecar, `${read}# the fix\n`, read);
      assert.equal(outcome.written, false);
    } finally {
      (fs.promises as { lstat: unknown }).lstat = lstat;
    }
    assert.equal(fs.readFileSync(sidecar, 'utf8'), read);
  });

  it('keeps the file mode (0640 stays 0640)', async () => {
    const { dir, sidecar } = fixable();
    fs.chmodSync(sidecar, 0o640);
    const out = await cli(['check', dir, '--fix'], '/');
    assert.match(out.stderr, /Fixed 1 problem in 1 file/);
    assert.equal(fs.statSync(sidecar).mode & 0o7777, 0o640);
  });

  it('refuses a read-only file with a message; the file and its finding stay', async () => {
    const { dir, sidecar } = fixable();
    const before = fs.readFileSync(sidecar, 'utf8');
    fs.chmodSync(sidecar, 0o444);
    const out = await cli(['check', dir, '--fix'], '/');
    assert.match(out.stderr, /articles\/summit\.claims\.yaml not fixed: read-only/);
    assert.match(out.stderr, /Fixed 0 problems/);
    assert.match(out.stdout, /anchor-moved/);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), before);
    assert.equal(fs.statSync(sidecar).mode & 0o7777, 0o444);
  });

  it('refuses a hard-linked file rather than splitting the link', async () => {
    const { dir, sidecar } = fixable();
    const twin = path.join(dir, 'twin.yaml');
    fs.linkSync(sidecar, twin);
    const out = await cli(['check', dir, '--fix'], '/');
    assert.match(out.stderr, /not fixed: it has 2 hard links/);
    assert.equal(fs.statSync(sidecar).ino, fs.statSync(twin).ino);
  });

  it('never writes through a symbolic link', async () => {
    const { dir, sidecar } = fixable();
    const real = path.join(dir, 'real.yaml');
    fs.renameSync(sidecar, real);
    fs.symlinkSync('../real.yaml', sidecar);
    const before = fs.readFileSync(real, 'utf8');
    const out = await cli(['check', dir, '--fix'], '/');
    assert.match(out.stderr, /not fixed: a symbolic link/);
    assert.ok(fs.lstatSync(sidecar).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), before);
  });
});
