/**
 * Rule fixtures with inline `# expect: rule-id` markers (STYLE §16): too few or too many findings
 * both fail; then each finding's first fix is applied and the finding must be gone.
 */
import * as assert from 'node:assert/strict';
import { applyFixes, checkDataset, LineMap, RULES, type CheckResult, type Finding, type Fix, type SeverityOverrides } from '../../src/core';
import { nodeRange } from '../../src/core/yaml/ranges';
import { MemoryHost } from './support/memoryHost';
import { expectations, fixtureFiles, fixtureNames } from './support/fixtures';

/** Where a marker for this finding sits: its own line, or for article findings about a claim, the claim's `id:` line. */
function markerOf(f: Finding, result: CheckResult): string {
  let file = f.file;
  let offset = f.start;
  if (f.claimId !== undefined && !file.endsWith('.yaml')) {
    for (const s of result.sidecars) {
      const c = s.claims.find((x) => s.article?.path === f.file && x.claim.id === f.claimId);
      if (!c) continue;
      file = s.sidecar.path;
      offset = nodeRange(s.sidecar.parsed, ['claims', c.claim.index, 'id'], 'value').start;
    }
  }
  const line = LineMap.of(result.texts.get(file) ?? '').position(offset).line + 1;
  return `${file}:${line} ${f.rule}`;
}

function severitiesFor(name: string): SeverityOverrides {
  // Untagged mentions are everywhere in prose; only their own fixture counts them.
  return name === 'untagged-mention' ? {} : { 'untagged-mention': 'off' };
}

function sortedCounts(keys: string[]): string[] {
  return [...keys].sort();
}

describe('rule scenarios (test/fixtures)', () => {
  for (const name of fixtureNames()) {
    it(`${name}: exactly the expected findings, and fixes remove them`, async () => {
      const files = fixtureFiles(name);
      const result = await checkDataset(new MemoryHost(files), { severities: severitiesFor(name) });
      assert.equal(result.fatal, undefined);
      const expected = expectations(files).map((e) => `${e.file}:${e.line} ${e.rule}`);
      const actual = result.findings.map((f) => markerOf(f, result));
      assert.deepEqual(sortedCounts(actual), sortedCounts(expected), `findings:\n${result.findings.map((f) => `  ${markerOf(f, result)}: ${f.message}`).join('\n')}`);

      // Apply the first fix of each finding, then re-check.
      const fixed = result.findings.filter((f) => (f.fixes ?? []).length > 0);
      if (fixed.length === 0) return;
      const byFile = new Map<string, Fix[]>();
      for (const f of fixed) {
        const fix = (f.fixes as Fix[])[0] as Fix;
        byFile.set(fix.file, [...(byFile.get(fix.file) ?? []), fix]);
      }
      for (const [file, fixes] of byFile) {
        const out = applyFixes(result.texts.get(file) as string, fixes);
        assert.equal(out.skipped, 0, `fixes overlapped in ${file}`);
        files.set(file, new TextEncoder().encode(out.text));
      }
      const after = await checkDataset(new MemoryHost(files), { severities: severitiesFor(name) });
      for (const f of fixed) {
        const still = after.findings.filter((g) => g.rule === f.rule && g.claimId === f.claimId && g.file === f.file && g.message === f.message);
        if (f.rule === 'missing-field') {
          // The fix inserts an empty stub for the annotator to fill in: the finding stays, on the stub.
          const stub = (f.fixes as Fix[])[0]?.edits[0]?.newText ?? '';
          assert.ok(after.texts.get((f.fixes as Fix[])[0]?.file ?? '')?.includes(stub.trim()), `stub ${stub} inserted`);
          continue;
        }
        assert.deepEqual(still.map((g) => g.message), [], `${f.rule} on ${f.claimId ?? f.file} should be fixed by "${(f.fixes as Fix[])[0]?.title}"`);
      }
    });
  }

  it('every rule has a fixture folder with at least one positive case', () => {
    const names = new Set(fixtureNames());
    for (const rule of RULES) {
      assert.ok(names.has(rule.id), `test/fixtures/${rule.id} is missing`);
      const marked = expectations(fixtureFiles(rule.id)).filter((e) => e.rule === rule.id);
      assert.ok(marked.length > 0, `test/fixtures/${rule.id} has no '# expect: ${rule.id}' marker`);
    }
  });

  it('the clean fixture is the negative case of every rule: nothing at all, hints included', async () => {
    const result = await checkDataset(new MemoryHost(fixtureFiles('clean')));
    assert.deepEqual(result.findings.filter((f) => f.rule !== 'untagged-mention').map((f) => f.rule), []);
  });
});
