/** The text of a sidecar that does not exist yet, in canonical form. */
import { renderScalar } from '../fixes/yamlEdit';
import { DEFAULT_LAYOUT, renderClaimBlock, type NewClaim } from './renderClaim';

export interface NewSidecar {
  /** The article's file name, relative to the sidecar's folder. */
  article: string;
  /** SHA-256 of the normalised article text the anchors were made on, when that text is saved. */
  textSha256?: string;
  claims: readonly NewClaim[];
}

export function newSidecarText(sidecar: NewSidecar, eol = '\n'): string {
  const lines = [`article: ${renderScalar(sidecar.article)}`];
  if (sidecar.textSha256) lines.push(`text-sha256: ${sidecar.textSha256}`);
  const sorted = [...sidecar.claims].sort((a, b) => a.quote.start - b.quote.start);
  if (sorted.length === 0) lines.push('claims: []');
  else lines.push('claims:', sorted.map((c) => renderClaimBlock(c, DEFAULT_LAYOUT, eol)).join(eol + eol));
  return lines.join(eol) + eol;
}

/** `a/b/x.txt` → `a/b/x.claims.yaml`: the sidecar path DESIGN §1 gives an article. */
export function sidecarPathFor(articlePath: string): string {
  const slash = articlePath.lastIndexOf('/');
  const dot = articlePath.lastIndexOf('.');
  const stem = dot > slash + 1 ? articlePath.slice(0, dot) : articlePath;
  return `${stem}.claims.yaml`;
}

/** The article's name as its sidecar names it (same folder: the base name). */
export function articleNameFor(articlePath: string): string {
  return articlePath.slice(articlePath.lastIndexOf('/') + 1);
}
