/**
 * Human wording for schema errors: what is wrong, named the way an annotator thinks of it
 * ("actor "macron"", "claim "c-4k9x2m"") rather than as a JSON pointer.
 */
import type { PathSegment } from '../yaml/ranges';
import type { ScalarInfo } from '../yaml/scalars';

export type FileKind = 'codebook' | 'sidecar';

/** Maps whose entries are named things: `actors.macron` is `actor "macron"`. */
const ENTRY_NAMES: Record<string, string> = { actors: 'actor', commitments: 'commitment', stances: 'stance' };

/** What the keys of a map are called, for messages about a key itself. */
const KEY_NAMES: Record<string, string> = { actors: 'actor id', commitments: 'commitment id', stances: 'stance id', fields: 'field name' };

function child(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value)) return value[Number(segment)];
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, segment)) {
    return (value as Record<string, unknown>)[String(segment)];
  }
  return undefined;
}

function isIndex(segment: PathSegment | undefined): boolean {
  return typeof segment === 'number' || (typeof segment === 'string' && /^(?:0|[1-9][0-9]*)$/.test(segment));
}

/**
 * Name of the thing at `path`: `actor "macron"`, `field "location" of commitment "troops"`,
 * `claim "c-1"`, `"quote" of claim "c-1"`, `item 2 of "aliases"`; undefined for the root.
 */
export function nameOf(path: readonly PathSegment[], root: unknown): string | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1]!;
  const parentPath = path.slice(0, -1);
  const parentKey = parentPath[parentPath.length - 1];
  if (path.length === 2 && typeof path[0] === 'string' && ENTRY_NAMES[path[0]] && !isIndex(path[0])) {
    return `${ENTRY_NAMES[path[0]]} "${last}"`;
  }
  if (path.length === 4 && path[0] === 'commitments' && path[2] === 'fields') {
    return `field "${last}" of commitment "${path[1]}"`;
  }
  if (path.length === 2 && path[0] === 'claims' && isIndex(last)) {
    const claim = child(child(root, 'claims'), last);
    const id = child(claim, 'id');
    return typeof id === 'string' && id !== '' ? `claim "${id}"` : `claim ${Number(last) + 1}`;
  }
  if (path.length === 2 && path[0] === 'contradictions' && isIndex(last)) return `contradiction ${Number(last) + 1}`;
  const owner = nameOf(parentPath, root);
  if (isIndex(last) && Array.isArray(walk(root, parentPath))) {
    return `item ${Number(last) + 1} of ${owner ?? `"${String(parentKey)}"`}`;
  }
  return owner && !owner.startsWith('"') && !owner.startsWith('item') ? `"${last}" of ${owner}` : `"${last}"`;
}

/** Short name for value messages (the range already shows where): `"type"`, `item 2 of "aliases"`. */
export function subjectOf(path: readonly PathSegment[], root: unknown, kind: FileKind): string {
  const last = path[path.length - 1];
  if (last === undefined) return `the ${kind}`;
  if (isIndex(last) && Array.isArray(walk(root, path.slice(0, -1)))) {
    if (path.length === 2) return nameOf(path, root) ?? `item ${Number(last) + 1}`;
    const parentKey = path[path.length - 2];
    return parentKey === undefined || isIndex(parentKey) ? `item ${Number(last) + 1}` : `item ${Number(last) + 1} of "${parentKey}"`;
  }
  return `"${last}"`;
}

export function walk(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) value = child(value, segment);
  return value;
}

/** What the keys of the map at `mapPath` are called: "actor id", "field name", "key". */
export function keyNameOf(mapPath: readonly PathSegment[]): string {
  const last = mapPath[mapPath.length - 1];
  return typeof last === 'string' && KEY_NAMES[last] ? KEY_NAMES[last] : 'key';
}

export function unknownKey(key: string, mapPath: readonly PathSegment[], root: unknown): string {
  const owner = nameOf(mapPath, root);
  return owner ? `unknown key "${key}" in ${owner}` : `unknown top-level key "${key}"`;
}

export function missingKey(key: string, mapPath: readonly PathSegment[], root: unknown): string {
  const owner = nameOf(mapPath, root);
  return owner ? `missing required key "${key}" in ${owner}` : `missing required top-level key "${key}"`;
}

export function emptyFile(kind: FileKind, required: readonly string[]): string {
  const keys = required.map((k) => `"${k}"`);
  const list = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}` : (keys[0] ?? '');
  return `the file is empty; a ${kind} needs ${keys.length > 1 ? 'the keys' : 'the key'} ${list}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a map (key: value pairs)',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  // Numbers and booleans are short: show them.
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return 'a string';
}

function joinOr(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : (items[0] ?? '');
}

/** Why a plain scalar is not a string: YAML's core schema typed it. */
function typingHint(scalar: ScalarInfo | undefined): string | undefined {
  if (!scalar || scalar.source === undefined || typeof scalar.value === 'string') return undefined;
  const { source, value } = scalar;
  if (typeof value === 'number') {
    return String(value) === source ? `${source} was read as a number` : `${source} was read as the number ${String(value)}`;
  }
  if (typeof value === 'boolean') return `${source} was read as the boolean ${String(value)}`;
  if (value === null && source !== '') return `${source} was read as null`;
  return undefined;
}

export function typeMessage(subject: string, expected: string[], actual: unknown, scalar: ScalarInfo | undefined): string {
  const wanted = joinOr(expected.map((t) => TYPE_NAMES[t] ?? t));
  const hint = expected.includes('string') ? typingHint(scalar) : undefined;
  if (hint) return `${subject} must be ${wanted} (${hint}; put it in quotes)`;
  if (actual === null || actual === undefined) return `${subject} has no value; it must be ${wanted}`;
  return `${subject} must be ${wanted}, not ${kindOf(actual)}`;
}

/** Kebab-case version of a string, offered as the fix for an id. */
export function toKebab(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What each schema pattern means, in words (keyed by the pattern text of the schemas). */
const PATTERNS: Record<string, (value: string) => string> = {
  '^[a-z0-9]+(-[a-z0-9]+)*$': (value) => {
    const suggestion = toKebab(value);
    return `must be lower-kebab-case (lowercase letters and digits joined by single hyphens)${suggestion && suggestion !== value ? `, e.g. "${suggestion}"` : ''}`;
  },
  '^Q[0-9]+$': () => 'must be a Wikidata item id such as Q3052772',
  '^[0-9a-f]{64}$': () => 'must be 64 lowercase hexadecimal digits (a SHA-256)',
  '^[A-Za-z0-9][A-Za-z0-9_-]*$': () => 'must start with a letter or digit and hold only letters, digits, "-" and "_"',
  '^[A-Za-z][A-Za-z0-9_-]*$': () => 'must start with a letter and hold only letters, digits, "_" and "-"',
  '^[0-9]{4}(-[0-9]{2}(-[0-9]{2}([T ].+)?)?)?$': () => 'must be an ISO 8601 date such as 2025-03-11',
  '^[^\\s:][^\\s]*:[A-Za-z0-9][A-Za-z0-9_-]*$': () => 'must be <source>:<claim id> without spaces, such as git:main:c-4k9x2m (set by curation)',
};

export function knownPatterns(): string[] {
  return Object.keys(PATTERNS);
}

export function patternMessage(subject: string, pattern: string, value: unknown): string {
  const explain = PATTERNS[pattern];
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return explain ? `${subject} ${explain(typeof value === 'string' ? value : '')}` : `${subject} must match the pattern ${pattern} ("${shown}" does not)`;
}

export function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}
