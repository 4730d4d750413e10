/** Ids for new codebook entries: lower-kebab-case from a name, unique among existing ids. */
import { fold } from './fuzzy';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Recep Tayyip Erdoğan" → "recep-tayyip-erdogan"; "U.S." → "us"; a clash gets "-2", "-3", … */
export function suggestId(name: string, taken: ReadonlySet<string> | ((id: string) => boolean)): string {
  const has = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  const base =
    fold(name)
      .replace(/['’.]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'actor';
  if (!has(base)) return base;
  for (let n = 2; ; n++) if (!has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Why an id typed for a new entry is not acceptable; undefined when it is. */
export function idProblem(id: string, taken: ReadonlySet<string>): string | undefined {
  if (id === '') return 'an id is required';
  if (!ID_PATTERN.test(id)) return 'ids are lower-kebab-case: lowercase letters and digits joined by single hyphens, e.g. emmanuel-macron';
  if (taken.has(id)) return `'${id}' is already used`;
  return undefined;
}
