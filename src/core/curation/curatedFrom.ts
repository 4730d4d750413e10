/**
 * `curated-from: <source>:<id>` (DESIGN §6): the claim of a compared source that a curated claim
 * was taken from or settled against. A source is named by its kind and what identifies it
 * (`git:main`, `folder:alice`, `annotator:bob`); ids never hold a colon, so the id is what
 * follows the last one.
 */
export type SourceKind = 'folder' | 'git' | 'annotator';

/** `git:main`, with whitespace (invalid in the value) replaced by `-`. */
export function sourceLabel(kind: SourceKind, name: string): string {
  return `${kind}:${name.trim().replace(/\s+/g, '-') || '-'}`;
}

export function curatedFromValue(source: string, id: string): string {
  return `${source}:${id}`;
}

/** `{ source, id }` of a curated-from value; undefined when it is not `<source>:<id>`. */
export function parseCuratedFrom(value: string | undefined): { source: string; id: string } | undefined {
  if (value === undefined) return undefined;
  const at = value.lastIndexOf(':');
  if (at <= 0 || at === value.length - 1) return undefined;
  return { source: value.slice(0, at), id: value.slice(at + 1) };
}
