/**
 * `--filter actor=macron,commitment=military-support,stance=pledge`: every named dimension must
 * match; a dimension named twice matches either value; a commitment also matches its narrower
 * commitments, as in the Claims view.
 */
import { commitmentLineage, type Codebook } from '../model/codebook';
import type { ExportClaim } from './record';

export const EXPORT_FILTER_KEYS = ['actor', 'commitment', 'stance', 'annotator', 'article'] as const;
export type ExportFilterKey = (typeof EXPORT_FILTER_KEYS)[number];
export type ExportFilter = Partial<Record<ExportFilterKey, string[]>>;

/** The filter, or a message saying what is wrong with the text. */
export function parseExportFilter(text: string): { ok: true; filter: ExportFilter } | { ok: false; message: string } {
  const filter: ExportFilter = {};
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim();
    const value = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!(EXPORT_FILTER_KEYS as readonly string[]).includes(name)) return { ok: false, message: `--filter: unknown key '${name}' (use ${EXPORT_FILTER_KEYS.join(', ')})` };
    if (value === '') return { ok: false, message: `--filter: ${name}= needs a value` };
    const k = name as ExportFilterKey;
    filter[k] = [...(filter[k] ?? []), value];
  }
  if (Object.keys(filter).length === 0) return { ok: false, message: '--filter needs key=value pairs, e.g. actor=macron,stance=pledge' };
  return { ok: true, filter };
}

export function matchesExportFilter(claim: ExportClaim, articlePath: string, filter: ExportFilter, codebook: Codebook | undefined): boolean {
  const value: Record<ExportFilterKey, string | null> = {
    actor: claim.actor.id,
    commitment: claim.commitment.id,
    stance: claim.stance.id,
    annotator: claim.annotator,
    article: articlePath,
  };
  for (const k of EXPORT_FILTER_KEYS) {
    const wanted = filter[k];
    if (!wanted) continue;
    const v = value[k];
    if (v !== null && wanted.includes(v)) continue;
    if (k === 'commitment' && codebook && commitmentLineage(codebook, claim.commitment.id).some((c) => wanted.includes(c.id))) continue;
    return false;
  }
  return true;
}
