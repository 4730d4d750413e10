import { RULES } from '../../core';
import type { LocatedFinding } from './locate';
import { jsonInert } from './inert';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, one run; columns and char offsets in UTF-16 code units (SARIF's default). */
export function formatSarif(findings: readonly LocatedFinding[], version: string): string {
  const rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    help: { text: `${r.description} See docs/rules.md#${r.id}.` },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'claimbook', version, rules } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: 'SRCROOT' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.start, charLength: f.end - f.start },
              },
            },
          ],
          ...(f.id ? { properties: { claimId: f.id } } : {}),
        })),
      },
    ],
  };
  return `${jsonInert(JSON.stringify(log, null, 2))}\n`;
}
