/** Outline of sidecars (claims by actor and quote) and of the codebook, as plain data with offsets. */
import type { CodebookFile, SidecarFile, YamlFile } from '../dataset/files';
import type { Codebook } from '../model/codebook';
import { asArray, asRecordEntries } from '../model/plain';
import { nodeRange, type PathSegment } from '../yaml/ranges';
import { lineStartAt } from '../edit/lines';

export type SymbolKind = 'section' | 'claim' | 'actor' | 'commitment' | 'stance' | 'key';

export interface SymbolData {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The whole entry. */
  start: number;
  end: number;
  /** What to select when the symbol is picked (inside start..end). */
  selectionStart: number;
  selectionEnd: number;
  children: SymbolData[];
}

const EXCERPT = 60;

export function sidecarSymbols(file: SidecarFile, codebook: Codebook | undefined): SymbolData[] {
  const root = new Map(asRecordEntries(file.parsed.value));
  const out: SymbolData[] = [];
  for (const key of ['article', 'source', 'text-sha256']) {
    if (!root.has(key)) continue;
    const value = root.get(key);
    const s = entry(file, [key], key, typeof value === 'string' ? value : '', 'key');
    if (s) out.push(s);
  }
  const claims = asArray(root.get('claims'));
  const section = entry(file, ['claims'], 'claims', `${claims.length} claim${claims.length === 1 ? '' : 's'}`, 'section');
  if (!section) return out;
  claims.forEach((item, i) => {
    const c = new Map(asRecordEntries(item));
    const actor = str(c.get('actor'));
    const quote = str(new Map(asRecordEntries(c.get('quote'))).get('exact'));
    const name = `${codebook?.actors.get(actor)?.name ?? (actor || '?')}: “${excerpt(quote)}”`;
    const detail = [str(c.get('stance')) || '?', str(c.get('commitment')) || '?', str(c.get('id'))].filter(Boolean).join(' · ');
    const item$ = nodeRange(file.parsed, ['claims', i], 'value');
    if (!item$.exact) return;
    const start = Math.max(lineStartAt(file.text, item$.start), section.start);
    const id = nodeRange(file.parsed, ['claims', i, 'id'], 'value');
    const sel = id.exact ? id : { start: item$.start, end: item$.start };
    section.children.push({ name, detail, kind: 'claim', start, end: item$.end, selectionStart: sel.start, selectionEnd: sel.end, children: [] });
  });
  out.push(section);
  return out;
}

export function codebookSymbols(file: CodebookFile): SymbolData[] {
  const root = new Map(asRecordEntries(file.parsed.value));
  const out: SymbolData[] = [];
  const sections: Array<[string, 'actor' | 'commitment' | 'stance']> = [
    ['actors', 'actor'],
    ['commitments', 'commitment'],
    ['stances', 'stance'],
  ];
  for (const [key, kind] of sections) {
    const entries = asRecordEntries(root.get(key));
    const section = entry(file, [key], key, `${entries.length}`, 'section');
    if (!section) continue;
    for (const [id, raw] of entries) {
      const e = new Map(asRecordEntries(raw));
      const detail = kind === 'actor' ? [str(e.get('name')), str(e.get('type'))].filter(Boolean).join(' · ') : str(e.get('label'));
      const child = entry(file, [key, id], id, detail, kind);
      if (child) section.children.push(child);
    }
    out.push(section);
  }
  return out;
}

function entry(file: YamlFile, path: PathSegment[], name: string, detail: string, kind: SymbolKind): SymbolData | undefined {
  const pair = nodeRange(file.parsed, path, 'pair');
  const key = nodeRange(file.parsed, path, 'key');
  if (!pair.exact || !key.exact) return undefined;
  return { name, detail, kind, start: pair.start, end: Math.max(pair.end, key.end), selectionStart: key.start, selectionEnd: key.end, children: [] };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > EXCERPT ? `${one.slice(0, EXCERPT - 1)}…` : one;
}
