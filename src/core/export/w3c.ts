/**
 * W3C Web Annotation Data Model (JSON-LD): an AnnotationCollection whose one embedded page holds
 * an Annotation per claim. The target carries a TextQuoteSelector and a TextPositionSelector (code
 * points into the normalised text, as the model requires); the claim itself is a structured body
 * (terms of our own vocabulary in a second context), with TextualBody tags beside it for tools
 * that only read tags. Written one annotation per line, so a large collection streams.
 */
import type { CheckResult } from '../dataset/check';
import { entriesObject, type ExportOutput } from './output';
import { exportArticles, type ExportArticle, type ExportClaim, type ExportCounts, type ExportOptions } from './record';
import type { ImportedClaim, ImportProblem } from './importTypes';
import { claimIds, optionalString, optionalValues, requiredString } from './importValues';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our IRIs: stable, machine-independent names of the dataset's articles and claims. */
export const CLAIMBOOK_IRI = 'urn:claimbook:';
const VOCAB = `${CLAIMBOOK_IRI}vocab#`;

const CONTEXT = [
  ANNO_CONTEXT,
  {
    cb: VOCAB,
    Claim: 'cb:Claim',
    claimId: 'cb:claimId',
    actor: 'cb:actor',
    actorName: 'cb:actorName',
    commitment: 'cb:commitment',
    commitmentLabel: 'cb:commitmentLabel',
    commitmentAncestors: { '@id': 'cb:commitmentAncestors', '@container': '@list' },
    stance: 'cb:stance',
    stanceLabel: 'cb:stanceLabel',
    condition: 'cb:condition',
    fields: { '@id': 'cb:fields', '@type': '@json' },
    speaker: 'cb:speaker',
    note: 'cb:note',
  },
];

/** A path as IRI characters: each segment percent-encoded, slashes kept. */
export function articleIri(path: string): string {
  return `${CLAIMBOOK_IRI}article:${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** One claim as an Annotation; `source` is the article's IRI (`articleIri`), made once per article. */
export function annotation(article: ExportArticle, c: ExportClaim, id: string, source = articleIri(article.article)): Record<string, unknown> {
  // Keys assigned in order rather than spread in: 50,000 claims, and the output's key order is the contract.
  const claim: Record<string, unknown> = { type: 'Claim', claimId: c.id, actor: c.actor.id };
  if (c.actor.name !== null) claim.actorName = c.actor.name;
  claim.commitment = c.commitment.id;
  if (c.commitment.label !== null) claim.commitmentLabel = c.commitment.label;
  claim.commitmentAncestors = c.commitment.ancestors;
  claim.stance = c.stance.id;
  if (c.stance.label !== null) claim.stanceLabel = c.stance.label;
  if (c.condition !== null) claim.condition = c.condition;
  if (c.fields.length > 0) claim.fields = entriesObject(c.fields);
  if (c.speaker !== null) claim.speaker = c.speaker;
  if (c.note !== null) claim.note = c.note;
  const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
  const out: Record<string, unknown> = { id, type: 'Annotation', motivation: 'classifying' };
  if (c.annotator !== null) out.creator = { type: 'Person', name: c.annotator };
  out.body = [claim, tag(c.actor.id), tag(c.commitment.id), tag(c.stance.id)];
  out.target = {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: c.quote.exact, prefix: c.quote.prefix, suffix: c.quote.suffix },
      { type: 'TextPositionSelector', start: c.start, end: c.end },
    ],
  };
  return out;
}

export function exportW3c(result: CheckResult, options: ExportOptions, counts: ExportCounts): ExportOutput {
  const collection = `${CLAIMBOOK_IRI}collection`;
  function* chunks(): Generator<string> {
    const head = JSON.stringify({ '@context': CONTEXT, id: collection, type: 'AnnotationCollection', label: 'Claimbook claims' });
    const seen = new Set<string>();
    const pending: string[] = [];
    let total = 0;
    for (const a of exportArticles(result, options, counts)) {
      const base = `${CLAIMBOOK_IRI}claim:${a.sidecar.split('/').map(encodeURIComponent).join('/')}#`;
      const source = articleIri(a.article);
      a.claims.forEach((c, i) => {
        // Ids repeat only with --include-invalid (duplicate-claim-id); the IRI must still be unique.
        let id = `${base}${encodeURIComponent(c.id || `claim-${i + 1}`)}`;
        for (let n = 2; seen.has(id); n++) id = `${id.replace(/~\d+$/, '')}~${n}`;
        seen.add(id);
        total++;
        if (total === 1) pending.push(`${head.slice(0, -1)},"first":{"id":"${collection}/page-1","type":"AnnotationPage","partOf":"${collection}","startIndex":0,"items":[\n`);
        pending.push(`${total === 1 ? '' : ',\n'}${JSON.stringify(annotation(a, c, id, source))}`);
      });
      yield* pending.splice(0);
    }
    // A collection with no annotations has no page (a page MUST hold one or more).
    yield total === 0 ? `${head.slice(0, -1)},"total":0}\n` : `\n]},"total":${total}}\n`;
  }
  return { kind: 'stream', chunks: chunks() };
}

