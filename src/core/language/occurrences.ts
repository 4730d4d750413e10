/**
 * Where codebook ids occur in a file: their definitions (keys of `actors`, `commitments`,
 * `stances`) and references (a claim's actor/speaker/commitment/stance and actor-typed fields;
 * `represents`, `parent` and `contradictions` in the codebook). Go to definition, references,
 * hover and rename all work from this list.
 */
import type { CodebookFile, SidecarFile, YamlFile } from '../dataset/files';
import { effectiveFields, type Codebook } from '../model/codebook';
import { asArray, asRecordEntries } from '../model/plain';
import { nodeRange, type PathSegment } from '../yaml/ranges';

export type IdKind = 'actor' | 'commitment' | 'stance';

export interface IdOccurrence {
  kind: IdKind;
  id: string;
  /** UTF-16 offsets of the key or scalar in the file's text. */
  start: number;
  end: number;
  definition: boolean;
  path: PathSegment[];
}

export function codebookOccurrences(file: CodebookFile): IdOccurrence[] {
  const out: IdOccurrence[] = [];
  const root = new Map(asRecordEntries(file.parsed.value));
  const sections: Array<[string, IdKind]> = [
    ['actors', 'actor'],
    ['commitments', 'commitment'],
    ['stances', 'stance'],
  ];
  for (const [section, kind] of sections) {
    for (const [id, entry] of asRecordEntries(root.get(section))) {
      add(out, file, kind, id, [section, id], true);
      const e = new Map(asRecordEntries(entry));
      if (kind === 'actor') scalar(out, file, 'actor', e.get('represents'), [section, id, 'represents']);
      if (kind === 'commitment') scalar(out, file, 'commitment', e.get('parent'), [section, id, 'parent']);
    }
  }
  asArray(root.get('contradictions')).forEach((pair, i) => {
    asArray(pair).forEach((stance, j) => scalar(out, file, 'stance', stance, ['contradictions', i, j]));
  });
  return sorted(out);
}

export function sidecarOccurrences(file: SidecarFile, codebook: Codebook | undefined): IdOccurrence[] {
  const out: IdOccurrence[] = [];
  const root = new Map(asRecordEntries(file.parsed.value));
  asArray(root.get('claims')).forEach((item, i) => {
    const c = new Map(asRecordEntries(item));
    scalar(out, file, 'actor', c.get('actor'), ['claims', i, 'actor']);
    scalar(out, file, 'actor', c.get('speaker'), ['claims', i, 'speaker']);
    scalar(out, file, 'commitment', c.get('commitment'), ['claims', i, 'commitment']);
    scalar(out, file, 'stance', c.get('stance'), ['claims', i, 'stance']);
    const commitment = c.get('commitment');
    if (!codebook || typeof commitment !== 'string') return;
    const specs = effectiveFields(codebook, commitment);
    for (const [name, value] of asRecordEntries(c.get('fields'))) {
      if (specs.get(name)?.type === 'actor') scalar(out, file, 'actor', value, ['claims', i, 'fields', name]);
    }
  });
  return sorted(out);
}

/** The occurrence under an offset (ends inclusive, so a cursor just after an id still finds it). */
export function occurrenceAt(occurrences: readonly IdOccurrence[], offset: number): IdOccurrence | undefined {
  return occurrences.find((o) => o.start <= offset && offset <= o.end);
}

function scalar(out: IdOccurrence[], file: YamlFile, kind: IdKind, value: unknown, path: PathSegment[]): void {
  if (typeof value !== 'string' || value === '') return;
  add(out, file, kind, value, path, false);
}

function add(out: IdOccurrence[], file: YamlFile, kind: IdKind, id: string, path: PathSegment[], definition: boolean): void {
  const r = nodeRange(file.parsed, path, definition ? 'key' : 'value');
  if (!r.exact) return;
  out.push({ kind, id, start: r.start, end: r.end, definition, path });
}

function sorted(list: IdOccurrence[]): IdOccurrence[] {
  return list.sort((a, b) => a.start - b.start);
}

/** Occurrences in a file given whether it is the codebook. */
export function occurrencesIn(file: YamlFile, codebook: CodebookFile | undefined): IdOccurrence[] {
  if (codebook && file.path === codebook.path) return codebookOccurrences(codebook);
  if ('model' in file && 'articlePath' in file) return sidecarOccurrences(file as SidecarFile, codebook?.model);
  return [];
}
