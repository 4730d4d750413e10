/**
 * What the Disagreements view and the status bar show, as plain data: one row per article with
 * its count and α_U, one per disagreement saying what differs, and the one-line summary
 * ("12 disagreements in 3 articles, α_U 0.81").
 */
import type { Claim } from '../model/sidecar';
import type { ArticleComparison, Comparison, Disagreement } from './disagreements';

export interface DisagreementRow {
  key: string;
  label: string;
  description: string;
  d: Disagreement;
}

export interface ArticleRow {
  key: string;
  label: string;
  description: string;
  article: ArticleComparison;
  children: DisagreementRow[];
}

/** Names for ids (the codebook's), when known. */
export interface Names {
  actor(id: string): string | undefined;
  commitment(id: string): string | undefined;
  stance(id: string): string | undefined;
}

const NO_NAMES: Names = { actor: () => undefined, commitment: () => undefined, stance: () => undefined };

export function formatAlpha(alpha: number | undefined): string | undefined {
  return alpha === undefined || !Number.isFinite(alpha) ? undefined : `α_U ${alpha.toFixed(2)}`;
}

export function summaryOf(c: Comparison): string {
  const n = c.disagreements;
  const alpha = formatAlpha(c.alpha);
  const what = n === 0 ? 'no disagreements' : `${n} disagreement${n === 1 ? '' : 's'} in ${c.articles.length} article${c.articles.length === 1 ? '' : 's'}`;
  return alpha ? `${what}, ${alpha}` : what;
}

export function comparisonRows(c: Comparison, names: Names = NO_NAMES): ArticleRow[] {
  return c.articles.map((a) => {
    const alpha = formatAlpha(a.alpha);
    const count = a.disagreements.length;
    return {
      key: a.article,
      label: a.article.slice(a.article.lastIndexOf('/') + 1),
      description: alpha ? `${count} · ${alpha}` : String(count),
      article: a,
      children: a.disagreements.map((d) => ({ key: d.key, label: labelOf(d, names), description: quoteOf(d), d })),
    };
  });
}

const KEY_NAMES = { actor: 'Actor', commitment: 'Label', stance: 'Stance', condition: 'Condition', fields: 'Fields', speaker: 'Speaker', span: 'Span' } as const;

export function labelOf(d: Disagreement, names: Names = NO_NAMES): string {
  if (d.kind === 'only-mine') return `Only mine: ${claimLine(d.mine?.claim, names)}`;
  if (d.kind === 'only-theirs') return `Only theirs: ${claimLine(d.theirs?.claim, names)}`;
  const m = d.mine?.claim as Claim;
  const t = d.theirs?.claim as Claim;
  const first = d.differs.find((x) => x !== 'span') ?? 'span';
  const more = d.differs.length - 1;
  const value = (c: Claim, key: typeof first): string => {
    if (key === 'span') return '';
    if (key === 'fields') return [...c.fields].map(([k, v]) => `${k}=${String(v)}`).join(', ') || '—';
    const id = c[key];
    if (id === undefined) return '—';
    if (key === 'actor') return names.actor(id) ?? id;
    if (key === 'commitment') return names.commitment(id) ?? id;
    if (key === 'stance') return names.stance(id) ?? id;
    return id;
  };
  const head = first === 'span' ? `Span: mine ${d.mine?.start}–${d.mine?.end}, theirs ${d.theirs?.start}–${d.theirs?.end}` : `${KEY_NAMES[first]}: ${value(m, first)} ≠ ${value(t, first)}`;
  return more > 0 ? `${head} (+${more})` : head;
}

function claimLine(c: Claim | undefined, names: Names): string {
  if (!c) return '?';
  const actor = c.actor === undefined ? '?' : (names.actor(c.actor) ?? c.actor);
  const stance = c.stance === undefined ? '?' : (names.stance(c.stance) ?? c.stance);
  const commitment = c.commitment === undefined ? '?' : (names.commitment(c.commitment) ?? c.commitment);
  return `${actor} · ${stance} · ${commitment}`;
}

function quoteOf(d: Disagreement): string {
  const text = (d.mine ?? d.theirs)?.claim.quote?.exact ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 48 ? `“${flat.slice(0, 47)}…”` : `“${flat}”`;
}