/** The annotations of a collection (its embedded pages), a page, a list or one annotation. */
function annotationsOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (typeof doc !== 'object' || doc === null) return undefined;
  const d = doc as Record<string, unknown>;
  const types = ([] as unknown[]).concat(d.type ?? []);
  if (types.includes('Annotation')) return [doc];
  if (types.includes('AnnotationPage')) return Array.isArray(d.items) ? d.items : [];
  if (types.includes('AnnotationCollection')) {
    const out: unknown[] = [];
    const seen = new Set<unknown>();
    for (let page = d.first; typeof page === 'object' && page !== null && !seen.has(page); page = (page as Record<string, unknown>).next) {
      seen.add(page);
      const items = (page as Record<string, unknown>).items;
      if (Array.isArray(items)) out.push(...items);
    }
    return out;
  }
  return undefined;
}

/** The article a target's source names: our own IRI decoded, else the IRI's last segment (matched by stem). */
export function articleOfSource(source: string): string {
  const prefix = `${CLAIMBOOK_IRI}article:`;
  if (source.startsWith(prefix)) {
    try {
      return source.slice(prefix.length).split('/').map(decodeURIComponent).join('/');
    } catch {
      return source.slice(prefix.length);
    }
  }
  const path = source.replace(/[?#].*$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

export function importW3c(text: string, origin: string): { claims: ImportedClaim[]; problems: ImportProblem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { claims: [], problems: [{ origin, message: `not JSON: ${(error as Error).message}` }] };
  }
  const items = annotationsOf(doc);
  if (!items) return { claims: [], problems: [{ origin, message: 'not an AnnotationCollection, AnnotationPage, Annotation or list of annotations' }] };
  const claims: ImportedClaim[] = [];
  const problems: ImportProblem[] = [];
  items.forEach((raw, i) => {
    const a = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const where = `${origin} annotation ${typeof a.id === 'string' ? a.id : i + 1}`;
    const bodies = ([] as unknown[]).concat(a.body ?? []);
    const body = bodies.find((b) => typeof b === 'object' && b !== null && ['Claim', 'cb:Claim', `${VOCAB}Claim`].includes(String((b as Record<string, unknown>).type))) as Record<string, unknown> | undefined;
    if (!body) return void problems.push({ origin: where, message: 'no Claim body (actor, commitment, stance): not an annotation Claimbook can place' });
    const target = ([] as unknown[]).concat(a.target ?? [])[0];
    const t = (typeof target === 'object' && target !== null ? target : {}) as Record<string, unknown>;
    const source = typeof target === 'string' ? target : typeof t.source === 'string' ? t.source : undefined;
    const selectors = ([] as unknown[]).concat(t.selector ?? []).filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null);
    const tqs = selectors.find((s) => s.type === 'TextQuoteSelector');
    const tps = selectors.find((s) => s.type === 'TextPositionSelector');
    const exact = requiredString(tqs?.exact);
    if (source === undefined || exact === undefined) return void problems.push({ origin: where, message: 'the target needs a source and a TextQuoteSelector' });
    const ids = claimIds({ actor: body.actor, commitment: body.commitment, stance: body.stance });
    if (!ids.ok) return void problems.push({ origin: where, message: `the Claim body lacks ${ids.missing}` });
    const creator = a.creator;
    const annotator = typeof creator === 'object' && creator !== null ? optionalString((creator as Record<string, unknown>).name) : undefined;
    const position = tps && Number.isInteger(tps.start) && Number.isInteger(tps.end) ? { start: tps.start as number, end: tps.end as number } : {};
    claims.push({
      origin: where,
      article: articleOfSource(source),
      id: optionalString(body.claimId) || undefined,
      ...ids.ids,
      ...optionalValues(body),
      annotator,
      quote: { exact, prefix: optionalString(tqs?.prefix), suffix: optionalString(tqs?.suffix), ...position },
      labels: { actor: optionalString(body.actorName), commitment: optionalString(body.commitmentLabel), stance: optionalString(body.stanceLabel) },
    });
  });
  return { claims, problems };
}
