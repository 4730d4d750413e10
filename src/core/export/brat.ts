/**
 * brat standoff: per article a `.txt` (the normalised text the offsets count in, as code points:
 * brat is Python) and a `.ann` with a text-bound annotation per claim (type = commitment), a
 * `Stance` attribute, and AnnotatorNotes for the rest (`actor=…`, `fields.location=…`), plus an
 * `annotation.conf` made from the codebook (commitments nested under their parents).
 */
import type { CheckResult } from '../dataset/check';
import type { Codebook } from '../model/codebook';
import { plainValue, type ExportFile, type ExportOutput } from './output';
import { exportArticles, type ExportClaim, type ExportCounts, type ExportOptions } from './record';
import type { ImportedClaim, ImportProblem } from './importTypes';
import { quoteAt } from './importValues';

/** The `.txt` a dataset article becomes: `.txt` articles keep their path, others get `.txt` added (x.md → x.md.txt). */
export function bratTextPath(article: string): string {
  return article.endsWith('.txt') ? article : `${article}.txt`;
}

/** Note values are one line in brat: backslash, line breaks and tabs are escaped. */
export function escapeNote(text: string): string {
  if (!/[\\\n\r\t]/.test(text)) return text; // most values: one scan instead of four replaces
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

export function unescapeNote(text: string): string {
  return text.replace(/\\([\\nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : '\\'));
}

/**
 * A text read by code point (brat's offsets). Without astral characters code points are UTF-16
 * units and the text is read as it is; `Array.from` of every article cost an array slot per
 * character, a third of a brat export of dataset M.
 */
interface CodePoints {
  /** Offsets of the line breaks in [start, end). */
  breaks(start: number, end: number): number[];
  slice(start: number, end: number): string;
}

function codePoints(text: string): CodePoints {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    return {
      breaks(start, end) {
        const out: number[] = [];
        for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) out.push(i);
        return out;
      },
      slice: (start, end) => text.slice(start, end),
    };
  }
  const chars = Array.from(text);
  return {
    breaks(start, end) {
      const out: number[] = [];
      for (let i = start; i < end; i++) if (chars[i] === '\n') out.push(i);
      return out;
    },
    slice: (start, end) => chars.slice(start, end).join(''),
  };
}

/** brat spans cannot hold a line break: a quote over several lines is a discontinuous span, one fragment per line. */
function fragments(text: CodePoints, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  for (const i of [...text.breaks(start, end), end]) {
    if (i > from) out.push([from, i]);
    from = i + 1;
  }
  return out.length > 0 ? out : [[start, end]];
}

function noteValue(value: unknown): string {
  const v = plainValue(value);
  return escapeNote(typeof v === 'string' ? v : JSON.stringify(v));
}

export function annFile(text: string, claims: readonly ExportClaim[]): string {
  const chars = codePoints(text);
  const lines: string[] = [];
  let note = 0;
  claims.forEach((c, i) => {
    const t = `T${i + 1}`;
    const frags = fragments(chars, c.start, c.end);
    const spanText = frags.map(([a, b]) => chars.slice(a, b)).join(' ');
    lines.push(`${t}\t${c.commitment.id} ${frags.map(([a, b]) => `${a} ${b}`).join(';')}\t${spanText}`);
    lines.push(`A${i + 1}\tStance ${t} ${c.stance.id}`);
    const notes: Array<[string, unknown]> = [
      ['actor', c.actor.id],
      ...(c.id ? ([['id', c.id]] as Array<[string, unknown]>) : []),
      ...(c.condition === null ? [] : ([['condition', c.condition]] as Array<[string, unknown]>)),
      ...c.fields.map(([k, v]) => [`fields.${k}`, v] as [string, unknown]),
      ...(c.speaker === null ? [] : ([['speaker', c.speaker]] as Array<[string, unknown]>)),
      ...(c.annotator === null ? [] : ([['annotator', c.annotator]] as Array<[string, unknown]>)),
      ...(c.note === null ? [] : ([['note', c.note]] as Array<[string, unknown]>)),
    ];
    for (const [k, v] of notes) lines.push(`#${++note}\tAnnotatorNotes ${t}\t${k}=${noteValue(v)}`);
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** annotation.conf: commitments as entities (children indented by a tab under their parent), stances as the Stance attribute. */
export function annotationConf(codebook: Codebook | undefined, extraTypes: Iterable<string> = [], extraStances: Iterable<string> = []): string {
  const commitments = codebook ? [...codebook.commitments.values()] : [];
  const ids = new Set(commitments.map((c) => c.id));
  const children = new Map<string | undefined, string[]>();
  for (const c of commitments) {
    const parent = c.parent !== undefined && ids.has(c.parent) && c.parent !== c.id ? c.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), c.id]);
  }
  const lines = ['# Generated by claimbook export from claimbook.yaml: commitments are entity types, stances the Stance attribute.', '[entities]'];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number) => {
    for (const id of [...(children.get(parent) ?? [])].sort()) {
      if (seen.has(id)) continue; // a parent cycle (reported by check) is listed once
      seen.add(id);
      lines.push(`${'\t'.repeat(depth)}${id}`);
      walk(id, depth + 1);
    }
  };
  walk(undefined, 0);
  for (const id of commitments.map((c) => c.id).sort()) if (!seen.has(id)) lines.push(id);
  for (const id of [...new Set(extraTypes)].sort()) if (!ids.has(id)) lines.push(id);
  const stances = [...new Set([...(codebook ? [...codebook.stances.keys()] : []), ...extraStances])];
  // Claims overlap and nest freely (two stances on one quote): say so, whatever brat's default.
  lines.push('[relations]', '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', '[events]', '[attributes]');
  if (stances.length > 0) lines.push(`Stance\tArg:<ENTITY>, Value:${stances.join('|')}`);
  return `${lines.join('\n')}\n`;
}

