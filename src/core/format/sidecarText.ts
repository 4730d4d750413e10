/**
 * A sidecar's text read into units: the header (everything before the claims) and one unit per
 * claim, each with its comments. A sidecar in block form is cut into claim blocks by lines (a
 * block starts at its `- ` line, or at the comment lines right above it) and each block is read
 * alone: a block without `#` by the fast value readers, one with comments by the `yaml`
 * Document. So a 5,000-claim sidecar costs a fast read, not a full Document (DESIGN §5). Any
 * other shape is read whole.
 */
import { fastValue } from '../dataset/fastYaml';
import { isRecord, asArray } from '../model/plain';
import { checkGuards } from '../yaml/guards';
import { readSubset } from '../yaml/subsetReader';
import { parseYaml, type YamlProblem } from '../yaml/parse';
import { child, documentComments, joinComment, type CommentNode } from './comments';
import type { Unit } from './render';

export interface ClaimUnit extends Unit {
  /** The block's source text (block form only): equal texts are equal claims. */
  text: string | undefined;
}

export interface SidecarUnits {
  header: Unit;
  hasClaimsKey: boolean;
  claims: ClaimUnit[];
}

/** Why a text cannot be rewritten: YAML problems, or a shape no sidecar has (rewriting it would lose data). */
export interface FormatProblem {
  rule: YamlProblem['rule'] | 'schema';
  message: string;
  start: number;
  end: number;
}

export type ReadSidecar = { ok: true; units: SidecarUnits } | { ok: false; problems: FormatProblem[] };

/** Keys whose values are strings: a number there (`id: 0123`) takes the Document, which keeps its source. */
const STRING_KEYS = ['id', 'actor', 'commitment', 'stance', 'condition', 'speaker', 'annotator', 'curated-from', 'note', 'article', 'text-sha256'];

/**
 * Reads a text alone (a block, the header or the whole file). A claim block is a sequence at
 * the top, which the subset reader declines: under a key it is a mapping it reads.
 */
export function readUnit(text: string, block = false): { ok: true; unit: Unit } | { ok: false; problems: YamlProblem[] } {
  if (!text.includes('#')) {
    const fast = block ? wrapped(text) : fastValue(text);
    if (fast && !numberAtStringKey(fast.value)) return { ok: true, unit: { value: fast.value, comments: undefined } };
  }
  const parsed = parseYaml(text);
  if (parsed.problems.length > 0 || !parsed.doc) return { ok: false, problems: parsed.problems };
  return { ok: true, unit: { value: parsed.value, comments: documentComments(parsed.doc) } };
}

function wrapped(block: string): { value: unknown } | undefined {
  const read = readSubset(`b:\n${block}`);
  return read && isRecord(read.value) ? { value: read.value['b'] } : fastValue(block);
}

function numberAtStringKey(value: unknown): boolean {
  const records = Array.isArray(value) ? value : [value];
  return records.some((r) => isRecord(r) && STRING_KEYS.some((k) => typeof r[k] === 'number'));
}

const CLAIMS_LINE = /^claims:[ ]*(?:#[^\n]*)?\r?$/m;

/** Cuts the text at claim starts; undefined when it is not in block form. */
export function claimBlocks(text: string): { headerEnd: number; starts: number[] } | undefined {
  const m = CLAIMS_LINE.exec(text);
  if (!m) return undefined;
  const starts: number[] = [];
  let indent = -1;
  let pos = m.index + m[0].length + 1;
  let commentRun = -1; // start of the comment lines right above the current line, if any
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).replace(/\r$/, '');
    const body = line.trimStart();
    const col = line.length - body.length;
    if (body === '') commentRun = -1;
    else if (body.startsWith('#')) {
      if (commentRun < 0) commentRun = pos;
    } else if (line.includes('\t') && /^[ ]*\t/.test(line)) return undefined;
    else if (/^-(?: |$)/.test(body) && (indent < 0 || col === indent)) {
      if (indent < 0) indent = col;
      starts.push(commentRun >= 0 ? commentRun : pos);
      commentRun = -1;
    } else if (indent < 0 || col <= indent) return undefined;
    else commentRun = -1;
    pos = eol + 1;
  }
  if (starts.length === 0) return undefined;
  return { headerEnd: starts[0] as number, starts };
}

