/**
 * Actor suggestions for a quote: actors whose name or alias occurs in the selection come first
 * (in order of appearance), then those mentioned around it (nearest first), then recently used
 * ones, then the rest by name. A query narrows and re-ranks by fuzzy match over ids, names and
 * aliases.
 */
import type { Actor, Codebook } from '../model/codebook';
import { bestMatch } from './fuzzy';

export type ActorReason = 'selection' | 'context' | 'recent' | 'other';

export interface RankedActor {
  actor: Actor;
  reason: ActorReason;
  /** The name or alias found in the text, or the label the query matched. */
  matched?: string;
  /** Fuzzy score of the query (0 without a query). */
  score: number;
}

export interface ActorQuery {
  /** The article text (any offsets unit, as long as start/end use the same). */
  text: string;
  start: number;
  end: number;
  /** What the user typed; empty for the initial list. */
  query?: string;
  /** Actor ids used lately, most recent first. */
  recent?: readonly string[];
  /** How far around the selection a mention counts as context (default 400 before, 200 after). */
  before?: number;
  after?: number;
}

interface Mention {
  actor: string;
  label: string;
  start: number;
  end: number;
}

export function rankActors(codebook: Codebook, q: ActorQuery): RankedActor[] {
  const before = q.before ?? 400;
  const after = q.after ?? 200;
  const windowStart = Math.max(0, q.start - before);
  const windowEnd = Math.min(q.text.length, q.end + after);
  const mentions = findMentions(codebook, q.text.slice(windowStart, windowEnd), windowStart);
  const place = new Map<string, { reason: ActorReason; order: number; label: string }>();
  for (const m of mentions) {
    // A mention cut by the selection's edge still counts as inside it.
    const inside = m.start < q.end && m.end > q.start;
    const reason: ActorReason = inside ? 'selection' : 'context';
    const order = inside ? Math.max(0, m.start - q.start) : m.end <= q.start ? q.start - m.end : m.start - q.end;
    const seen = place.get(m.actor);
    if (!seen || rank(reason) < rank(seen.reason) || (reason === seen.reason && order < seen.order)) place.set(m.actor, { reason, order, label: m.label });
  }
  const recent = q.recent ?? [];
  const query = (q.query ?? '').trim();
  const out: RankedActor[] = [];
  for (const actor of codebook.actors.values()) {
    const found = place.get(actor.id);
    const recentAt = recent.indexOf(actor.id);
    const reason: ActorReason = found?.reason ?? (recentAt >= 0 ? 'recent' : 'other');
    let score = 0;
    let matched = found?.label;
    if (query !== '') {
      const best = bestMatch(query, [actor.id, actor.name, ...actor.aliases]);
      if (best.score === 0) continue;
      score = best.score;
      matched = best.label;
    }
    out.push({ actor, reason, matched, score });
  }
  const order = (r: RankedActor) => (r.reason === 'recent' ? recent.indexOf(r.actor.id) : place.get(r.actor.id)?.order ?? 0);
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      rank(a.reason) - rank(b.reason) ||
      order(a) - order(b) ||
      a.actor.name.localeCompare(b.actor.name) ||
      (a.actor.id < b.actor.id ? -1 : 1),
  );
}

function rank(reason: ActorReason): number {
  return reason === 'selection' ? 0 : reason === 'context' ? 1 : reason === 'recent' ? 2 : 3;
}

const matchers = new WeakMap<Codebook, { re: RegExp; actorOf: Map<string, string> } | undefined>();

/** Whole-word, case-sensitive mentions of names and aliases; the longest label wins at a position. */
export function findMentions(codebook: Codebook, text: string, offset = 0): Mention[] {
  let matcher = matchers.get(codebook);
  if (!matchers.has(codebook)) {
    const actorOf = new Map<string, string>();
    for (const a of codebook.actors.values()) for (const label of [a.name, ...a.aliases]) if (label.trim().length >= 2 && !actorOf.has(label)) actorOf.set(label, a.id);
    const labels = [...actorOf.keys()].sort((x, y) => y.length - x.length);
    matcher = labels.length === 0 ? undefined : { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${labels.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu'), actorOf };
    matchers.set(codebook, matcher);
  }
  if (!matcher) return [];
  const out: Mention[] = [];
  const re = new RegExp(matcher.re.source, matcher.re.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const actor = matcher.actorOf.get(m[0]);
    if (actor !== undefined) out.push({ actor, label: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
