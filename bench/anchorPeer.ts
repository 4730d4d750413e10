/**
 * Anchoring against a peer (issue 13): `resolveQuote` per quote against Hypothesis'
 * `approx-string-match` (`search`, the lowest-error match, earliest first) on the same 1 MB
 * article and the same quotes, with known answers. The article was edited after annotation: each
 * quoted passage has a few typos, and for a quarter of the quotes a look-alike of the passage
 * (fewer or as many typos, other context) sits elsewhere. No quote carries offsets, so both
 * search the whole text. Both allow the same errors (DESIGN §2: min(256, length / 4)).
 */
import search from 'approx-string-match';
import { resolveQuote } from '../src/core/anchor';
import { TextIndex } from '../src/core/text/textIndex';
import { Random } from './random';
import { median, round } from './stats';

const WORDS = (
  'the a of to in and on for with from by at as that this leaders minister coalition summit troops ' +
  'security guarantees ukraine france germany britain europe paris berlin london kyiv deal peace ' +
  'talks said would could should will agreed pledged refused demanded proposed support military ' +
  'financial loan billion euros air defence systems winter spring border ceasefire monitoring ' +
  'mission allies partners meeting tuesday friday statement press conference week month year'
).split(' ');

export interface AnchorCase {
  text: string;
  quotes: Array<{ exact: string; prefix: string; suffix: string; start: number; end: number }>;
}

/** A text of about `bytes` characters and `n` quotes with their true spans in it (UTF-16 = code points: ASCII only). */
export function anchorCase(bytes: number, n: number, seed = 13): AnchorCase {
  const rnd = new Random(seed);
  const sentence = (): string => {
    const words = Array.from({ length: rnd.int(10, 24) }, () => rnd.pick(WORDS));
    const s = words.join(' ');
    return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
  };
  const sentences: string[] = [];
  for (let size = 0; size < bytes; ) {
    const s = sentence();
    sentences.push(s);
    size += s.length + 1;
  }
  const join = (list: readonly string[]): string => list.join(' ');
  const original = join(sentences);
  // Offsets of each sentence in the original text, for the recorded context.
  const starts: number[] = [];
  for (let i = 0, at = 0; i < sentences.length; i++) {
    starts.push(at);
    at += (sentences[i] as string).length + 1;
  }
  const typos = (s: string, count: number): string => {
    let t = s;
    for (let i = 0; i < count; i++) {
      const at = rnd.int(0, t.length - 1);
      const op = rnd.int(0, 2);
      const c = String.fromCharCode(rnd.int(97, 122));
      t = op === 0 ? t.slice(0, at) + c + t.slice(at + 1) : op === 1 ? t.slice(0, at) + c + t.slice(at) : t.slice(0, at) + t.slice(at + 1);
    }
    return t;
  };

  // Quoted sentences, far apart, each edited in place; a quarter get a look-alike inserted elsewhere.
  const edited = [...sentences];
  const quoted = new Set<number>();
  while (quoted.size < n) quoted.add(rnd.int(1, sentences.length - 2));
  const recorded = new Map<number, { exact: string; prefix: string; suffix: string }>();
  const inserts = new Map<number, string>();
  for (const i of quoted) {
    const exact = sentences[i] as string;
    const at = starts[i] as number;
    recorded.set(i, { exact, prefix: original.slice(Math.max(0, at - 32), at), suffix: original.slice(at + exact.length, at + exact.length + 32) });
    const errors = rnd.int(1, Math.max(1, Math.floor(exact.length / 25)));
    edited[i] = typos(exact, errors);
    if (rnd.chance(0.25)) {
      let j = rnd.int(1, sentences.length - 2);
      while (quoted.has(j) || inserts.has(j)) j = rnd.int(1, sentences.length - 2);
      inserts.set(j, typos(exact, rnd.int(0, errors)));
    }
  }
  const pieces: Array<{ text: string; quote?: number }> = [];
  edited.forEach((s, i) => {
    const lookAlike = inserts.get(i);
    if (lookAlike !== undefined) pieces.push({ text: lookAlike });
    pieces.push({ text: s, quote: quoted.has(i) ? i : undefined });
  });
  const quotes: AnchorCase['quotes'] = [];
  let at = 0;
  for (const p of pieces) {
    if (p.quote !== undefined) quotes.push({ ...(recorded.get(p.quote) as { exact: string; prefix: string; suffix: string }), start: at, end: at + p.text.length });
    at += p.text.length + 1;
  }
  return { text: join(pieces.map((p) => p.text)), quotes };
}

/** A found span is right when both its ends are within a few characters of the true ones. */
const close = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => Math.abs(a.start - b.start) <= 5 && Math.abs(a.end - b.end) <= 5;

const maxErrors = (quote: string): number => Math.min(256, Math.floor(quote.length / 4));

export function anchorPeer(runs: number, r: Record<string, number>, log: (s: string) => void, bytes = 1 << 20, n = 200): void {
  const c = anchorCase(bytes, n);
  const index = TextIndex.of(c.text);
  let right = 0;
  let ambiguous = 0;
  let rightPeer = 0;
  for (const q of c.quotes) {
    const found = resolveQuote({ exact: q.exact, prefix: q.prefix, suffix: q.suffix }, index);
    if (found.status === 'ambiguous') ambiguous++;
    else if (found.status !== 'orphaned' && close(found, q)) right++;
    const best = peerBest(c.text, q.exact);
    if (best && close(best, q)) rightPeer++;
  }
  // A fresh index per run: an index keeps the searches run on it, and each run must search anew.
  const indexes = Array.from({ length: runs }, () => TextIndex.of(c.text));
  // Run for run in turn, so a slower stretch of the machine weighs on both sides alike.
  const ours: number[] = [];
  const peer: number[] = [];
  for (let run = 0; run < runs; run++) {
    const fresh = indexes[run] as TextIndex;
    ours.push(timed(() => {
      for (const q of c.quotes) resolveQuote({ exact: q.exact, prefix: q.prefix, suffix: q.suffix }, fresh);
    }));
    peer.push(timed(() => {
      for (const q of c.quotes) peerBest(c.text, q.exact);
    }));
  }
  const key = bytes === 1 << 20 ? '1mb' : `${Math.round(bytes / 1024)}kb`;
  r[`anchor_quotes_${key}`] = c.quotes.length;
  r[`anchor_right_ours_${key}`] = right;
  r[`anchor_ambiguous_ours_${key}`] = ambiguous;
  r[`anchor_right_peer_${key}`] = rightPeer;
  r[`anchor_ms_per_quote_ours_${key}`] = round(median(ours) / c.quotes.length, 3);
  r[`anchor_ms_per_quote_peer_${key}`] = round(median(peer) / c.quotes.length, 3);
  r[`anchor_over_peer_${key}`] = round(median(ours) / median(peer));
  log(`  anchor ${key}: ours ${right}/${c.quotes.length} right (${ambiguous} ambiguous), peer ${rightPeer}/${c.quotes.length}; time ours/peer ${r[`anchor_over_peer_${key}`]}`);
}

/** The peer's answer: its lowest-error matches, the earliest first. */
function peerBest(text: string, exact: string): { start: number; end: number } | undefined {
  const matches = search(text, exact, maxErrors(exact));
  let best: { start: number; end: number; errors: number } | undefined;
  for (const m of matches) if (!best || m.errors < best.errors || (m.errors === best.errors && m.start < best.start)) best = m;
  return best;
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
