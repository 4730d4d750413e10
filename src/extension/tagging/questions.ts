/**
 * The questions of tagging and editing a claim: actor (ranked by mentions, with "New actor…"),
 * commitment (hierarchy, recently used first), stance, then what the two require, each value
 * checked as it is typed. Any escape returns the step it happened at.
 */
import type { CodebookFile, FieldSpec } from '../../core';
import {
  commitmentChoices,
  idProblem,
  parseFieldInput,
  rankActors,
  requirements,
  stanceChoices,
  suggestId,
  textProblem,
  actorWithLabel,
  type FieldValue,
  type NewActor,
  type RankedActor,
} from '../../core/edit';
import type { PickItem } from './prompter';
import type { TaggingServices } from './services';

export const NEW_ACTOR = '＋new-actor';

export interface ClaimAnswers {
  actor: string;
  /** Set when the actor was created on the way: the codebook gets it in the same edit. */
  newActor?: NewActor;
  commitment: string;
  stance: string;
  /** Values of the keys the stance requires (condition, …). */
  keys: Array<[string, string]>;
  fields: Array<[string, FieldValue]>;
}

export interface QuestionContext {
  title: string;
  codebook: CodebookFile;
  /** Article text and the selection (UTF-16 offsets into it), for ranking actors by mentions. */
  text: string;
  start: number;
  end: number;
  /** Current values when editing a claim. */
  current?: { actor?: string; commitment?: string; stance?: string; keys?: Map<string, string>; fields?: Map<string, unknown> };
}

export type Asked<T> = { ok: true; value: T } | { ok: false; step: string };

const cancelledAt = (step: string): { ok: false; step: string } => ({ ok: false, step });

export async function askClaim(s: TaggingServices, q: QuestionContext): Promise<Asked<ClaimAnswers>> {
  const actor = await askActor(s, q, 'actor', true);
  if (!actor.ok) return actor;
  const commitment = await askCommitment(s, q);
  if (!commitment.ok) return commitment;
  const stance = await askStance(s, q);
  if (!stance.ok) return stance;
  const required = await askRequired(s, q, commitment.value, stance.value);
  if (!required.ok) return required;
  return { ok: true, value: { actor: actor.value.id, newActor: actor.value.newActor, commitment: commitment.value, stance: stance.value, ...required.value } };
}

/** The actor pick: mentions in the selection, then nearby, then recent, then everyone; "New actor…" last. */
export async function askActor(s: TaggingServices, q: QuestionContext, step: string, allowNew: boolean): Promise<Asked<{ id: string; newActor?: NewActor }>> {
  const ranked = rankActors(q.codebook.model, { text: q.text, start: q.start, end: q.end, recent: s.recent.get('actor') });
  const items = actorItems(ranked);
  if (allowNew) items.push({ id: NEW_ACTOR, label: '$(add) New actor…', description: 'add an actor to the codebook', alwaysShow: true });
  const picked = await s.prompter.pick({ step, title: q.title, placeholder: 'Actor: who commits? (type to search names, aliases and ids)', items, activeId: q.current?.actor });
  if (picked === undefined) return cancelledAt(step);
  if (picked !== NEW_ACTOR) return { ok: true, value: { id: picked } };
  const selected = q.text.slice(q.start, q.end).trim();
  const created = await askNewActor(s, q.codebook, q.title, selected.length <= 60 && !selected.includes('\n') ? selected : '');
  return created.ok ? { ok: true, value: { id: created.value.id, newActor: created.value } } : created;
}

function actorItems(ranked: RankedActor[]): PickItem[] {
  const items: PickItem[] = [];
  const headings: Record<RankedActor['reason'], string> = { selection: 'in the selection', context: 'mentioned nearby', recent: 'recently used', other: 'all actors' };
  let last: string | undefined;
  for (const r of ranked) {
    if (r.reason !== last) items.push({ id: `—${r.reason}`, label: headings[r.reason], separator: true });
    last = r.reason;
    const a = r.actor;
    const found = r.matched && r.matched !== a.name ? ` · “${r.matched}”` : '';
    items.push({ id: a.id, label: a.name, description: `${a.id}${a.type ? ` · ${a.type}` : ''}${found}`, detail: a.aliases.filter((x) => x !== a.name).join(', ') || undefined });
  }
  return items;
}

/** Name, id (suggested from the name) and type of a new actor; its name is its first alias. */
export async function askNewActor(s: TaggingServices, codebook: CodebookFile, title: string, name: string, alias?: string): Promise<Asked<NewActor>> {
  const typedName = await s.prompter.input({
    step: 'newActor.name',
    title,
    prompt: 'Name of the new actor (as it should appear in the codebook)',
    value: name,
    validate: (text) => {
      if (text.trim() === '') return 'a name is required';
      const owner = actorWithLabel(codebook, text);
      return owner ? `'${text.trim()}' is already a name or alias of '${owner}'` : undefined;
    },
  });
  if (typedName === undefined) return cancelledAt('newActor.name');
  const taken = new Set(codebook.model.actors.keys());
  const id = await s.prompter.input({
    step: 'newActor.id',
    title,
    prompt: 'Id of the new actor (lower-kebab-case; claims refer to it)',
    value: suggestId(typedName, taken),
    validate: (text) => idProblem(text.trim(), taken),
  });
  if (id === undefined) return cancelledAt('newActor.id');
  const type = await s.prompter.pick({
    step: 'newActor.type',
    title,
    placeholder: `Type of ${typedName.trim()}`,
    items: codebook.model.actorTypes.map((t) => ({ id: t, label: t })),
  });
  if (type === undefined) return cancelledAt('newActor.type');
  const aliases = alias !== undefined && alias.trim() !== '' && alias.trim() !== typedName.trim() ? [alias.trim(), typedName.trim()] : [typedName.trim()];
  return { ok: true, value: { id: id.trim(), name: typedName.trim(), type, aliases } };
}

