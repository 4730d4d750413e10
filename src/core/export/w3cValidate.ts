/**
 * Checks a document against the MUST requirements of the W3C Web Annotation Data Model that
 * apply to what we write and read: contexts, ids, types, targets, specific resources, the text
 * quote and text position selectors, textual bodies, agents, collections and pages. Used by the
 * tests on every export and by import to say why a foreign file is refused.
 */
import { ANNO_CONTEXT } from './w3c';

const MOTIVATIONS = new Set(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);
const AGENT_TYPES = new Set(['Person', 'Organization', 'Software']);
/** An IRI has a scheme (RFC 3987): letters, then `:`. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;

type Json = Record<string, unknown>;

function types(o: Json): unknown[] {
  return ([] as unknown[]).concat(o.type ?? []);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkContext(o: Json, where: string, out: string[]): void {
  const ctx = o['@context'];
  const list = ([] as unknown[]).concat(ctx ?? []);
  if (!list.includes(ANNO_CONTEXT)) out.push(`${where}: @context MUST include ${ANNO_CONTEXT}`);
  if (Array.isArray(ctx) && ctx.length === 1) out.push(`${where}: a single @context MUST be given as a string`);
}

function checkId(o: Json, where: string, out: string[], seen?: Set<string>): void {
  if (typeof o.id !== 'string' || !IRI.test(o.id)) out.push(`${where}: MUST have exactly one IRI id`);
  else if (seen) {
    if (seen.has(o.id)) out.push(`${where}: id ${o.id} is not unique`);
    seen.add(o.id);
  }
}

function checkSelector(s: unknown, where: string, out: string[]): void {
  if (typeof s === 'string') return;
  if (!isObject(s)) return void out.push(`${where}: a selector MUST be an object or IRI`);
  const t = types(s);
  if (t.includes('TextQuoteSelector')) {
    if (typeof s.exact !== 'string') out.push(`${where}: TextQuoteSelector MUST have exactly one exact string`);
    for (const k of ['prefix', 'suffix']) if (s[k] !== undefined && typeof s[k] !== 'string') out.push(`${where}: TextQuoteSelector ${k} MUST be a single string`);
  }
  if (t.includes('TextPositionSelector')) {
    for (const k of ['start', 'end']) {
      const v = s[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) out.push(`${where}: TextPositionSelector MUST have exactly one non-negative integer ${k}`);
    }
  }
  if (s.refinedBy !== undefined) for (const r of ([] as unknown[]).concat(s.refinedBy)) checkSelector(r, `${where} refinedBy`, out);
}

function checkResource(r: unknown, where: string, out: string[]): void {
  if (typeof r === 'string') {
    if (!IRI.test(r)) out.push(`${where}: MUST be an IRI or an object`);
    return;
  }
  if (!isObject(r)) return void out.push(`${where}: MUST be an IRI or an object`);
  const t = types(r);
  if (t.includes('TextualBody') && typeof r.value !== 'string') out.push(`${where}: a TextualBody MUST have exactly one value string`);
  if (r.purpose !== undefined) for (const p of ([] as unknown[]).concat(r.purpose)) if (typeof p !== 'string' || (!MOTIVATIONS.has(p) && !IRI.test(p))) out.push(`${where}: purpose ${String(p)} is not a motivation`);
  if (r.selector !== undefined || t.includes('SpecificResource')) {
    if (typeof r.source !== 'string' || !IRI.test(r.source)) out.push(`${where}: a SpecificResource MUST have exactly one source IRI`);
    for (const s of ([] as unknown[]).concat(r.selector ?? [])) checkSelector(s, `${where} selector`, out);
  }
  if (r.id !== undefined && (typeof r.id !== 'string' || !IRI.test(r.id))) out.push(`${where}: id MUST be an IRI`);
}

function checkAgent(a: unknown, where: string, out: string[]): void {
  if (typeof a === 'string') return void (IRI.test(a) || out.push(`${where}: creator MUST be an IRI or an Agent`));
  if (!isObject(a)) return void out.push(`${where}: creator MUST be an IRI or an Agent`);
  for (const t of types(a)) if (typeof t !== 'string' || !AGENT_TYPES.has(t)) out.push(`${where}: creator type ${String(t)} is not Person, Organization or Software`);
  if (a.name !== undefined && typeof a.name !== 'string') out.push(`${where}: creator name MUST be a string`);
}

export function validateAnnotation(a: unknown, where: string, out: string[], options: { embedded: boolean; seen?: Set<string> }): void {
  if (!isObject(a)) return void out.push(`${where}: not an object`);
  if (!options.embedded) checkContext(a, where, out);
  checkId(a, where, out, options.seen);
  if (!types(a).includes('Annotation')) out.push(`${where}: type MUST include Annotation`);
  const targets = ([] as unknown[]).concat(a.target ?? []);
  if (targets.length === 0) out.push(`${where}: MUST have one or more targets`);
  targets.forEach((t, i) => checkResource(t, `${where} target ${i + 1}`, out));
  ([] as unknown[]).concat(a.body ?? []).forEach((b, i) => checkResource(b, `${where} body ${i + 1}`, out));
  if (a.motivation !== undefined) for (const m of ([] as unknown[]).concat(a.motivation)) if (typeof m !== 'string' || (!MOTIVATIONS.has(m) && !IRI.test(m))) out.push(`${where}: motivation ${String(m)} is not a motivation`);
  if (a.creator !== undefined) for (const c of ([] as unknown[]).concat(a.creator)) checkAgent(c, where, out);
}

/** Every MUST problem of an AnnotationCollection (with embedded pages), page or annotation; [] when valid. */
export function validateW3c(doc: unknown): string[] {
  const out: string[] = [];
  if (!isObject(doc)) return ['the document is not a JSON object'];
  const t = types(doc);
  const seen = new Set<string>();
  if (t.includes('Annotation')) {
    validateAnnotation(doc, 'annotation', out, { embedded: false, seen });
    return out;
  }
  checkContext(doc, 'document', out);
  const pages: Json[] = [];
  if (t.includes('AnnotationCollection')) {
    checkId(doc, 'collection', out);
    if (doc.total !== undefined && (typeof doc.total !== 'number' || !Number.isInteger(doc.total) || doc.total < 0)) out.push('collection: total MUST be a non-negative integer');
    if (doc.first === undefined) {
      if (typeof doc.total === 'number' && doc.total > 0) out.push('collection: a collection with annotations MUST have a first page');
    } else if (typeof doc.first !== 'string') {
      for (let p: unknown = doc.first; isObject(p) && !pages.includes(p); p = p.next) pages.push(p);
      if (pages.length === 0) out.push('collection: first MUST be a page or its IRI');
    }
  } else if (t.includes('AnnotationPage')) pages.push(doc);
  else return ['document: type MUST be AnnotationCollection, AnnotationPage or Annotation'];
  let count = 0;
  pages.forEach((page, n) => {
    const where = `page ${n + 1}`;
    checkId(page, where, out);
    if (!types(page).includes('AnnotationPage')) out.push(`${where}: type MUST include AnnotationPage`);
    if (!Array.isArray(page.items) || page.items.length === 0) return void out.push(`${where}: items MUST list one or more annotations`);
    if (page.startIndex !== undefined && (typeof page.startIndex !== 'number' || !Number.isInteger(page.startIndex) || page.startIndex < 0)) out.push(`${where}: startIndex MUST be a non-negative integer`);
    page.items.forEach((a, i) => validateAnnotation(a, `${where} item ${i + 1}`, out, { embedded: true, seen }));
    count += page.items.length;
  });
  if (t.includes('AnnotationCollection') && typeof doc.total === 'number' && pages.length > 0 && doc.next === undefined && pages[pages.length - 1]?.next === undefined && count !== doc.total) {
    out.push(`collection: total is ${doc.total} but the pages hold ${count} annotations`);
  }
  return out;
}
