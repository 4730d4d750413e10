/**
 * Claim-level re-parsing of a sidecar while it is typed in (issue 6). A sidecar in canonical
 * form is a header (article, source, text-sha256, `claims:`) followed by one block per claim,
 * each starting with `- ` at the items' indentation. When a new version of the text arrives,
 * blocks outside the edited region keep their parsed value, their Claim and their schema
 * verdict; only the blocks the edit touched are parsed again, with the range-keeping parser.
 * The `yaml` Document the rules use for locations is assembled lazily: the header's nodes, and
 * a claim's nodes only when a rule asks about that claim.
 *
 * Anything not in that shape (flow `claims: [...]`, keys after the claims, odd indentation,
 * anchors, a block that does not parse alone) returns undefined and the caller parses the
 * whole file; test/unit/differential.test.ts proves both give the same data and ranges.
 */
import type { ValidateFunction } from 'ajv';
import type { Document, Node } from 'yaml';
import claimsSchema from '../../../schemas/claims.schema.json';
import { parseYaml, type ParsedYaml, type YamlProblem } from '../yaml/parse';
import { validateSidecar, type SchemaProblem } from '../schema/validate';
import { ajvClass } from '../schema/ajvLib';
import { yamlLib } from '../yaml/yamlLib';
import { buildSidecar, type Claim } from '../model/sidecar';
import { isRecord } from '../model/plain';
import { dirname, joinPath, type SidecarFile } from './files';
import { isFastParse } from './fastYaml';
import type { TextDiff } from '../text/textDiff';
import { indexAtOrBefore } from '../text/sortedSearch';

interface Layout {
  /** Offset of the first claim block (the header is text[0, headerEnd)). */
  headerEnd: number;
  /** Start of each claim block, ascending; a block runs to the next start or the end of text. */
  starts: number[];
  /** Indentation of the items' `-`. */
  indent: number;
}

interface Block {
  /** The claim's plain value (one item of `claims`). */
  value: unknown;
  /** The claim's node with ranges relative to the block, once parsed with `yaml`. */
  node: Node | undefined;
  /** Schema verdict of the claim alone, computed on first use. */
  valid: boolean | undefined;
  /** The model, built for `index`. */
  claim: Claim | undefined;
  index: number;
}

/** What a sidecar parsed by blocks remembers, for the next version of its text. */
interface BlockState {
  text: string;
  layout: Layout;
  header: { text: string; parsed: ParsedYaml; value: Record<string, unknown> };
  blocks: Block[];
  /** Schema problems of the header alone (it changes rarely: kept from version to version). */
  headerSchema: SchemaProblem[] | undefined;
}

const states = new WeakMap<SidecarFile, BlockState>();

const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;

/** Lines after `claims:` at column 0: every item at one indentation, everything else deeper. */
export function layoutOf(text: string): Layout | undefined {
  const claims = /^claims:[ ]*(?:#[^\n]*)?\r?$/m.exec(text);
  if (!claims) return undefined;
  const starts: number[] = [];
  const indent = scanLines(text, claims.index + claims[0].length + 1, text.length, -1, starts);
  if (indent === undefined || starts.length === 0) return undefined;
  return { headerEnd: starts[0] as number, starts, indent };
}

/**
 * Classifies the lines of text[from, to) (from at a line start), pushing item starts; returns
 * the items' indentation (found from the first item when `indent` is -1), or undefined when a
 * line does not fit the block form.
 */
function scanLines(text: string, from: number, to: number, indent: number, starts: number[]): number | undefined {
  let pos = from;
  while (pos < to) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > to) eol = to;
    let i = pos;
    while (i < eol && text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i === eol || (c === CR && i + 1 === eol) || c === HASH) {
      // blank or comment line: belongs to the block before it
    } else if (c === TAB) {
      return undefined;
    } else if (c === DASH && (i + 1 === eol || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === CR) && (indent < 0 || i - pos === indent)) {
      if (indent < 0) indent = i - pos;
      starts.push(pos);
    } else if (indent < 0 || i - pos <= indent) {
      return undefined; // a key after the claims, or content outside the items
    }
    pos = eol + 1;
  }
  return indent;
}

/**
 * The layout after an edit: blocks away from it are kept (moved), the few around it rescanned.
 * `kept`: blocks [0, before) are the old ones unmoved; blocks from `after` on are the old ones
 * from `oldAfter` on, moved by the edit's length. Undefined: recompute the whole layout.
 */
interface Relayout {
  layout: Layout;
  before: number;
  after: number;
  oldAfter: number;
}

function relayout(old: Layout, oldLength: number, text: string, diff: TextDiff): Relayout | undefined {
  const { starts } = old;
  if (diff.start <= old.headerEnd) return undefined;
  const delta = diff.newEnd - diff.oldEnd;
  // One block of margin on each side: an edit at a line break can join or split blocks.
  const first = Math.max(0, blockAt(starts, diff.start) - 1);
  const last = Math.min(starts.length, blockAt(starts, diff.oldEnd) + 2);
  const from = starts[first] as number;
  const oldTo = last < starts.length ? (starts[last] as number) : oldLength;
  const next = starts.slice(0, first);
  if (scanLines(text, from, oldTo + delta, old.indent, next) === undefined) return undefined;
  const after = next.length;
  for (let i = last; i < starts.length; i++) next.push((starts[i] as number) + delta);
  if (next.length === 0 || next[0] !== old.headerEnd) return undefined;
  return { layout: { headerEnd: old.headerEnd, starts: next, indent: old.indent }, before: first, after, oldAfter: last };
}

