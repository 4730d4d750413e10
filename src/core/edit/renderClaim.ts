/** A claim written out in canonical form (DESIGN §1.2): fixed key order, one block per claim. */
import { renderScalar } from '../fixes/yamlEdit';

export type FieldValue = string | number | boolean;

export interface NewClaim {
  id: string;
  actor: string;
  commitment: string;
  stance: string;
  condition?: string;
  fields?: ReadonlyArray<readonly [string, FieldValue]>;
  speaker?: string;
  annotator?: string;
  /** `<source>:<id>` of the claim a curator took this one from. */
  curatedFrom?: string;
  note?: string;
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number };
}

/** Claim keys in canonical order. */
export const CLAIM_KEYS = ['id', 'actor', 'commitment', 'stance', 'condition', 'fields', 'speaker', 'annotator', 'curated-from', 'note', 'quote'] as const;
export type ClaimKey = (typeof CLAIM_KEYS)[number];
export const QUOTE_KEYS = ['exact', 'prefix', 'suffix', 'start', 'end'] as const;

/** Where a block goes: the column of its `-`, of its keys, and the extra indent of nested keys. */
export interface BlockLayout {
  dash: number;
  key: number;
  step: number;
}

export const DEFAULT_LAYOUT: BlockLayout = { dash: 2, key: 4, step: 2 };

export function renderFields(fields: ReadonlyArray<readonly [string, FieldValue]>): string {
  return `{ ${fields.map(([k, v]) => `${renderKey(k)}: ${renderScalar(v)}`).join(', ')} }`;
}

/** Lines of one claim, without line ends; the first carries the `-`. */
export function renderClaimLines(claim: NewClaim, layout: BlockLayout = DEFAULT_LAYOUT): string[] {
  const pad = ' '.repeat(layout.key);
  const inner = ' '.repeat(layout.key + layout.step);
  const lines: string[] = [];
  const add = (key: string, text: string) => lines.push(`${pad}${key}: ${text}`);
  add('id', renderScalar(claim.id));
  add('actor', renderScalar(claim.actor));
  add('commitment', renderScalar(claim.commitment));
  add('stance', renderScalar(claim.stance));
  if (claim.condition !== undefined) add('condition', renderScalar(claim.condition));
  if (claim.fields && claim.fields.length > 0) add('fields', renderFields(claim.fields));
  if (claim.speaker !== undefined) add('speaker', renderScalar(claim.speaker));
  if (claim.annotator !== undefined && claim.annotator !== '') add('annotator', renderScalar(claim.annotator));
  if (claim.curatedFrom !== undefined) add('curated-from', renderScalar(claim.curatedFrom));
  if (claim.note !== undefined) add('note', renderScalar(claim.note));
  lines.push(`${pad}quote:`);
  const q = claim.quote;
  // Quote texts are always double-quoted: they are prose, with colons, quotes and leading spaces.
  lines.push(`${inner}exact: ${renderScalar(q.exact, 'double')}`);
  lines.push(`${inner}prefix: ${renderScalar(q.prefix, 'double')}`);
  lines.push(`${inner}suffix: ${renderScalar(q.suffix, 'double')}`);
  lines.push(`${inner}start: ${q.start}`);
  lines.push(`${inner}end: ${q.end}`);
  // The first key shares the dash's line: `  - id: c-…`.
  const first = lines[0] as string;
  const gap = Math.max(1, layout.key - layout.dash - 1);
  lines[0] = `${' '.repeat(layout.dash)}-${' '.repeat(gap)}${first.slice(layout.key)}`;
  return lines;
}

export function renderClaimBlock(claim: NewClaim, layout: BlockLayout, eol: string): string {
  return renderClaimLines(claim, layout).join(eol);
}

/** Keys are plain when safe, like values. */
export function renderKey(key: string): string {
  return renderScalar(key);
}
