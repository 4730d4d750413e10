/** Reading untrusted values out of parsed JSON / text: strings or nothing, fields as pairs. */
import { CONTEXT_LENGTH } from '../anchor/makeQuote';
import type { ImportedClaim } from './importTypes';

export function requiredString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A string value, or undefined for null / absent / other types (an exporter writes null for "none"). */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asFields(value: unknown): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
}

type Ids = Pick<ImportedClaim, 'actor' | 'commitment' | 'stance'>;

/** The three ids a claim needs, or the names of those missing (as the source calls them). */
export function claimIds(values: Record<keyof Ids, unknown>, names: Partial<Record<keyof Ids, string>> = {}): { ok: true; ids: Ids } | { ok: false; missing: string } {
  const ids = { actor: requiredString(values.actor), commitment: requiredString(values.commitment), stance: requiredString(values.stance) };
  const missing = (Object.keys(ids) as Array<keyof Ids>).filter((k) => ids[k] === undefined).map((k) => names[k] ?? k);
  return missing.length > 0 ? { ok: false, missing: missing.join(', ') } : { ok: true, ids: ids as Ids };
}

/** The optional claim values of a record written by our exporters (spans' span, w3c's Claim body). */
export function optionalValues(r: Record<string, unknown>): Pick<ImportedClaim, 'condition' | 'fields' | 'speaker' | 'note'> {
  return { condition: optionalString(r.condition), fields: asFields(r.fields), speaker: optionalString(r.speaker), note: optionalString(r.note) };
}

/** The quote of code points [start, end) of a text given as code points, with the context a sidecar keeps. */
export function quoteAt(chars: readonly string[], start: number, end: number): Required<ImportedClaim['quote']> {
  return {
    exact: chars.slice(start, end).join(''),
    prefix: chars.slice(Math.max(0, start - CONTEXT_LENGTH), start).join(''),
    suffix: chars.slice(end, end + CONTEXT_LENGTH).join(''),
    start,
    end,
  };
}
