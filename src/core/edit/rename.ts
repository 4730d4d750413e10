/** Rename of a codebook id across the codebook and every sidecar, as offset edits per file. */
import type { YamlFile } from '../dataset/files';
import type { TextEdit } from '../model/finding';
import { renderScalar } from '../fixes/yamlEdit';
import type { IdKind, IdOccurrence } from '../language/occurrences';
import { editRefusal, type EditProblem } from './result';
import { idProblem } from './suggestId';

export interface RenameInput {
  file: YamlFile;
  occurrences: readonly IdOccurrence[];
}

export type RenameResult = { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; problem: EditProblem };

/**
 * Edits renaming `oldId` (of `kind`) to `newId` wherever it occurs. Refused when the new id is
 * not a valid id or is taken, or when a file that mentions the old id does not parse: its
 * occurrences cannot be known, and a half-done rename is worse than none.
 */
export function renameEdits(inputs: readonly RenameInput[], kind: IdKind, oldId: string, newId: string, taken: ReadonlySet<string>): RenameResult {
  const first = inputs[0]?.file ?? { path: '' };
  const bad = newId === oldId ? undefined : idProblem(newId, taken);
  if (bad) return { ok: false, problem: { file: first.path, message: bad, start: 0, end: 0 } };
  const edits = new Map<string, TextEdit[]>();
  for (const { file, occurrences } of inputs) {
    const refusal = file.text.includes(oldId) ? editRefusal(file) : undefined;
    if (refusal) return { ok: false, problem: { ...refusal, message: `cannot rename '${oldId}': ${refusal.message}` } };
    const list = occurrences.filter((o) => o.kind === kind && o.id === oldId).map((o) => ({ start: o.start, end: o.end, newText: renderScalar(newId) }));
    if (list.length > 0) edits.set(file.path, list);
  }
  return { ok: true, edits };
}
