/**
 * Loaded files: text in, parsed and validated data out. Pure functions of their text, so the
 * dataset can cache them by content.
 */
import { TextIndex } from '../text/textIndex';
import { parseYaml, type ParsedYaml } from '../yaml/parse';
import { validateCodebook, validateSidecar, type SchemaProblem } from '../schema/validate';
import { buildCodebook, type Codebook } from '../model/codebook';
import { buildSidecar, type Sidecar } from '../model/sidecar';
import { SIDECAR_SUFFIX } from './host';

export interface YamlFile {
  path: string;
  text: string;
  parsed: ParsedYaml;
  schema: SchemaProblem[];
}

export interface CodebookFile extends YamlFile {
  model: Codebook;
}

export interface SidecarFile extends YamlFile {
  model: Sidecar;
  /** Dataset-relative path of the article it names (resolved against its folder). */
  articlePath: string | undefined;
}

export interface ArticleFile {
  path: string;
  /** Undefined when the file could not be used (`problem` says why). */
  index: TextIndex | undefined;
  problem?: string;
  /** The host's native SHA-256 (Host.sha256Hex), when it has one; the core's otherwise. */
  sha256Hex?: (text: string) => string;
}

export function loadCodebookFile(path: string, text: string): CodebookFile {
  return codebookFileOf(path, text, parseYaml(text));
}

/** A codebook file from its parse, whichever parser made it. */
export function codebookFileOf(path: string, text: string, parsed: ParsedYaml): CodebookFile {
  return { path, text, parsed, schema: validateCodebook(parsed), model: buildCodebook(parsed.problems.length === 0 ? parsed.value : undefined) };
}

export function loadSidecarFile(path: string, text: string): SidecarFile {
  return sidecarFileOf(path, text, parseYaml(text));
}

/** A sidecar file from its parse, whichever parser made it. */
export function sidecarFileOf(path: string, text: string, parsed: ParsedYaml): SidecarFile {
  // Claims from a file that did not parse cleanly are not trusted by any rule.
  const model = buildSidecar(parsed.problems.length === 0 ? parsed.value : undefined);
  let schema: SchemaProblem[] | undefined;
  return {
    path,
    text,
    parsed,
    // Validated when first asked for: with the schema rule off (claimbook agree, export) never.
    get schema() {
      return (schema ??= validateSidecar(parsed));
    },
    model,
    articlePath: model.article === undefined ? undefined : joinPath(dirname(path), model.article),
  };
}

export function loadArticleFile(path: string, text: string, sha256Hex?: (text: string) => string): ArticleFile {
  // Plain (no NUL, CR or surrogate) is known without a scan for a text the editor just indexed.
  const index = TextIndex.of(text);
  // A NUL never occurs in prose; it means a binary file that happens to end in .txt.
  if (!index.plain && text.includes('\0')) return { path, index: undefined, problem: 'binary file (contains NUL bytes)' };
  const file: ArticleFile = { path, index };
  if (sha256Hex) file.sha256Hex = sha256Hex;
  return file;
}

export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX);
}

/** `a/b/x.claims.yaml` → `a/b/x` (the stem its article shares). */
export function sidecarStem(path: string): string {
  return path.slice(0, -SIDECAR_SUFFIX.length);
}

/** `a/b/x.txt` → `a/b/x`. */
export function articleStem(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(0, dot) : path;
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Joins and normalises `.`/`..`; a path escaping the root keeps its leading `..`. */
export function joinPath(dir: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${dir}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
