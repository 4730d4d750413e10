import type { LocatedFinding } from './locate';
import { jsonInert } from './inert';

/** DESIGN §6: the array of findings, one object each, stable key order. */
export function formatJson(findings: readonly LocatedFinding[]): string {
  return `${jsonInert(JSON.stringify(findings, null, 2))}\n`;
}
