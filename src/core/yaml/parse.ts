/**
 * Guarded YAML parsing: the only entry from text to a `yaml` Document (DESIGN §5, STYLE §6).
 * Never throws; every refusal or parse error comes back as a problem with offsets.
 */
import type { Composer, CST, Document, DocumentOptions, ParseOptions, SchemaOptions, YAMLError } from 'yaml';
import { DEFAULT_MAX_BYTES, MAX_NESTING, checkGuards } from './guards';
import { yamlLib } from './yamlLib';
import { plainYamlMessage } from './plainMessages';

export interface YamlProblem {
  rule: 'yaml-syntax' | 'merge-conflict';
  message: string;
  /** UTF-16 offsets into `text`. */
  start: number;
  end: number;
}

export interface ParsedYaml {
  text: string;
  /** Undefined when a guard refused to parse. */
  doc: Document.Parsed | undefined;
  /**
   * Plain JS. `__proto__` and other inherited names are own data properties, never prototypes.
   * Undefined when unusable (refused, or the alias cap was hit); `null` for an empty file.
   */
  value: unknown;
  problems: YamlProblem[];
}

const MAX_ALIAS_COUNT = 100;

/** A garbage file can yield a problem per line; beyond this many, one more says how many. */
export const MAX_PROBLEMS = 200;

// Core schema: no YAML 1.1 surprises (`no` is a string, `2025-03-11` stays a string); merge
// keys off (`<<` is an ordinary key, so no silent expansion); duplicate keys are errors, found by
// `inspect` in one pass (the library's own check compares each key with every earlier one).
const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  // Everything is reported as data; nothing should reach the console.
  logLevel: 'error',
};

export function parseYaml(text: string, options: { maxBytes?: number } = {}): ParsedYaml {
  try {
    const { flooded, ...parsed } = parseGuarded(crAsLineBreak(text), options.maxBytes ?? DEFAULT_MAX_BYTES);
    // Offsets hold for the original text: the normalisation keeps every length.
    return { ...parsed, text, problems: capped(parsed.problems, flooded === true) };
  } catch (error) {
    // Defence in depth: the guards should make this unreachable.
    const message = `could not parse: ${error instanceof Error ? error.message : String(error)}`;
    return refused(text, [{ rule: 'yaml-syntax', message, start: 0, end: 0 }]);
  }
}

const LONE_CR = /\r(?!\n)/g;

/**
 * A CR not followed by LF is a line break, as YAML 1.2 (§5.4), VS Code and our article reading
 * (DESIGN §2) all take it; the `yaml` package alone reads it as content, so it gets an LF in its
 * place (same length, so every offset holds). js-yaml's fast path reads the same text.
 */
export function crAsLineBreak(text: string): string {
  return text.includes('\r') && text.search(LONE_CR) >= 0 ? text.replace(LONE_CR, '\n') : text;
}

/** `flooded`: composing stopped at the cap, so the count of the rest is unknown. */
function capped(problems: YamlProblem[], flooded: boolean): YamlProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  const last = kept[kept.length - 1]!;
  const more = problems.length - MAX_PROBLEMS;
  const message = flooded ? `more than ${MAX_PROBLEMS} problems; the rest are not shown` : `${more} more problem${more === 1 ? '' : 's'} not shown`;
  kept.push({ rule: last.rule, message, start: last.start, end: last.end });
  return kept;
}

function refused(text: string, problems: YamlProblem[]): ParsedYaml {
  return { text, doc: undefined, value: undefined, problems };
}

function syntax(message: string, start: number, end: number): YamlProblem {
  return { rule: 'yaml-syntax', message, start, end };
}