/** Reads a sidecar into units; problems when it cannot be read (it must then not be rewritten). */
export function readSidecar(text: string): ReadSidecar {
  const guard = checkGuards(text, Infinity);
  if (guard) {
    const parsed = parseYaml(text);
    return { ok: false, problems: parsed.problems };
  }
  const blocks = claimBlocks(text);
  if (blocks) {
    const byBlocks = readBlocks(text, blocks);
    if (byBlocks) return { ok: true, units: byBlocks };
  }
  const whole = readUnit(text);
  if (!whole.ok) return whole;
  const value = whole.unit.value;
  const claims = isRecord(value) ? value['claims'] : undefined;
  if ((value !== null && !isRecord(value)) || (claims !== undefined && claims !== null && !Array.isArray(claims))) {
    const message = isRecord(value) ? '`claims` is not a list' : 'the top level is not a mapping (not a sidecar)';
    return { ok: false, problems: [{ rule: 'schema', message, start: 0, end: 0 }] };
  }
  return { ok: true, units: splitWhole(whole.unit) };
}

function readBlocks(text: string, blocks: { headerEnd: number; starts: number[] }): SidecarUnits | undefined {
  const head = readUnit(text.slice(0, blocks.headerEnd));
  if (!head.ok || !isRecord(head.unit.value) || head.unit.value['claims'] !== null) return undefined;
  const claims: ClaimUnit[] = [];
  for (let i = 0; i < blocks.starts.length; i++) {
    const blockText = text.slice(blocks.starts[i], blocks.starts[i + 1] ?? text.length);
    const read = readUnit(blockText, true);
    if (!read.ok || !Array.isArray(read.unit.value) || read.unit.value.length !== 1) return undefined;
    claims.push({ value: read.unit.value[0], comments: itemComments(read.unit.comments, 0, true), text: blockText });
  }
  return { header: head.unit, hasClaimsKey: true, claims };
}

/** The comments of item `i` of a sequence; a block read alone carries its leading and trailing ones on the sequence. */
function itemComments(seq: CommentNode | undefined, i: number, alone: boolean): CommentNode | undefined {
  const item = child(seq, i);
  if (!alone || !seq) return item;
  const c: CommentNode = { ...item };
  c.before = joinComment(seq.inner, c.before);
  c.after = joinComment(c.after, seq.after);
  return c;
}

function splitWhole(unit: Unit): SidecarUnits {
  const value = isRecord(unit.value) ? unit.value : {};
  const hasClaimsKey = Object.prototype.hasOwnProperty.call(value, 'claims');
  const seq = child(unit.comments, 'claims');
  const raw = asArray(value['claims']);
  const claims: ClaimUnit[] = raw.map((v, i) => {
    const c = child(seq, i);
    // Comments above the first claim sit on the sequence; they belong to that claim.
    const first = i === 0 && seq?.inner !== undefined ? { ...c, before: joinComment(seq.inner, c?.before) } : c;
    return { value: v, comments: first, text: undefined };
  });
  let headerComments = unit.comments;
  if (seq && unit.comments) {
    const children = new Map(unit.comments.children);
    const claimsNode: CommentNode = { before: seq.before, inline: seq.inline };
    if (raw.length === 0) claimsNode.inline = joinComment(claimsNode.inline, seq.inner);
    children.set('claims', claimsNode);
    headerComments = { ...unit.comments, children };
    // Trailing comments of the sequence: after the last claim.
    const last = claims[claims.length - 1];
    if (last && seq.after !== undefined) last.comments = { ...last.comments, after: joinComment(last.comments?.after, seq.after) };
  }
  const { claims: _claims, ...header } = value;
  return { header: { value: header, comments: headerComments }, hasClaimsKey, claims };
}
