/** Three-way merges of dataset files for `claimbook merge-driver` (issue 14). */
import { mergeCodebook } from './codebook';
import type { Labels } from './markers';
import type { MergeOutcome } from './outcome';
import { mergeSidecar } from './sidecar';

export { mergeCodebook } from './codebook';
export { mergeSidecar, type SidecarMergeOptions } from './sidecar';
export { settleByArticle } from './anchor';
export { withMarkers, DEFAULT_LABELS, type Labels } from './markers';
export type { MergeOutcome } from './outcome';

export type MergeKind = 'sidecar' | 'codebook' | undefined;

/** Which merge a path takes (by file name, as `.gitattributes` routes them). */
export function mergeKind(path: string): MergeKind {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (name === 'claimbook.yaml') return 'codebook';
  if (name.endsWith('.claims.yaml')) return 'sidecar';
  return undefined;
}

export interface MergeInput {
  path: string;
  base: string;
  ours: string;
  theirs: string;
  labels?: Labels;
  /** Reads the article a sidecar names, to settle re-anchored quotes (sidecars only). */
  article?: (name: string) => string | undefined;
}

export function mergeDatasetFile(input: MergeInput): MergeOutcome {
  const kind = mergeKind(input.path);
  if (kind === 'codebook') return mergeCodebook(input.base, input.ours, input.theirs, input.labels);
  if (kind === 'sidecar') {
    return mergeSidecar(input.base, input.ours, input.theirs, { labels: input.labels, article: input.article });
  }
  return { kind: 'fallback', reason: `${input.path} is neither a sidecar nor the codebook` };
}