export async function askCommitment(s: TaggingServices, q: QuestionContext): Promise<Asked<string>> {
  const choices = commitmentChoices(q.codebook.model, s.recent.get('commitment'));
  const items: PickItem[] = [];
  let section: boolean | undefined;
  for (const c of choices) {
    if (c.recent !== section) items.push({ id: c.recent ? '—recent' : '—all', label: c.recent ? 'recently used' : 'all commitments', separator: true });
    section = c.recent;
    const depth = c.recent ? 0 : c.depth;
    items.push({
      id: c.commitment.id,
      // Em spaces keep the hierarchy visible; the path says where a recent one sits.
      label: `${'\u2003'.repeat(depth)}${c.commitment.label}`,
      description: c.recent && c.path.length > 0 ? `${c.commitment.id} · ${c.path.join(' › ')}` : c.commitment.id,
      detail: c.commitment.description,
    });
  }
  const picked = await s.prompter.pick({ step: 'commitment', title: q.title, placeholder: 'Commitment: to what?', items, activeId: q.current?.commitment });
  return picked === undefined ? cancelledAt('commitment') : { ok: true, value: picked };
}

export async function askStance(s: TaggingServices, q: QuestionContext): Promise<Asked<string>> {
  const items: PickItem[] = stanceChoices(q.codebook.model, s.recent.get('stance')).map(({ stance, recent }) => ({
    id: stance.id,
    label: stance.label,
    description: `${stance.id}${recent ? ' · recently used' : ''}${stance.requires.length ? ` · requires ${stance.requires.join(', ')}` : ''}`,
    detail: stance.description,
  }));
  const picked = await s.prompter.pick({ step: 'stance', title: q.title, placeholder: 'Stance: how does the actor stand to it?', items, activeId: q.current?.stance });
  return picked === undefined ? cancelledAt('stance') : { ok: true, value: picked };
}

/** The keys the stance requires and the required fields of the commitment, asked one by one. */
export async function askRequired(
  s: TaggingServices,
  q: QuestionContext,
  commitment: string,
  stance: string,
): Promise<Asked<{ keys: Array<[string, string]>; fields: Array<[string, FieldValue]> }>> {
  const need = requirements(q.codebook.model, commitment, stance);
  const keys: Array<[string, string]> = [];
  for (const key of need.keys) {
    const step = key;
    const value = await s.prompter.input({
      step,
      title: q.title,
      prompt: `${key[0]?.toUpperCase()}${key.slice(1)} (required by the stance '${stance}')`,
      value: q.current?.keys?.get(key),
      placeholder: key === 'condition' ? 'e.g. only after a peace deal is signed' : undefined,
      validate: (text) => textProblem(key, text),
    });
    if (value === undefined) return cancelledAt(step);
    keys.push([key, value.trim()]);
  }
  const fields: Array<[string, FieldValue]> = [];
  for (const spec of need.fields) {
    const answer = await askField(s, q, spec);
    if (!answer.ok) return answer;
    fields.push([spec.name, answer.value]);
  }
  return { ok: true, value: { keys, fields } };
}

async function askField(s: TaggingServices, q: QuestionContext, spec: FieldSpec): Promise<Asked<FieldValue>> {
  const step = `field:${spec.name}`;
  const current = q.current?.fields?.get(spec.name);
  if (spec.type === 'enum' || spec.type === 'boolean') {
    const values = spec.type === 'enum' ? spec.values : ['true', 'false'];
    const picked = await s.prompter.pick({ step, title: q.title, placeholder: `${spec.name} (required field)`, items: values.map((v) => ({ id: v, label: v })), activeId: current === undefined ? undefined : String(current) });
    if (picked === undefined) return cancelledAt(step);
    return { ok: true, value: spec.type === 'boolean' ? picked === 'true' : picked };
  }
  if (spec.type === 'actor') {
    const actor = await askActor(s, { ...q, current: { actor: typeof current === 'string' ? current : undefined } }, step, false);
    return actor.ok ? { ok: true, value: actor.value.id } : actor;
  }
  const hint: Partial<Record<string, string>> = { money: 'e.g. EUR 90 billion', date: 'e.g. 2025-03-11', number: 'a number' };
  const typed = await s.prompter.input({
    step,
    title: q.title,
    prompt: `${spec.name} (required field${spec.type ? `, ${spec.type}` : ''})`,
    value: current === undefined ? undefined : String(current),
    placeholder: hint[spec.type ?? ''],
    validate: (text) => {
      const r = parseFieldInput(spec, text, q.codebook.model);
      return r.ok ? undefined : r.message;
    },
  });
  if (typed === undefined) return cancelledAt(step);
  const parsed = parseFieldInput(spec, typed, q.codebook.model);
  return parsed.ok ? { ok: true, value: parsed.value } : cancelledAt(step);
}