export function exportBrat(result: CheckResult, options: ExportOptions, counts: ExportCounts): ExportOutput {
  const codebook = result.codebook?.model;
  function* files(): Generator<ExportFile> {
    const types = new Set<string>();
    const stances = new Set<string>();
    for (const a of exportArticles(result, options, counts)) {
      if (a.text === undefined) continue;
      const txt = bratTextPath(a.article);
      for (const c of a.claims) {
        types.add(c.commitment.id);
        stances.add(c.stance.id);
      }
      yield { path: txt, text: a.text };
      yield { path: `${txt.slice(0, -'.txt'.length)}.ann`, text: annFile(a.text, a.claims) };
    }
    yield { path: 'annotation.conf', text: annotationConf(codebook, types, stances) };
  }
  return { kind: 'files', files: files() };
}

/** Claims of one `.ann` over its `.txt`; `article` is the `.txt`'s path in the brat folder. */
export function importBratAnn(ann: string, txt: string, article: string, origin: string): { claims: ImportedClaim[]; problems: ImportProblem[] } {
  const chars = Array.from(txt);
  const problems: ImportProblem[] = [];
  const spans = new Map<string, { type: string; start: number; end: number; line: number }>();
  const stance = new Map<string, string>();
  const notes = new Map<string, Array<[string, string]>>();
  ann.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${origin}:${i + 1}`;
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
      if (!m) return void problems.push({ origin: where, message: 'not a text-bound annotation ("T1<TAB>Type START END<TAB>text")' });
      const offsets = (m[2] as string).split(/[ ;]/).map(Number);
      const start = offsets[0] as number;
      const end = offsets[offsets.length - 1] as number;
      if (start >= end || end > chars.length) return void problems.push({ origin: where, message: `offsets ${start}–${end} are outside the text (${chars.length} characters)` });
      spans.set(id, { type: m[1] as string, start, end, line: i + 1 });
    } else if (id.startsWith('A') || id.startsWith('M')) {
      const [name, target, value] = (cols[1] ?? '').split(' ');
      if (name === 'Stance' && target && value) stance.set(target, value);
    } else if (id.startsWith('#')) {
      const [kind, target] = (cols[1] ?? '').split(' ');
      const text = cols.slice(2).join('\t');
      const eq = text.indexOf('=');
      if (kind === 'AnnotatorNotes' && target && eq > 0) notes.set(target, [...(notes.get(target) ?? []), [text.slice(0, eq), unescapeNote(text.slice(eq + 1))]]);
    }
    // Relations, events, equivalences and normalisations carry nothing a claim holds: ignored.
  });
  const claims: ImportedClaim[] = [];
  for (const [t, span] of spans) {
    const where = `${origin}:${span.line} (${t})`;
    const n = new Map(notes.get(t) ?? []);
    const actor = n.get('actor');
    const st = stance.get(t);
    if (!actor || !st) {
      problems.push({ origin: where, message: `needs ${[actor ? '' : 'an actor=… note', st ? '' : 'a Stance attribute'].filter(Boolean).join(' and ')}` });
      continue;
    }
    const fields: Array<[string, unknown]> = [];
    for (const [k, v] of n) if (k.startsWith('fields.')) fields.push([k.slice('fields.'.length), v]);
    claims.push({
      origin: where,
      article,
      text: txt,
      id: n.get('id'),
      actor,
      commitment: span.type,
      stance: st,
      condition: n.get('condition'),
      fields,
      speaker: n.get('speaker'),
      annotator: n.get('annotator'),
      note: n.get('note'),
      quote: quoteAt(chars, span.start, span.end),
    });
  }
  return { claims, problems };
}
