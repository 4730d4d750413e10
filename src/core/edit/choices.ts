/** Commitments and stances as pick lists: the hierarchy in order, recently used first. */
import type { Codebook, Commitment, FieldSpec, Stance } from '../model/codebook';
import { effectiveFields } from '../model/codebook';

export interface CommitmentChoice {
  commitment: Commitment;
  /** 0 for a root, 1 for its children, … */
  depth: number;
  /** Labels of the ancestors, nearest last: "Military support › Deploy troops". */
  path: string[];
  recent: boolean;
}

/** Every commitment once: recently used ones first (most recent first), then the tree depth-first in codebook order. */
export function commitmentChoices(codebook: Codebook, recent: readonly string[] = []): CommitmentChoice[] {
  const tree = commitmentTree(codebook);
  const byId = new Map(tree.map((c) => [c.commitment.id, c]));
  const first = recent.flatMap((id) => {
    const c = byId.get(id);
    return c ? [{ ...c, recent: true }] : [];
  });
  const taken = new Set(first.map((c) => c.commitment.id));
  return [...first, ...tree.filter((c) => !taken.has(c.commitment.id))];
}

/** The commitments depth-first: roots (no parent, or a parent that is missing or in a cycle) in codebook order. */
export function commitmentTree(codebook: Codebook): CommitmentChoice[] {
  const children = new Map<string, Commitment[]>();
  const roots: Commitment[] = [];
  for (const c of codebook.commitments.values()) {
    if (c.parent !== undefined && codebook.commitments.has(c.parent) && c.parent !== c.id) children.set(c.parent, [...(children.get(c.parent) ?? []), c]);
    else roots.push(c);
  }
  const out: CommitmentChoice[] = [];
  const seen = new Set<string>();
  const visit = (c: Commitment, depth: number, path: string[]) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    out.push({ commitment: c, depth, path, recent: false });
    for (const child of children.get(c.id) ?? []) visit(child, depth + 1, [...path, c.label]);
  };
  for (const r of roots) visit(r, 0, []);
  // Members of a parent cycle have no root above them: list them at the top level.
  for (const c of codebook.commitments.values()) visit(c, 0, []);
  return out;
}

export function stanceChoices(codebook: Codebook, recent: readonly string[] = []): Array<{ stance: Stance; recent: boolean }> {
  const all = [...codebook.stances.values()];
  const first = recent.flatMap((id) => {
    const s = codebook.stances.get(id);
    return s ? [{ stance: s, recent: true }] : [];
  });
  const taken = new Set(first.map((s) => s.stance.id));
  return [...first, ...all.filter((s) => !taken.has(s.id)).map((stance) => ({ stance, recent: false }))];
}

/** What a claim with this commitment and stance must carry besides the ids: keys the stance requires, required fields. */
export interface Requirements {
  /** Top-level claim keys required by the stance (usually `condition`). */
  keys: string[];
  /** Required fields of the commitment and its ancestors, plus stance requirements that name a field. */
  fields: FieldSpec[];
}

/** Claim keys a stance may require that hold free text. */
const TEXT_KEYS = ['condition', 'note'];

export function requirements(codebook: Codebook, commitmentId: string, stanceId: string): Requirements {
  const specs = effectiveFields(codebook, commitmentId);
  const keys: string[] = [];
  const fields: FieldSpec[] = [...specs.values()].filter((f) => f.required);
  for (const key of codebook.stances.get(stanceId)?.requires ?? []) {
    const spec = specs.get(key);
    if (spec) {
      if (!fields.includes(spec)) fields.push(spec);
    } else if (TEXT_KEYS.includes(key)) {
      if (!keys.includes(key)) keys.push(key);
    } else if (!fields.some((f) => f.name === key)) {
      // Not a claim key and not a declared field: it can only live under `fields`.
      fields.push({ name: key, type: 'string', values: [], required: true });
    }
  }
  return { keys, fields };
}
