/** Where findings point: YAML nodes by path, claim spans in articles. Shared by the rules. */
import { nodeRange, type PathSegment } from '../yaml/ranges';
import type { YamlFile, ArticleFile } from '../dataset/files';
import type { Related } from '../model/finding';
import type { AnchoredClaim, SidecarContext } from './rule';

export interface Place {
  file: string;
  start: number;
  end: number;
}

export function at(file: YamlFile, path: PathSegment[], part: 'key' | 'value' | 'pair' = 'value'): Place {
  const r = nodeRange(file.parsed, path, part);
  return { file: file.path, start: r.start, end: r.end };
}

export function claimPath(claim: { index: number }, ...rest: PathSegment[]): PathSegment[] {
  return ['claims', claim.index, ...rest];
}

/** The claim's span in the article (raw UTF-16 offsets), when it is anchored somewhere. */
export function spanInArticle(article: ArticleFile | undefined, c: AnchoredClaim): Place | undefined {
  if (!article?.index || !c.anchor) return undefined;
  return {
    file: article.path,
    start: article.index.cpToRaw(c.anchor.start),
    end: article.index.cpToRaw(c.anchor.end),
  };
}

/** Where to report something about a claim: its span in the article, else its id in the sidecar. */
export function claimPlace(ctx: SidecarContext, c: AnchoredClaim): Place {
  return spanInArticle(ctx.article, c) ?? at(ctx.sidecar, claimPath(c.claim, 'id'));
}

export function related(place: Place, message: string): Related {
  return { ...place, message };
}

export function describeClaim(c: AnchoredClaim): string {
  return c.claim.id === undefined ? `claim #${c.claim.index + 1}` : `claim ${c.claim.id}`;
}
