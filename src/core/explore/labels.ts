/** Human names for ids (from the codebook, falling back to the id) and short texts for nodes. */
import type { Codebook } from '../model/codebook';

/** What group nodes are called when a claim lacks the id (the same key `claimbook stats` counts under). */
export const NONE = '(none)';

export interface Labels {
  actor(id: string): string;
  commitment(id: string): string;
  stance(id: string): string;
  article(path: string, title?: string): string;
}

export function labelsOf(codebook: Codebook | undefined): Labels {
  return {
    actor: (id) => (id === NONE ? '(no actor)' : codebook?.actors.get(id)?.name ?? id),
    commitment: (id) => (id === NONE ? '(no commitment)' : codebook?.commitments.get(id)?.label ?? id),
    stance: (id) => (id === NONE ? '(no stance)' : codebook?.stances.get(id)?.label ?? id),
    article: (path, title) => title ?? baseName(path),
  };
}

/** `articles/2025-03-11-x.txt` → `2025-03-11-x`. */
export function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** A quote fit for one line: whitespace collapsed, cut at a word boundary with an ellipsis. */
export function shortQuote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function countText(n: number, noun = 'claim'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
