/**
 * `claimbook agree` loads its sources on several threads (src/cli/agreeSources.ts): what comes
 * back from a worker is the source the main thread would have loaded, and a dataset that cannot
 * be loaded is reported as when the sources were loaded one after the other.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DatasetError, loadHere, loadSources, type SourcePlan } from '../../src/cli/agreeSources';
import type { AgreementSource } from '../../src/core';

const SAMPLES = path.resolve(__dirname, '../../../samples');

/** Everything the measures read of a source, as plain data. */
function facts(s: AgreementSource): unknown {
  return { name: s.name, notes: s.notes, articles: [...s.articles.values()].map((a) => ({ ...a, index: a.index.text })) };
}

describe('agree: sources loaded on several threads (asked for two, whatever the cores)', () => {
  let tmp: string;
  let changed: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-agree-sources-'));
    changed = path.join(tmp, 'changed');
    fs.cpSync(SAMPLES, changed, { recursive: true });
    const file = path.join(changed, 'articles/2026-01-06-eu-ready-to-commit-to-binding-guarantees.claims.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('stance: conditional', 'stance: pledge'));
    fs.mkdirSync(path.join(tmp, 'empty'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the worker script is there, so the tests go through the threads', () => {
    assert.ok(fs.existsSync(path.join(__dirname, '../../src/cli/agreeWorker.js')));
  });

  it('gives, in plan order, the sources the main thread loads itself', async () => {
    const plans: SourcePlan[] = [
      { name: 'a', dir: SAMPLES },
      { name: 'b', dir: changed },
      { name: 'c', dir: SAMPLES },
    ];
    const together = await loadSources(plans, 2);
    const alone = await Promise.all(plans.map((p) => loadHere(p)));
    assert.deepEqual(together.map(facts), alone.map(facts));
    assert.notDeepEqual(facts(together[0] as AgreementSource), { ...(facts(together[1] as AgreementSource) as object), name: 'a' });
  });

  it('a dataset without a codebook, loaded by a worker, is reported by its name', async () => {
    await assert.rejects(
      loadSources(
        [
          { name: 'a', dir: SAMPLES },
          { name: 'e', dir: path.join(tmp, 'empty') },
        ],
        2,
      ),
      (error: unknown) => error instanceof DatasetError && /^e: no claimbook\.yaml found/.test(error.message),
    );
  });

  it('when several cannot be loaded, the first in plan order is reported', async () => {
    await assert.rejects(
      loadSources(
        [
          { name: 'first', dir: path.join(tmp, 'empty') },
          { name: 'second', dir: path.join(tmp, 'empty') },
        ],
        2,
      ),
      (error: unknown) => error instanceof DatasetError && error.message.startsWith('first: '),
    );
  });
});
