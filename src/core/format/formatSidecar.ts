/** `claimbook fmt` for one sidecar: its canonical form, or why it cannot be rewritten. */
import { eolOf } from '../edit/lines';
import { assemble, claimLines, compareClaims, headerLines } from './render';
import { readSidecar, type FormatProblem, type SidecarUnits } from './sidecarText';

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; problems: FormatProblem[] };

/**
 * The canonical text of a sidecar. A text with YAML problems or conflict markers is refused
 * (its problems come back), never rewritten from a partial reading.
 */
export function formatSidecar(text: string): FormatResult {
  // An empty sidecar stays empty (check reports it); there is nothing to order.
  if (text.trim() === '') return { ok: true, text, changed: false };
  const read = readSidecar(text);
  if (!read.ok) return read;
  const out = renderUnits(read.units, eolOf(text));
  return { ok: true, text: out, changed: out !== text };
}

/** Claims sorted by start then id (a stable sort keeps the rest in file order). */
export function renderUnits(units: SidecarUnits, eol: string): string {
  const claims = [...units.claims].sort((a, b) => compareClaims(a.value, b.value));
  return assemble(headerLines(units.header, claims.length, units.hasClaimsKey), claims.map(claimLines), eol);
}
