/**
 * The canonical form of a sidecar (DESIGN §1.2), rendered from plain values and their comment
 * trees: keys in the design's order (unknown keys after the known ones, in their own order), one
 * block per claim with a blank line between claims, quote texts double-quoted, other strings
 * plain where YAML reads them back the same, flow `fields: { … }`. Rendering its own output
 * gives it back unchanged, which makes `fmt` idempotent.
 */
import { CLAIM_KEYS, QUOTE_KEYS } from '../edit/renderClaim';
import { asRecordEntries, isRecord } from '../model/plain';
import { child, plainText, type CommentNode } from './comments';
import { stringText } from './scalar';
import { resolvePlain } from '../yaml/subsetReader';

/** A value with the comments written around it. */
export interface Unit {
  value: unknown;
  comments: CommentNode | undefined;
}

export const HEADER_KEYS = ['article', 'source', 'text-sha256'] as const;
const SOURCE_KEYS = ['title', 'url', 'published'];
/** Values that are prose: always double-quoted, like the tagging commands write them. */
const DOUBLE = new Set(['exact', 'prefix', 'suffix']);
/** Maps written on one line. */
const FLOW = new Set(['fields']);

const STEP = 2;

/** Keys of `value` in canonical order: `order` first (those present), then the rest as written. */
export function orderedEntries(value: unknown, order: readonly string[]): Array<[string, unknown]> {
  const entries = asRecordEntries(value);
  const known = new Map(entries);
  const out: Array<[string, unknown]> = [];
  for (const k of order) if (known.has(k)) out.push([k, known.get(k)]);
  for (const e of entries) if (!order.includes(e[0])) out.push(e);
  return out;
}

function commentLines(text: string | undefined, indent: number, out: string[]): void {
  if (text === undefined) return;
  const pad = ' '.repeat(indent);
  for (const line of text.split('\n')) out.push(`${pad}#${line}`);
}

function scalarText(value: unknown, key: string | undefined, c: CommentNode | undefined): string {
  if (typeof value === 'string') return stringText(value, key !== undefined && DOUBLE.has(key));
  // The source of a number is kept only while it still reads as this number (a merge may change one without the other).
  if (typeof value === 'number' && c?.raw !== undefined && resolvePlain(c.raw) === value) return c.raw;
  return plainText(value);
}

function isCollection(value: unknown): boolean {
  return isRecord(value) || Array.isArray(value);
}

