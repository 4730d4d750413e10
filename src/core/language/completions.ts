/** Completion candidates for sidecars and the codebook, as plain data (the editor adds ranges and kinds). */
import type { Codebook } from '../model/codebook';
import { FIELD_TYPES, effectiveFields } from '../model/codebook';
import { commitmentTree } from '../edit/choices';
import { rankActors } from '../edit/rankActors';
import { CLAIM_KEYS, QUOTE_KEYS } from '../edit/renderClaim';
import type { YamlContext } from './yamlContext';

export type CandidateKind = 'actor' | 'commitment' | 'stance' | 'field' | 'key' | 'value';

export interface Candidate {
  label: string;
  kind: CandidateKind;
  insertText: string;
  /** One line: the name or label. */
  detail?: string;
  /** Markdown: description, aliases, type. */
  documentation?: string;
  /** Ordering (the editor sorts by it before filtering). */
  sortText: string;
  /** What typing is matched against: the id plus names and aliases. */
  filterText?: string;
}

const SIDECAR_ROOT_KEYS = ['article', 'source', 'text-sha256', 'claims'];
const ACTOR_KEYS = ['name', 'type', 'aliases', 'represents', 'wikidata'];
const COMMITMENT_KEYS = ['label', 'description', 'parent', 'actor-types', 'fields'];
const STANCE_KEYS = ['label', 'description', 'requires'];
const FIELD_SPEC_KEYS = ['type', 'values', 'required'];

export function sidecarCompletions(ctx: YamlContext, codebook: Codebook): Candidate[] {
  const p = ctx.path;
  const inClaim = p.length === 2 && p[0] === 'claims' && p[1] === '-';
  const inFields = p.length === 3 && p[0] === 'claims' && p[2] === 'fields';
  const inQuote = p.length === 3 && p[0] === 'claims' && p[2] === 'quote';
  if (ctx.mode === 'key') {
    if (p.length === 0) return keys(SIDECAR_ROOT_KEYS, ctx.siblings);
    // curated-from is written by curation, never typed: not offered.
    if (inClaim) return keys(CLAIM_KEYS.filter((k) => k !== 'curated-from'), ctx.siblings);
    if (inQuote) return keys(QUOTE_KEYS, ctx.siblings);
    if (inFields) return fieldNames(codebook, ctx.item.get('commitment'), ctx.siblings);
    return [];
  }
  if (inClaim && (ctx.key === 'actor' || ctx.key === 'speaker')) return actors(codebook, ctx.item.get('quote.exact') ?? '');
  if (inClaim && ctx.key === 'commitment') return commitments(codebook);
  if (inClaim && ctx.key === 'stance') return stances(codebook);
  if (inFields && ctx.key !== undefined) {
    const spec = effectiveFields(codebook, ctx.item.get('commitment') ?? '').get(ctx.key);
    if (spec?.type === 'actor') return actors(codebook, ctx.item.get('quote.exact') ?? '');
    if (spec?.type === 'enum') return values(spec.values);
    if (spec?.type === 'boolean') return values(['true', 'false']);
  }
  return [];
}

export function codebookCompletions(ctx: YamlContext, codebook: Codebook): Candidate[] {
  const p = ctx.path;
  const entryOf = (section: string) => p.length === 2 && p[0] === section;
  if (ctx.mode === 'key') {
    if (entryOf('actors')) return keys(ACTOR_KEYS, ctx.siblings);
    if (entryOf('commitments')) return keys(COMMITMENT_KEYS, ctx.siblings);
    if (entryOf('stances')) return keys(STANCE_KEYS, ctx.siblings);
    if (p.length === 4 && p[0] === 'commitments' && p[2] === 'fields') return keys(FIELD_SPEC_KEYS, ctx.siblings);
    return [];
  }
  if (entryOf('actors') && ctx.key === 'represents') return actors(codebook, '');
  if (entryOf('actors') && ctx.key === 'type') return values(codebook.actorTypes);
  if (entryOf('commitments') && ctx.key === 'parent') return commitments(codebook);
  if (p.length === 4 && p[0] === 'commitments' && p[2] === 'fields' && ctx.key === 'type') return values([...FIELD_TYPES]);
  return [];
}

/** Actors, those named in the claim's quote first. */
export function actors(codebook: Codebook, quote: string): Candidate[] {
  const ranked = rankActors(codebook, { text: quote, start: 0, end: quote.length });
  return ranked.map((r, i) => {
    const a = r.actor;
    const aliases = a.aliases.filter((x) => x !== a.name);
    return {
      label: a.id,
      kind: 'actor' as const,
      insertText: a.id,
      detail: `${a.name}${a.type ? ` · ${a.type}` : ''}${r.reason === 'selection' ? ' · in the quote' : ''}`,
      documentation: [aliases.length ? `Aliases: ${aliases.join(', ')}` : '', a.represents ? `Represents: ${a.represents}` : ''].filter(Boolean).join('\n\n'),
      sortText: String(i).padStart(5, '0'),
      // Typing a name or an alias finds the id too.
      filterText: [a.id, a.name, ...aliases].join(' '),
    };
  });
}

export function commitments(codebook: Codebook): Candidate[] {
  return commitmentTree(codebook).map((c, i) => ({
    label: c.commitment.id,
    kind: 'commitment' as const,
    insertText: c.commitment.id,
    detail: [...c.path, c.commitment.label].join(' › '),
    documentation: c.commitment.description ?? '',
    sortText: String(i).padStart(5, '0'),
  }));
}

export function stances(codebook: Codebook): Candidate[] {
  return [...codebook.stances.values()].map((s, i) => ({
    label: s.id,
    kind: 'stance' as const,
    insertText: s.id,
    detail: s.label + (s.requires.length ? ` · requires ${s.requires.join(', ')}` : ''),
    documentation: s.description ?? '',
    sortText: String(i).padStart(5, '0'),
  }));
}

function fieldNames(codebook: Codebook, commitment: string | undefined, present: readonly string[]): Candidate[] {
  if (commitment === undefined) return [];
  return [...effectiveFields(codebook, commitment).values()]
    .filter((f) => !present.includes(f.name))
    .map((f, i) => ({
      label: f.name,
      kind: 'field' as const,
      insertText: `${f.name}: `,
      detail: `${f.type ?? 'field'}${f.required ? ', required' : ''}${f.type === 'enum' ? `: ${f.values.join(' | ')}` : ''}`,
      sortText: String(i).padStart(5, '0'),
    }));
}

function keys(all: readonly string[], present: readonly string[]): Candidate[] {
  return all
    .filter((k) => !present.includes(k))
    .map((k, i) => ({ label: k, kind: 'key' as const, insertText: `${k}: `, sortText: String(i).padStart(5, '0') }));
}

function values(list: readonly string[]): Candidate[] {
  return list.map((v, i) => ({ label: v, kind: 'value' as const, insertText: v, sortText: String(i).padStart(5, '0') }));
}