/** Index of the block holding `offset` (the last start at or before it). */
function blockAt(starts: number[], offset: number): number {
  return indexAtOrBefore(starts, offset);
}

function blockEnd(layout: Layout, i: number, length: number): number {
  return layout.starts[i + 1] ?? length;
}

/**
 * The next version of a sidecar parsed by blocks, or undefined when it must be parsed whole.
 * `previous` is the last version's file (parsed either way) and `diff` the edit between them.
 */
export function reloadSidecar(path: string, text: string, previous: SidecarFile, diff: TextDiff): SidecarFile | undefined {
  const before = stateOf(previous);
  if (!before) return undefined;
  const region = relayout(before.layout, before.text.length, text, diff);
  if (!region) return undefined;
  const { layout } = region;
  // The header ends where the first claim starts, before the edit: it is the same text.
  const header = before.header;

  const blocks: Block[] = [];
  const reuse = (old: Block, i: number): Block => (old.index === i ? old : { ...old, index: i, claim: undefined });
  for (let i = 0; i < region.before; i++) blocks.push(before.blocks[i] as Block);
  for (let i = region.before; i < region.after; i++) {
    const start = layout.starts[i] as number;
    const end = blockEnd(layout, i, text.length);
    // A margin block the edit did not reach is the same text at the same (or moved) place.
    const j = end <= diff.start ? i : start >= diff.newEnd ? i - region.after + region.oldAfter : -1;
    const old = j >= 0 ? before.blocks[j] : undefined;
    if (old && before.text.slice(before.layout.starts[j] as number, blockEnd(before.layout, j, before.text.length)) === text.slice(start, end)) {
      blocks.push(reuse(old, i));
      continue;
    }
    const fresh = parseBlock(text.slice(start, end), i);
    if (!fresh) return undefined;
    blocks.push(fresh);
  }
  for (let j = region.oldAfter; j < before.blocks.length; j++) blocks.push(reuse(before.blocks[j] as Block, blocks.length));
  return assemble(path, text, { text, layout, header, blocks, headerSchema: before.headerSchema });
}

/** The block state of a file, derived once from a whole-file parse when it has none yet. */
function stateOf(file: SidecarFile): BlockState | undefined {
  const known = states.get(file);
  if (known) return known;
  // Only a text the fast path took is known to be plain data, block by block.
  if (!isFastParse(file.parsed)) return undefined;
  const value = file.parsed.value;
  if (file.parsed.problems.length > 0 || !isRecord(value) || !Array.isArray(value.claims)) return undefined;
  const layout = layoutOf(file.text);
  if (!layout || layout.starts.length !== value.claims.length) return undefined;
  const headerText = file.text.slice(0, layout.headerEnd);
  const header = parseYaml(headerText);
  if (header.problems.length > 0 || !isRecord(header.value)) return undefined;
  const blocks = layout.starts.map((_, i): Block => ({
    value: (value.claims as unknown[])[i],
    node: undefined,
    valid: undefined,
    claim: file.model.claims[i],
    index: i,
  }));
  const state: BlockState = { text: file.text, layout, header: { text: headerText, parsed: header, value: header.value }, blocks, headerSchema: undefined };
  states.set(file, state);
  return state;
}

/** One claim block parsed alone with the range-keeping parser; undefined if it is not plain data. */
function parseBlock(text: string, index: number): Block | undefined {
  const parsed = parseYaml(text);
  const seq = parsed.doc?.contents;
  if (parsed.problems.length > 0 || !yamlLib().isSeq(seq) || seq.items.length !== 1 || !Array.isArray(parsed.value)) return undefined;
  const node = seq.items[0] as Node;
  if (!plainTree(node)) return undefined;
  return { value: parsed.value[0], node, valid: undefined, claim: undefined, index };
}

