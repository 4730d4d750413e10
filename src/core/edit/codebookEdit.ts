/** Edits of `claimbook.yaml` that keep its comments: a new actor, a new alias. */
import type { CodebookFile } from '../dataset/files';
import type { TextEdit } from '../model/finding';
import { asRecordEntries } from '../model/plain';
import { appendToSeq, insertKeyAfter, renderScalar } from '../fixes/yamlEdit';
import { nodeRange } from '../yaml/ranges';
import { column, eolOf, lineEndAt } from './lines';
import { renderKey } from './renderClaim';
import { done, editRefusal, refuse, type EditResult } from './result';
import { idProblem } from './suggestId';

export interface NewActor {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}

/** The actor that already goes by `label` (as name or alias, ignoring case, as alias-collision does), if any. */
export function actorWithLabel(file: CodebookFile, label: string): string | undefined {
  const wanted = label.trim().toLowerCase();
  for (const a of file.model.actors.values()) if ([a.name, ...a.aliases].some((l) => l.trim().toLowerCase() === wanted)) return a.id;
  return undefined;
}

/**
 * Adds an actor after the last actor of the same type (the codebook's grouping), else after the
 * last actor, indented like its neighbours.
 */
export function addActor(file: CodebookFile, actor: NewActor): EditResult {
  const problem = editRefusal(file);
  if (problem) return { ok: false, problem };
  const bad = idProblem(actor.id, new Set(file.model.actors.keys()));
  if (bad) return refuse(file, bad);
  if (actor.name.trim() === '') return refuse(file, 'the actor needs a name');
  for (const label of [actor.name, ...actor.aliases]) {
    const owner = actorWithLabel(file, label);
    if (owner) return refuse(file, `'${label}' already belongs to actor '${owner}' (aliases must be unique)`);
  }
  const text = file.text;
  const eol = eolOf(text);
  const root = new Map(asRecordEntries(file.parsed.value));
  const aliases = uniqueLabels(actor.aliases);
  const body = (indent: string) =>
    [
      `name: ${renderScalar(actor.name)}`,
      `type: ${renderScalar(actor.type)}`,
      ...(aliases.length > 0 ? [`aliases: [${aliases.map((a) => renderScalar(a)).join(', ')}]`] : []),
    ].map((line) => `${indent}${line}`);

  if (!root.has('actors') || root.get('actors') === null) {
    const lines = [`  ${renderKey(actor.id)}:`, ...body('    ')];
    if (!root.has('actors')) {
      const lead = text.length === 0 || /[\r\n]$/.test(text) ? '' : eol;
      return done([{ start: text.length, end: text.length, newText: `${lead}actors:${eol}${lines.join(eol)}${eol}` }]);
    }
    const key = nodeRange(file.parsed, ['actors'], 'key');
    const colon = text.indexOf(':', key.end);
    return done([{ start: colon + 1, end: colon + 1, newText: eol + lines.join(eol) }]);
  }
  const ids = [...file.model.actors.keys()];
  const value = nodeRange(file.parsed, ['actors'], 'value');
  if (ids.length === 0) {
    if (text.slice(value.start, value.end).replace(/\s/g, '') !== '{}') return refuse(file, 'actors: is not a map', value.start, value.end);
    const indent = column(text, nodeRange(file.parsed, ['actors'], 'key').start) + 2;
    const lines = [`${' '.repeat(indent)}${renderKey(actor.id)}:`, ...body(' '.repeat(indent + 2))];
    return done([{ start: value.start, end: value.end, newText: eol + lines.join(eol) }]);
  }
  if (text[value.start] === '{') return refuse(file, 'actors: is written as a flow map { … }; add the actor by hand', value.start, value.end);
  const sameType = ids.filter((id) => file.model.actors.get(id)?.type === actor.type);
  const after = (sameType[sameType.length - 1] ?? ids[ids.length - 1]) as string;
  const afterKey = nodeRange(file.parsed, ['actors', after], 'key');
  const afterValue = nodeRange(file.parsed, ['actors', after], 'value');
  const keyIndent = column(text, afterKey.start);
  // Children indented like the neighbour's, when it is a block map.
  const firstChild = nodeRange(file.parsed, ['actors', after, 'name'], 'key');
  const childIndent = firstChild.exact && column(text, firstChild.start) > keyIndent && text[afterValue.start] !== '{' ? column(text, firstChild.start) : keyIndent + 2;
  const at = lineEndAt(text, afterValue.end);
  const lines = [`${' '.repeat(keyIndent)}${renderKey(actor.id)}:`, ...body(' '.repeat(childIndent))];
  return done([{ start: at, end: at, newText: eol + lines.join(eol) }]);
}

/** Appends an alias to an actor's `aliases` (flow or block list), or adds the list after `type`/`name`. */
export function addAlias(file: CodebookFile, actorId: string, alias: string): EditResult {
  const problem = editRefusal(file);
  if (problem) return { ok: false, problem };
  const actor = file.model.actors.get(actorId);
  if (!actor) return refuse(file, `there is no actor '${actorId}'`);
  const label = alias.trim();
  if (label === '') return refuse(file, 'the alias is empty');
  const owner = actorWithLabel(file, label);
  if (owner === actorId) return refuse(file, `'${label}' is already a name or alias of '${actorId}'`, ...span(file, ['actors', actorId]));
  if (owner) return refuse(file, `'${label}' already belongs to actor '${owner}' (aliases must be unique)`, ...span(file, ['actors', owner]));
  const raw = new Map(asRecordEntries(new Map(asRecordEntries(file.parsed.value)).get('actors')));
  const entry = new Map(asRecordEntries(raw.get(actorId)));
  const path = ['actors', actorId];
  let edit: TextEdit | undefined;
  if (entry.has('aliases')) {
    const list = entry.get('aliases');
    if (!Array.isArray(list)) return refuse(file, `aliases of '${actorId}' is not a list`, ...span(file, [...path, 'aliases']));
    edit = appendToSeq(file, [...path, 'aliases'], list.length, renderScalar(label));
  } else {
    const after = ['type', 'name'].find((k) => entry.has(k)) ?? [...entry.keys()].pop();
    edit = after ? insertKeyAfter(file, path, after, 'aliases', `[${renderScalar(label)}]`) : undefined;
  }
  return edit ? done([edit]) : refuse(file, `could not add an alias to '${actorId}'`, ...span(file, path));
}

function span(file: CodebookFile, path: string[]): [number, number] {
  const r = nodeRange(file.parsed, path, 'key');
  return [r.start, r.end];
}

function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const label of labels.map((l) => l.trim())) {
    if (label === '' || seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    out.push(label);
  }
  return out;
}
