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
  const q = keyed(field(c, 'quote'));
  const exact = asString(field(q, 'exact'));
  const start = asInteger(field(q, 'start'));
  const end = asInteger(field(q, 'end'));
  return {
    index,
    id: idString(field(c, 'id')),
    actor: asString(field(c, 'actor')),
    commitment: asString(field(c, 'commitment')),
    stance: asString(field(c, 'stance')),
    condition: asString(field(c, 'condition')),
    fields: new Map(asRecordEntries(field(c, 'fields'))),
    speaker: asString(field(c, 'speaker')),
    annotator: asString(field(c, 'annotator')),
    curatedFrom: asString(field(c, 'curated-from')),
    note: asString(field(c, 'note')),
    quote:
      exact !== undefined && exact.length > 0 && start !== undefined && end !== undefined && start <= end
        ? { exact, prefix: asString(field(q, 'prefix')), suffix: asString(field(q, 'suffix')), start, end }
        : undefined,
  };
}

/**
 * A record read by name without copying it into a Map first (a check builds 50,000 claims):
 * the record itself; a Map value (keys of other types) keeps the copying reader.
 */
type Keyed = Map<unknown, unknown> | Record<string, unknown>;

function keyed(value: unknown): Keyed {
  return value instanceof Map || !isRecord(value) ? new Map(asRecordEntries(value)) : value;
}

function field(record: Keyed, key: string): unknown {
  if (record instanceof Map) return record.get(key);
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A numeric id is a schema error, but the claim still takes part in the other checks. */
function idString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
