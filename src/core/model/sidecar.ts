/**
 * The sidecar model: one article's claims. Claims keep their index in the YAML sequence so
 * findings can point at their nodes; claims too broken to use keep what could be read.
 */
import { asArray, asInteger, asRecordEntries, asString, isRecord } from './plain';

/** The quote selector as stored: offsets are code points into the normalised article text. */
export interface ClaimQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
  start: number;
  end: number;
}

export interface Claim {
  /** Index in the `claims` sequence: the YAML path is `['claims', index, ...]`. */
  index: number;
  id: string | undefined;
  actor: string | undefined;
  commitment: string | undefined;
  stance: string | undefined;
  condition: string | undefined;
  fields: Map<string, unknown>;
  speaker: string | undefined;
  annotator: string | undefined;
  /** `curated-from: <source>:<id>`: the compared source's claim this one was settled against (curation). */
  curatedFrom?: string | undefined;
  note: string | undefined;
  /** Undefined when the quote lacks `exact` or its offsets: it cannot be anchored. */
  quote: ClaimQuote | undefined;
}

export interface Sidecar {
  article: string | undefined;
  textSha256: string | undefined;
  source: Map<string, unknown>;
  claims: Claim[];
}

export function buildSidecar(value: unknown): Sidecar {
  const root = new Map(asRecordEntries(value));
  const claims = asArray(root.get('claims')).map((raw, index) => buildClaim(raw, index));
  return {
    article: asString(root.get('article')),
    textSha256: asString(root.get('text-sha256')),
    source: new Map(asRecordEntries(root.get('source'))),
    claims,
  };
}

function buildClaim(raw: unknown, index: number): Claim {
  const c = keyed(raw);
  const q = keyed(c.get('quote'));
  const exact = asString(q.get('exact'));
  const start = asInteger(q.get('start'));
  const end = asInteger(q.get('end'));
  return {
    index,
    id: idString(c.get('id')),
    actor: asString(c.get('actor')),
    commitment: asString(c.get('commitment')),
    stance: asString(c.get('stance')),
    condition: asString(c.get('condition')),
    fields: new Map(asRecordEntries(c.get('fields'))),
    speaker: asString(c.get('speaker')),
    annotator: asString(c.get('annotator')),
    curatedFrom: asString(c.get('curated-from')),
    note: asString(c.get('note')),
    quote:
      exact !== undefined && exact.length > 0 && start !== undefined && end !== undefined && start <= end
        ? { exact, prefix: asString(q.get('prefix')), suffix: asString(q.get('suffix')), start, end }
        : undefined,
  };
}

/**
 * Reads a record's own fields by name without copying it into a Map first (a check builds
 * 50,000 claims); a Map value (keys of other types) keeps the copying reader.
 */
function keyed(value: unknown): { get(key: string): unknown } {
  if (value instanceof Map || !isRecord(value)) return new Map(asRecordEntries(value));
  return { get: (key) => (Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined) };
}

/** A numeric id is a schema error, but the claim still takes part in the other checks. */
function idString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