/** No aliases or anchors (they could reach across blocks), and shallow enough for the nesting cap. */
function plainTree(root: Node): boolean {
  const { isAlias, isCollection, isPair, isScalar } = yamlLib();
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > 32 || isAlias(node)) return false;
    if ((isScalar(node) || isCollection(node)) && node.anchor) return false;
    if (isCollection(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          if (!isScalar(item.key)) return false;
          stack.push({ node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return true;
}

function assemble(path: string, text: string, state: BlockState): SidecarFile | undefined {
  const { header, blocks, layout } = state;
  const claimsValue = blocks.map((b) => b.value);
  const value: Record<string, unknown> = {};
  // Same key order as the whole-file value: the header's keys, `claims` where it stands.
  for (const key of Object.keys(header.value)) value[key] = key === 'claims' ? claimsValue : header.value[key];
  if (!('claims' in header.value)) return undefined;
  const parsed = new BlockParsed(text, value, header.parsed, blocks, layout);

  const headerModel = buildSidecar({ ...header.value, claims: [] });
  const claims = blocks.map((b, i) => {
    if (!b.claim || b.index !== i) {
      const built = buildSidecar({ claims: [b.value] }).claims[0] as Claim;
      b.claim = { ...built, index: i };
      b.index = i;
    }
    return b.claim;
  });
  const model = { ...headerModel, claims };
  const file: SidecarFile = {
    path,
    text,
    parsed,
    schema: schemaProblems(parsed, state),
    model,
    articlePath: model.article === undefined ? undefined : joinPath(dirname(path), model.article),
  };
  states.set(file, state);
  return file;
}

let claimValidator: ValidateFunction | undefined;

/** The claim definition alone: valid claims need no more, an invalid one gets the full report. */
function validClaim(value: unknown): boolean {
  if (!claimValidator) {
    const Ajv = ajvClass();
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    ajv.addSchema(claimsSchema);
    claimValidator = ajv.compile({ $ref: `${claimsSchema.$id}#/definitions/claim` });
  }
  return claimValidator(value) === true;
}

function schemaProblems(parsed: BlockParsed, state: BlockState): SchemaProblem[] {
  let allValid = true;
  for (const b of state.blocks) {
    b.valid ??= validClaim(b.value);
    if (!b.valid) allValid = false;
  }
  if (!allValid) return validateSidecar(parsed);
  // The header with no claims: its own problems. Their ranges lie in the header, the same in
  // every version while the header is unchanged.
  state.headerSchema ??= validateSidecar({
    text: parsed.text,
    get doc() {
      return parsed.doc;
    },
    value: { ...state.header.value, claims: [] },
    problems: [],
  });
  return state.headerSchema;
}

/** A ParsedYaml over blocks: the value at once, the Document built as far as it is walked. */
class BlockParsed implements ParsedYaml {
  readonly problems: YamlProblem[] = [];
  private built: Document.Parsed | undefined;

  constructor(
    readonly text: string,
    readonly value: unknown,
    private readonly header: ParsedYaml,
    private readonly blocks: Block[],
    private readonly layout: Layout,
  ) {}

  get doc(): Document.Parsed | undefined {
    this.built ??= graft(this.text, this.header, this.blocks, this.layout);
    return this.built;
  }
}

/**
 * The Document of a sidecar whose value is already known (from js-yaml), built claim by claim:
 * the header's nodes now, each claim's when a rule first asks about it. Undefined when the text
 * is not in block form; the caller then parses the whole file.
 */
export function sidecarDocument(text: string, value: unknown): Document.Parsed | undefined {
  if (!isRecord(value) || !Array.isArray(value.claims)) return undefined;
  const layout = layoutOf(text);
  if (!layout || layout.starts.length !== value.claims.length) return undefined;
  const header = parseYaml(text.slice(0, layout.headerEnd));
  if (header.problems.length > 0) return undefined;
  const claims = value.claims as unknown[];
  const blocks = layout.starts.map((_, i): Block => ({
    value: claims[i],
    node: undefined,
    valid: undefined,
    claim: undefined,
    index: i,
  }));
  return graft(text, header, blocks, layout);
}

/** The header's root map (cloned: header nodes are shared between versions) with a lazy `claims` sequence. */
function graft(text: string, header: ParsedYaml, blocks: Block[], layout: Layout): Document.Parsed | undefined {
  const { isMap, isScalar, YAMLSeq } = yamlLib();
  const root = header.doc?.contents;
  if (!isMap(root)) return undefined;
  const contents = root.clone() as typeof root;
  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === 'claims');
  if (!pair) return undefined;
  const seq = new YAMLSeq();
  // A block sequence starts at its first `-`, after the indentation.
  seq.range = [(layout.starts[0] as number) + layout.indent, text.length, text.length];
  const materialised: Array<Node | undefined> = new Array(blocks.length);
  const starts = layout.starts;
  seq.items = new Proxy(materialised, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^(?:0|[1-9][0-9]*)$/.test(prop)) {
        const i = Number(prop);
        if (i < blocks.length) return (target[i] ??= nodeAt(blocks[i] as Block, text, starts[i] as number, blockEnd(layout, i, text.length)));
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as unknown[];
  (pair as { value: unknown }).value = seq;
  return { contents } as unknown as Document.Parsed;
}

/** The claim's node at its place in this version of the text (a shifted copy of the block's). */
function nodeAt(block: Block, text: string, start: number, end: number): Node | undefined {
  if (!block.node) block.node = parseBlock(text.slice(start, end), block.index)?.node;
  if (!block.node) return undefined;
  const copy = block.node.clone() as Node;
  shift(copy, start);
  return copy;
}

function shift(root: unknown, by: number): void {
  const { isAlias, isCollection, isPair, isScalar } = yamlLib();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (isScalar(node) || isAlias(node) || isCollection(node)) {
      const r = node.range;
      if (r) node.range = [r[0] + by, r[1] + by, r[2] + by];
      if (isCollection(node)) for (const item of node.items as unknown[]) stack.push(item);
    }
  }
}
