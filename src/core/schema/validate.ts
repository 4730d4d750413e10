/**
 * Schema validation of codebooks and sidecars with ajv, each error mapped to the exact YAML
 * node it is about (STYLE §6–7). `schemas/*.schema.json` are the single source, shared with
 * the editor's `yamlValidation`.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from './ajvLib';
import codebookSchema from '../../../schemas/codebook.schema.json';
import claimsSchema from '../../../schemas/claims.schema.json';
import type { ParsedYaml } from '../yaml/parse';
import { firstKeyRange, nodeRange, pointerToPath, type PathSegment } from '../yaml/ranges';
import { scalarAt } from '../yaml/scalars';
import {
  emptyFile,
  keyNameOf,
  missingKey,
  patternMessage,
  show,
  subjectOf,
  typeMessage,
  unknownKey,
  walk,
  type FileKind,
} from './messages';

export interface SchemaProblem {
  message: string;
  start: number;
  end: number;
  /** JSON pointer of the node the range covers (for key problems, of that key's entry). */
  pointer: string;
}

interface Compiled {
  codebook: ValidateFunction;
  sidecar: ValidateFunction;
}

let compiled: Compiled | undefined;

/** Compiled on first use and kept: compiling costs far more than validating. */
function validators(): Compiled {
  if (!compiled) {
    // verbose: errors carry their data and parent schema, for the wording.
    const Ajv = ajvClass();
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    compiled = { codebook: ajv.compile(codebookSchema), sidecar: ajv.compile(claimsSchema) };
  }
  return compiled;
}

export function validateCodebook(parsed: ParsedYaml): SchemaProblem[] {
  return validate(parsed, 'codebook', validators().codebook, codebookSchema.required);
}

export function validateSidecar(parsed: ParsedYaml): SchemaProblem[] {
  return validate(parsed, 'sidecar', validators().sidecar, claimsSchema.required);
}

function validate(parsed: ParsedYaml, kind: FileKind, check: ValidateFunction, required: readonly string[]): SchemaProblem[] {
  const value = parsed.value;
  if (value === undefined) return [];
  if (value === null) return [{ message: emptyFile(kind, required), start: 0, end: 0, pointer: '' }];
  if (check(value)) return [];
  const errors = check.errors ?? [];
  // ajv reports a bad key twice: the inner error (`pattern`, with `propertyName`) says why.
  const explainedKeys = new Set(errors.filter((e) => e.propertyName !== undefined).map((e) => `${e.instancePath}\0${e.propertyName}`));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue; // its `then` branch reports the actual problem
    if (error.keyword === 'propertyNames' && explainedKeys.has(`${error.instancePath}\0${String(error.params.propertyName)}`)) continue;
    const problem = toProblem(parsed, kind, error);
    const id = `${problem.start}:${problem.end}:${problem.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems.sort((a, b) => a.start - b.start || a.end - b.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

function encodePointer(path: readonly PathSegment[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function toProblem(parsed: ParsedYaml, kind: FileKind, error: ErrorObject): SchemaProblem {
  const root = parsed.value;
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;

  if (error.propertyName !== undefined) {
    // An error about a key (propertyNames): point at the key.
    const keyPath = [...path, error.propertyName];
    const subject = `${keyNameOf(path)} "${error.propertyName}"`;
    const message =
      error.keyword === 'pattern' ? patternMessage(subject, String(params.pattern), error.propertyName) : `${subject} ${error.message ?? 'is not allowed'}`;
    return at(parsed, keyPath, 'key', message);
  }

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return at(parsed, [...path, key], 'key', unknownKey(key, path, root));
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      return at(parsed, [...path, key], 'key', `${keyNameOf(path)} "${key}" is not allowed`);
    }
    case 'required':
      return atMap(parsed, path, missingKey(String(params.missingProperty), path, root));
    case 'uniqueItems': {
      const later = Number(params.i);
      const earlier = Number(params.j);
      const item = walk(root, [...path, later]);
      const message = `${subjectOf(path, root, kind)} lists ${show(item)} twice (items ${earlier + 1} and ${later + 1})`;
      return at(parsed, [...path, later], 'value', message);
    }
    default:
      return at(parsed, path, 'value', valueMessage(parsed, kind, error, path));
  }
}

function valueMessage(parsed: ParsedYaml, kind: FileKind, error: ErrorObject, path: PathSegment[]): string {
  const root = parsed.value;
  const subject = subjectOf(path, root, kind);
  const params = error.params as Record<string, unknown>;
  const data: unknown = error.data;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(',');
      return typeMessage(subject, expected, data, scalarAt(parsed, path));
    }
    case 'enum':
      return `${subject} must be one of: ${(params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'const':
      return `${subject} must be ${show(params.allowedValue)}, not ${show(data)}`;
    case 'pattern':
      return patternMessage(subject, String(params.pattern), data);
    case 'minLength':
      return Number(params.limit) === 1 ? `${subject} must not be empty` : `${subject} must have at least ${String(params.limit)} characters`;
    case 'minItems':
    case 'maxItems': {
      const limit = Number(params.limit);
      const n = (count: number): string => `${count} item${count === 1 ? '' : 's'}`;
      if (parent.minItems === parent.maxItems) return `${subject} must have exactly ${n(limit)}`;
      return `${subject} must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${n(limit)}`;
    }
    case 'minimum':
      return `${subject} must be ${String(params.limit)} or more`;
    default:
      return `${subject} ${error.message ?? 'is not valid'}`;
  }
}

function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  const lineEnd = newline < 0 || newline > end ? end : text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
  return Math.max(start, lineEnd);
}

function at(parsed: ParsedYaml, path: PathSegment[], part: 'key' | 'value', message: string): SchemaProblem {
  let range = nodeRange(parsed, path, part);
  // An empty value (`name:`) has a zero-width range after the colon: underline the key too.
  if (range.exact && range.start === range.end && path.length > 0) range = nodeRange(parsed, path, 'pair');
  // The root node is the whole file: one line of underline says enough.
  const end = path.length === 0 ? firstLineEnd(parsed.text, range.start, range.end) : range.end;
  return { message, start: range.start, end, pointer: encodePointer(path) };
}

/**
 * A problem about a whole map (a missing key): underline the map's own key in its parent,
 * or, for maps without one (the root, list items), their first key.
 */
function atMap(parsed: ParsedYaml, path: PathSegment[], message: string): SchemaProblem {
  const last = path[path.length - 1];
  const hasKey = last !== undefined && !Array.isArray(walk(parsed.value, path.slice(0, -1)));
  if (hasKey) return at(parsed, path, 'key', message);
  const first = firstKeyRange(parsed, path);
  if (first) return { message, start: first.start, end: first.end, pointer: encodePointer(path) };
  return at(parsed, path, 'value', message);
}
