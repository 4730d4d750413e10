/**
 * The codebook model: actors, commitments, stances, read tolerantly from the parsed YAML.
 * Malformed parts are skipped here (the schema rule reports them) so later rules still run.
 * Maps, not objects, so ids such as `__proto__` or `constructor` are ordinary keys.
 */
import { asArray, asRecordEntries, asString, asStringArray } from './plain';

export const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'money', 'enum', 'actor'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  name: string;
  type: FieldType | undefined;
  values: string[];
  required: boolean;
}

export interface Actor {
  id: string;
  name: string;
  type: string | undefined;
  aliases: string[];
  represents: string | undefined;
  wikidata: string | undefined;
}

export interface Commitment {
  id: string;
  label: string;
  description: string | undefined;
  parent: string | undefined;
  actorTypes: string[] | undefined;
  fields: Map<string, FieldSpec>;
}

export interface Stance {
  id: string;
  label: string;
  description: string | undefined;
  requires: string[];
}

export interface Codebook {
  version: unknown;
  articles: string[];
  actors: Map<string, Actor>;
  actorTypes: string[];
  commitments: Map<string, Commitment>;
  stances: Map<string, Stance>;
  contradictions: Array<[string, string]>;
}

export const DEFAULT_ARTICLE_GLOBS = ['**/*.txt', '**/*.md'];
export const DEFAULT_ACTOR_TYPES = ['person', 'state', 'organisation', 'coalition'];

export function buildCodebook(value: unknown): Codebook {
  const root = new Map(asRecordEntries(value));
  const dataset = new Map(asRecordEntries(root.get('dataset')));
  const articles = asStringArray(dataset.get('articles'));
  const actorTypes = asStringArray(root.get('actor-types'));

  const actors = new Map<string, Actor>();
  for (const [id, raw] of asRecordEntries(root.get('actors'))) {
    const a = new Map(asRecordEntries(raw));
    actors.set(id, {
      id,
      name: asString(a.get('name')) ?? id,
      type: asString(a.get('type')),
      aliases: asStringArray(a.get('aliases')),
      represents: asString(a.get('represents')),
      wikidata: asString(a.get('wikidata')),
    });
  }

  const commitments = new Map<string, Commitment>();
  for (const [id, raw] of asRecordEntries(root.get('commitments'))) {
    const c = new Map(asRecordEntries(raw));
    const fields = new Map<string, FieldSpec>();
    for (const [name, specRaw] of asRecordEntries(c.get('fields'))) {
      const s = new Map(asRecordEntries(specRaw));
      const type = asString(s.get('type'));
      fields.set(name, {
        name,
        type: (FIELD_TYPES as readonly string[]).includes(type ?? '') ? (type as FieldType) : undefined,
        values: asStringArray(s.get('values')),
        required: s.get('required') === true,
      });
    }
    const types = c.get('actor-types');
    commitments.set(id, {
      id,
      label: asString(c.get('label')) ?? id,
      description: asString(c.get('description')),
      parent: asString(c.get('parent')),
      actorTypes: types === undefined ? undefined : asStringArray(types),
      fields,
    });
  }

  const stances = new Map<string, Stance>();
  for (const [id, raw] of asRecordEntries(root.get('stances'))) {
    const s = new Map(asRecordEntries(raw));
    stances.set(id, {
      id,
      label: asString(s.get('label')) ?? id,
      description: asString(s.get('description')),
      requires: asStringArray(s.get('requires')),
    });
  }

  const contradictions: Array<[string, string]> = [];
  for (const pair of asArray(root.get('contradictions'))) {
    const [a, b] = asStringArray(pair);
    if (a !== undefined && b !== undefined) contradictions.push([a, b]);
  }

  return {
    version: root.get('claimbook'),
    articles: articles.length > 0 ? articles : DEFAULT_ARTICLE_GLOBS,
    actors,
    actorTypes: actorTypes.length > 0 ? actorTypes : DEFAULT_ACTOR_TYPES,
    commitments,
    stances,
    contradictions,
  };
}

/** The commitment and its ancestors, nearest first; stops at cycles (reported elsewhere). */
export function commitmentLineage(codebook: Codebook, id: string): Commitment[] {
  const chain: Commitment[] = [];
  const seen = new Set<string>();
  let current = codebook.commitments.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push(current);
    current = current.parent === undefined ? undefined : codebook.commitments.get(current.parent);
  }
  return chain;
}

/** Fields a claim of this commitment may carry: its own and inherited; nearer definitions win. */
export function effectiveFields(codebook: Codebook, commitmentId: string): Map<string, FieldSpec> {
  const fields = new Map<string, FieldSpec>();
  for (const c of commitmentLineage(codebook, commitmentId)) {
    for (const [name, spec] of c.fields) if (!fields.has(name)) fields.set(name, spec);
  }
  return fields;
}

/** Actor types allowed for a commitment: its own list, else the nearest ancestor's, else any. */
export function allowedActorTypes(codebook: Codebook, commitmentId: string): string[] | undefined {
  for (const c of commitmentLineage(codebook, commitmentId)) if (c.actorTypes) return c.actorTypes;
  return undefined;
}
