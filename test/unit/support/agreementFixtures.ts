/** Hand-made sources for the agreement tests: claims placed on in-memory article texts. */
import { TextIndex, type AgreementSource, type Claim, type PlacedClaim } from '../../../src/core';

let ids = 0;
export function claim(fields: Partial<Claim> = {}): Claim {
  return { index: ids, id: `c-${ids++}`, actor: 'macron', commitment: 'aid', stance: 'pledge', condition: undefined, fields: new Map(), speaker: undefined, annotator: undefined, note: undefined, quote: undefined, ...fields };
}

export function placed(start: number, end: number, fields: Partial<Claim> = {}): PlacedClaim {
  return { claim: claim(fields), start, end };
}

export function source(name: string, articles: Record<string, [string, PlacedClaim[]]>): AgreementSource {
  return {
    name,
    notes: [],
    articles: new Map(Object.entries(articles).map(([path, [text, claims]]) => [path, { path, index: TextIndex.of(text), claims, annotated: true }])),
  };
}