function parseGuarded(text: string, maxBytes: number): ParsedYaml & { flooded?: boolean } {
  const guard = checkGuards(text, maxBytes);
  switch (guard?.kind) {
    case 'size':
    case 'binary':
      return refused(text, [syntax(guard.hit.message, guard.hit.start, guard.hit.end)]);
    case 'conflict':
      return refused(text, guard.hits.map((m) => ({ rule: 'merge-conflict', message: m.message, start: m.start, end: m.end })));
    case 'nesting':
      return refused(text, [syntax(`nesting deeper than ${MAX_NESTING}`, guard.at, guard.at + 1)]);
  }

  const composed = compose(text);
  if (composed.tooDeepAt !== undefined) {
    const at = composed.tooDeepAt;
    return refused(text, [syntax(`flow nesting deeper than ${MAX_NESTING}`, at, at + 1)]);
  }
  if (composed.flooded) {
    // One past the cap, so that `capped` says there are more without knowing how many.
    return { ...refused(text, composed.flooded.map((error) => fromYamlError(text, error))), flooded: true };
  }
  const doc = composed.doc;
  const problems: YamlProblem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) problems.push(fromYamlError(text, error));

  const shape = inspect(doc);
  if (shape.tooDeepAt !== undefined) {
    problems.push(syntax(`nesting deeper than ${MAX_NESTING}`, shape.tooDeepAt, shape.tooDeepAt + 1));
    return refused(text, problems);
  }
  for (const key of shape.duplicates) {
    const [start, end] = rangeOf(key, text);
    problems.push(syntax(`duplicate key ${keyName(key)}${DUPLICATE_ADVICE}`, start, end));
  }
  for (const key of shape.badKeys) {
    const [start, end] = rangeOf(key.node, text);
    problems.push(syntax(`mapping keys must be plain values, not ${key.kind}; this entry is ignored`, start, end));
  }

  let value: unknown;
  try {
    const source = shape.badKeys.length > 0 ? withoutPairs(doc, new Set(shape.badKeys.map((k) => k.pair))) : doc;
    value = source.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const [start, end] = shape.firstAlias ? rangeOf(shape.firstAlias, text) : [0, 0];
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT}): possible "billion laughs" attack`
        : `could not read the document: ${error instanceof Error ? error.message : String(error)}`;
    problems.push(syntax(message, start, end));
    value = undefined;
  }
  problems.sort((a, b) => a.start - b.start);
  return { text, doc, value, problems };
}

/**
 * `parseDocument` spelled out (lexer → parser → composer) so that the flow depth can be
 * counted on the lexer's own tokens, exactly as the parser will see them, and the tokens
 * stop before the composer's recursion ever meets a deep collection.
 */
function compose(text: string): { doc: Document.Parsed; tooDeepAt?: number; flooded?: YAMLError[] } {
  const yaml = yamlLib();
  const parser = new yaml.Parser();
  let tooDeepAt: number | undefined;
  function* tokens(): Generator<CST.Token> {
    let depth = 0;
    for (const lexeme of new yaml.Lexer().lex(text)) {
      if (lexeme === '[' || lexeme === '{') {
        if (++depth > MAX_NESTING) {
          tooDeepAt = parser.offset;
          return;
        }
      } else if (lexeme === ']' || lexeme === '}') {
        depth = Math.max(0, depth - 1);
      } else if (lexeme === yaml.CST.FLOW_END) {
        depth = 0; // the lexer abandoned an unterminated flow collection
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const composer = new yaml.Composer(OPTIONS);
  const errors = capErrors(composer);
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(tokens(), true, text.length)) {
      // A `...` with no content before it ends no document (YAML 1.2 §9.2, and js-yaml agrees).
      if (isNoDocument(next)) doc ??= next;
      else if (!doc || isNoDocument(doc)) doc = next;
      else {
        const [start, end] = next.range;
        doc.errors.push(new yaml.YAMLParseError([start, end], 'MULTIPLE_DOCS', 'a file holds one YAML document; remove the second "---"'));
        break;
      }
    }
  } catch (error) {
    if (error !== FLOODED) throw error;
    return { doc: EMPTY_DOC(), flooded: errors.slice(0, MAX_PROBLEMS + 1) };
  }
  // compose(…, forceDoc = true) always yields a document; the fallback only satisfies types.
  return { doc: doc ?? EMPTY_DOC(), tooDeepAt };
}

/** What the `yaml` package yields for a bare `...`: no `---`, no node (nor tag or anchor), nothing wrong. */
function isNoDocument(doc: Document.Parsed): boolean {
  if (doc.directives.docStart || doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const node = doc.contents as unknown;
  if (node === null) return true;
  const { isScalar, Scalar } = yamlLib();
  return isScalar(node) && node.type === Scalar.PLAIN && node.source === '' && !node.tag && !node.anchor;
}

/**
 * Garbage yields an error per line, and each error object costs a stack trace: 10,000 of them
 * took 120 ms of composing. The composer reports through its `onError` field (yaml 2.x keeps it
 * private in its types, so this reaches in, and does nothing if the field ever goes away); past
 * the cap it throws FLOODED, which stops composing. The file is unusable either way.
 * Returns the composer's list of errors, which the callback fills.
 */
function capErrors(composer: Composer): readonly YAMLError[] {
  const internals = composer as unknown as { onError?: unknown; errors?: unknown };
  const report = internals.onError;
  const errors = internals.errors;
  if (typeof report !== 'function' || !Array.isArray(errors)) return [];
  internals.onError = (source: unknown, code: unknown, message: unknown, warning?: boolean): void => {
    (report as (...args: unknown[]) => void)(source, code, message, warning);
    if (!warning && errors.length > MAX_PROBLEMS) throw FLOODED;
  };
  return errors as YAMLError[];
}

/** Thrown from the composer's error callback to stop it (never escapes `compose`). */
const FLOODED = new Error('too many problems');

const EMPTY_DOC = (): Document.Parsed => new (yamlLib().Composer)(OPTIONS).compose([], true, 0).next().value!;

function fromYamlError(text: string, error: { code: string; message: string; pos: [number, number] }): YamlProblem {
  const start = clamp(error.pos[0], text.length);
  const end = Math.max(start, clamp(error.pos[1], text.length));
  return syntax(plainYamlMessage(error.code, error.message, text.slice(start, end)), start, end);
}

/** What to do, in plain words (as plainMessages.ts says for the yaml package's own codes). */
const DUPLICATE_ADVICE = ': the mapping has it twice; keep one of them (YAML would silently use the last)';

/** Longer keys are named by their start and length. */
const KEY_SHOWN = 80;

function keyName(key: YamlNode): string {
  const { isScalar } = yamlLib();
  const value = isScalar(key) ? key.value : undefined;
  const name = value === null || value === undefined ? '' : String(value);
  return name.length > KEY_SHOWN ? `'${name.slice(0, KEY_SHOWN)}…' (${name.length} characters)` : `'${name}'`;
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, n), max) : 0;
}

type YamlNode = import('yaml').Node;

interface Shape {
  tooDeepAt?: number;
  badKeys: { pair: object; node: YamlNode; kind: string }[];
  /** Keys equal to an earlier key of their mapping (scalar values compared as the library does). */
  duplicates: YamlNode[];
  firstAlias?: YamlNode;
}

/**
 * One iterative walk (no recursion: depth is what we are checking) for total nesting,
 * non-scalar keys (converting them to JS stringifies each nested key again, which takes
 * seconds for a few hundred `? ? ?` levels) and the first alias, where an alias bomb is
 * reported.
 */
function inspect(doc: Document.Parsed): Shape {
  const { isAlias, isCollection, isPair, isScalar } = yamlLib();
  const shape: Shape = { badKeys: [], duplicates: [] };
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      if (!shape.firstAlias || start(node) < start(shape.firstAlias)) shape.firstAlias = node;
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth >= MAX_NESTING) {
      shape.tooDeepAt = start(node);
      return shape;
    }
    const keys = new Set<unknown>();
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key as unknown;
        if (key !== null && !isScalar(key) && (isAlias(key) || isCollection(key))) {
          shape.badKeys.push({ pair: item, node: key, kind: isAlias(key) ? 'aliases' : 'collections' });
          continue; // its insides are dropped with it
        }
        // A missing key is the null key; a Set compares scalar values as `===` does (1 ≠ '1').
        const value = isScalar(key) ? key.value : null;
        if (keys.has(value) && isScalar(key)) shape.duplicates.push(key);
        keys.add(value);
        stack.push({ node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return shape;
}

function start(node: YamlNode): number {
  return node.range?.[0] ?? 0;
}

function rangeOf(node: YamlNode, text: string): [number, number] {
  const range = node.range;
  if (!range) return [0, 0];
  return [clamp(range[0], text.length), clamp(Math.max(range[0], range[1]), text.length)];
}

/** A copy of `doc` without the given pairs (the original keeps them, for ranges and edits). */
function withoutPairs(doc: Document.Parsed, drop: Set<object>): Document.Parsed {
  const { isCollection, isPair } = yamlLib();
  const copy = doc.clone() as Document.Parsed;
  // A clone has the original's shape, so walk both in step and filter the copy's items.
  const stack: [unknown, unknown][] = [[doc.contents, copy.contents]];
  while (stack.length > 0) {
    const [original, cloned] = stack.pop()!;
    if (!isCollection(original) || !isCollection(cloned)) continue;
    const kept: unknown[] = [];
    original.items.forEach((item, index) => {
      if (drop.has(item as object)) return;
      const twin = cloned.items[index];
      kept.push(twin);
      stack.push(isPair(item) && isPair(twin) ? [item.value, twin.value] : [item, twin]);
    });
    cloned.items = kept as typeof cloned.items;
  }
  return copy;
}
