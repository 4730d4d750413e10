import type { Rule, AnchoredClaim } from './rule';
import type { Codebook } from '../model/codebook';
import type { TextIndex } from '../text/textIndex';

export const untaggedMention: Rule = {
  id: 'untagged-mention',
  description: "An actor's name or alias appears in a sentence that no claim covers: the annotator's to-do list.",
  defaultSeverity: 'hint',
  checkDataset(ctx, report) {
    const cb = ctx.codebook?.model;
    if (!cb) return;
    const matcher = mentionMatcher(cb);
    if (!matcher) return;
    const claimsByArticle = new Map<string, AnchoredClaim[]>();
    for (const s of ctx.sidecars) if (s.article) claimsByArticle.set(s.article.path, s.claims);
    for (const article of ctx.articles) {
      if (!article.index) continue;
      const spans = (claimsByArticle.get(article.path) ?? []).flatMap((c) => (c.anchor ? [c.anchor] : []));
      for (const m of findMentions(article.index, matcher, spans)) {
        report({
          message: `'${m.text}' (${m.actor}) is mentioned in a sentence no claim covers`,
          file: article.path,
          start: article.index.text16ToRaw(m.start16),
          end: article.index.text16ToRaw(m.end16),
        });
      }
    }
  },
};

interface Matcher {
  re: RegExp;
  actorOf: Map<string, string>;
}

const matchers = new WeakMap<Codebook, Matcher | undefined>();

function mentionMatcher(cb: Codebook): Matcher | undefined {
  if (matchers.has(cb)) return matchers.get(cb);
  const actorOf = new Map<string, string>();
  for (const a of cb.actors.values()) {
    for (const label of [a.name, ...a.aliases]) if (label.trim().length >= 2 && !actorOf.has(label)) actorOf.set(label, a.id);
  }
  // Longest first, so "French President Emmanuel Macron" wins over "Macron" at one position.
  const labels = [...actorOf.keys()].sort((x, y) => y.length - x.length);
  const matcher = labels.length === 0 ? undefined : {
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${labels.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    actorOf,
  };
  matchers.set(cb, matcher);
  return matcher;
}

function escape(text: string): string {
  // Syntax characters only: with the u flag an escaped "-" outside a class is a SyntaxError.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Mentions outside every claimed sentence; one per actor per sentence. */
function findMentions(index: TextIndex, matcher: Matcher, claimed: Array<{ start: number; end: number }>) {
  const text = index.text;
  const covered = claimed.map((s) => ({ start: index.cpToText16(s.start), end: index.cpToText16(s.end) }));
  const out: Array<{ text: string; actor: string; start16: number; end16: number }> = [];
  const reported = new Set<string>();
  matcher.re.lastIndex = 0;
  for (let m = matcher.re.exec(text); m; m = matcher.re.exec(text)) {
    const actor = matcher.actorOf.get(m[0]);
    if (actor === undefined) continue;
    const sentence = sentenceAround(text, m.index);
    if (covered.some((s) => s.start < sentence.end && sentence.start < s.end)) continue;
    const key = `${sentence.start}:${actor}`;
    if (reported.has(key)) continue;
    reported.add(key);
    out.push({ text: m[0], actor, start16: m.index, end16: m.index + m[0].length });
  }
  return out;
}

/** Sentence bounds: after the last ". " / "! " / "? " or line break before, to the next one. */
function sentenceAround(text: string, at: number): { start: number; end: number } {
  const boundary = /[.!?]["'’”)]*\s|\n/g;
  const from = Math.max(0, at - 2000);
  let start = from;
  boundary.lastIndex = from;
  for (let m = boundary.exec(text); m && m.index < at; m = boundary.exec(text)) start = m.index + m[0].length;
  boundary.lastIndex = at;
  const next = boundary.exec(text);
  return { start, end: next ? next.index + 1 : text.length };
}