/** One line: `{ a: b, c: [d] }`. Comments inside it are moved above its entry by the caller. */
export function flowText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(flowText).join(', ')}]`;
  if (isRecord(value)) {
    const entries = asRecordEntries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${stringText(k, false)}: ${flowText(v)}`).join(', ')} }`;
  }
  return scalarText(value, undefined, undefined);
}

/** Every comment of a subtree but its own `before`, in order, for a value written on one line. */
function flowComments(c: CommentNode | undefined, out: string[] = [], top = true): string[] {
  if (!c) return out;
  if (!top && c.before !== undefined) out.push(c.before);
  if (c.inner !== undefined) out.push(c.inner);
  for (const sub of c.children?.values() ?? []) flowComments(sub, out, false);
  for (const t of [c.inline, c.after]) if (t !== undefined) out.push(t);
  return out;
}

function orderFor(key: string | undefined): readonly string[] {
  if (key === 'quote') return QUOTE_KEYS;
  if (key === 'source') return SOURCE_KEYS;
  return [];
}

/**
 * Lines of `key: value` at `indent`, preceded by its own-line comments. `prefix` replaces the
 * indentation of the first line (`- ` of a sequence item).
 */
function entryLines(key: string, value: unknown, c: CommentNode | undefined, indent: number, out: string[], first?: string): void {
  const pad = first ?? ' '.repeat(indent);
  const k = stringText(key, false);
  const flow = FLOW.has(key) || (Array.isArray(value) && !value.some(isCollection)) || (isCollection(value) && asRecordEntries(value).length === 0 && !Array.isArray(value));
  if (!isCollection(value) || flow) {
    const inline = flow ? flowComments(c).join(' ') || undefined : c?.inline;
    const one = inline?.replace(/\n/g, ' ');
    const text = flow ? flowText(value) : scalarText(value, key, c);
    out.push(`${pad}${k}: ${text}${one !== undefined ? ` #${one}` : ''}`);
    return;
  }
  out.push(`${pad}${k}:`);
  collectionLines(value, c, indent + STEP, key, out);
}

function collectionLines(value: unknown, c: CommentNode | undefined, indent: number, key: string | undefined, out: string[]): void {
  commentLines(c?.inner, indent, out);
  if (Array.isArray(value)) {
    value.forEach((item, i) => itemLines(item, child(c, i), indent, out));
  } else {
    for (const [k, v] of orderedEntries(value, orderFor(key))) {
      const sub = child(c, k);
      commentLines(sub?.before, indent, out);
      entryLines(k, v, sub, indent, out);
    }
  }
  commentLines(c?.after, indent, out);
}

/** A block sequence item at `indent` (its `-`); a map item's first key shares the dash's line. */
function itemLines(item: unknown, c: CommentNode | undefined, indent: number, out: string[], order: readonly string[] = []): void {
  const dash = `${' '.repeat(indent)}- `;
  commentLines(c?.before, indent, out);
  if (!isCollection(item) || Array.isArray(item) || asRecordEntries(item).length === 0) {
    const text = isCollection(item) ? flowText(item) : scalarText(item, undefined, c);
    out.push(`${dash}${text}${c?.inline !== undefined ? ` #${c.inline.replace(/\n/g, ' ')}` : ''}`);
    return;
  }
  const entries = orderedEntries(item, order);
  // Comments above the first key have nowhere else to go than above the dash.
  const [firstKey] = entries[0] as [string, unknown];
  commentLines(c?.inner, indent, out);
  commentLines(child(c, firstKey)?.before, indent, out);
  entries.forEach(([k, v], i) => {
    const sub = child(c, k);
    if (i > 0) commentLines(sub?.before, indent + STEP, out);
    entryLines(k, v, sub, indent + STEP, out, i === 0 ? dash : undefined);
  });
  commentLines(c?.after, indent + STEP, out);
}

/** The lines of one claim block, items of `claims:` indented by two. */
export function claimLines(claim: Unit): string[] {
  const out: string[] = [];
  itemLines(claim.value, claim.comments, STEP, out, CLAIM_KEYS);
  return out;
}

/** The lines before the claims: header keys in order, then `claims:` (when there are claims). */
export function headerLines(header: Unit, claimCount: number, hasClaimsKey: boolean): string[] {
  const out: string[] = [];
  const c = header.comments;
  commentLines(c?.inner, 0, out);
  for (const [k, v] of orderedEntries(header.value, HEADER_KEYS)) {
    if (k === 'claims') continue;
    const sub = child(c, k);
    commentLines(sub?.before, 0, out);
    entryLines(k, v, sub, 0, out);
  }
  // Trailing comments of the header go above `claims:`: below it they would join the first claim.
  commentLines(c?.after, 0, out);
  if (hasClaimsKey) {
    const sub = child(c, 'claims');
    commentLines(sub?.before, 0, out);
    const inline = sub?.inline !== undefined ? ` #${sub.inline.replace(/\n/g, ' ')}` : '';
    out.push(claimCount === 0 ? `claims: []${inline}` : `claims:${inline}`);
  }
  return out;
}

/** Sort key of a claim: quote start (claims without one last), then id. */
export function compareClaims(a: unknown, b: unknown): number {
  const sa = startOf(a), sb = startOf(b);
  if (sa !== sb) return sa - sb;
  const ia = idOf(a) ?? '', ib = idOf(b) ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

export function startOf(claim: unknown): number {
  const quote = isRecord(claim) ? claim['quote'] : undefined;
  const start = isRecord(quote) ? quote['start'] : undefined;
  return typeof start === 'number' && Number.isFinite(start) ? start : Number.MAX_SAFE_INTEGER;
}

export function idOf(claim: unknown): string | undefined {
  const id = isRecord(claim) ? claim['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Header, then the claim blocks one blank line apart; the text ends with a line end. */
export function assemble(header: string[], blocks: string[][], eol: string): string {
  const parts: string[] = [header.join(eol)];
  blocks.forEach((b, i) => parts.push((i === 0 ? '' : eol) + b.join(eol)));
  return parts.filter((p) => p !== '').join(eol) + eol;
}
