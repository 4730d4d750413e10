/**
 * The Claims view's tree as plain data: claims grouped by actor → commitment, by article, or
 * by commitment → actor. Group nodes carry counts; ids are paths of keys, so a group keeps its
 * id (and the view its expansion) while the dataset is edited.
 */
import { NONE, baseName, type Labels } from './labels';
import { hasProblems, type ClaimRow } from './rows';
import type { NoticeNode } from './notices';

export const GROUPINGS = ['actor', 'article', 'commitment'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export function isGrouping(value: unknown): value is Grouping {
  return typeof value === 'string' && (GROUPINGS as readonly string[]).includes(value);
}

export const GROUPING_TITLES: Record<Grouping, string> = {
  actor: 'Actor → Commitment → Claim',
  article: 'Article → Claim',
  commitment: 'Commitment → Actor → Claim',
};

export type GroupDimension = 'dataset' | 'actor' | 'commitment' | 'article';

export interface GroupNode {
  kind: 'group';
  id: string;
  dimension: GroupDimension;
  /** The actor id, commitment id or article path ('(none)' for claims lacking it). */
  key: string;
  label: string;
  /** Secondary text: the article's file name when the label is its title. */
  detail?: string;
  count: number;
  /** Claims below with a problem (a badge or an error/warning). */
  problems: number;
  children: ExploreNode[];
}

export interface ClaimNode {
  kind: 'claim';
  id: string;
  row: ClaimRow;
}

/** A notice (a file that cannot be read) stands at the top of the Claims view, before the groups. */
export type ExploreNode = GroupNode | ClaimNode | NoticeNode;

type Level = Exclude<GroupDimension, 'dataset'>;

const LEVELS: Record<Grouping, Level[]> = {
  actor: ['actor', 'commitment'],
  article: ['article'],
  commitment: ['commitment', 'actor'],
};

export function groupClaims(rows: readonly ClaimRow[], grouping: Grouping, labels: Labels, idPrefix = ''): ExploreNode[] {
  return build([...rows].sort(byPlace), LEVELS[grouping], labels, `${idPrefix}${grouping}:`);
}

function build(rows: ClaimRow[], levels: Level[], labels: Labels, prefix: string): ExploreNode[] {
  const [level, ...rest] = levels;
  if (!level) return rows.map((row) => ({ kind: 'claim', id: `${prefix}${row.key}`, row }));
  const buckets = new Map<string, ClaimRow[]>();
  for (const r of rows) {
    const k = keyOf(r, level);
    const list = buckets.get(k);
    if (list) list.push(r);
    else buckets.set(k, [r]);
  }
  const groups: GroupNode[] = [...buckets].map(([key, list]) => {
    const title = level === 'article' ? list[0]?.articleTitle : undefined;
    const id = `${prefix}${level}=${key}`;
    return {
      kind: 'group',
      id,
      dimension: level,
      key,
      label: labelOf(level, key, labels, title),
      detail: level === 'article' && title !== undefined ? baseName(key) : undefined,
      count: list.length,
      problems: list.filter(hasProblems).length,
      children: build(list, rest, labels, `${id}/`),
    };
  });
  // Articles read best in file order (dates lead the names); actors and commitments most-claimed first, as `claimbook stats` lists them.
  return groups.sort(level === 'article' ? (a, b) => compare(a.key, b.key) : (a, b) => b.count - a.count || compare(a.key, b.key));
}

function keyOf(r: ClaimRow, level: Level): string {
  const v = level === 'article' ? r.articlePath : r[level];
  return v ?? NONE;
}

function labelOf(level: Level, key: string, labels: Labels, title: string | undefined): string {
  if (level === 'actor') return labels.actor(key);
  if (level === 'commitment') return labels.commitment(key);
  return key === NONE ? '(no article)' : labels.article(key, title);
}

/** Article, then position in it; claims without a span last, in sidecar order. */
function byPlace(a: ClaimRow, b: ClaimRow): number {
  const pa = a.articlePath ?? a.sidecarPath;
  const pb = b.articlePath ?? b.sidecarPath;
  if (pa !== pb) return compare(pa, pb);
  if (a.span && b.span) return a.span.start - b.span.start || a.span.end - b.span.end || a.index - b.index;
  if (a.span || b.span) return a.span ? -1 : 1;
  return a.index - b.index;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every node of a forest, parents before children. */
export function* walk<T extends object>(nodes: readonly T[]): Generator<T> {
  for (const n of nodes) {
    yield n;
    const children = (n as { children?: readonly T[] }).children;
    if (children) yield* walk(children);
  }
}
