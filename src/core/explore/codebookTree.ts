/**
 * The Codebook view as plain data: actors by type, commitments as their hierarchy, stances,
 * each with its claim count. An entry no claim uses is marked `unused` (a commitment is used
 * when it or a narrower commitment is). Nodes name their YAML path so a click can open it.
 */
import type { Codebook } from '../model/codebook';
import type { PathSegment } from '../yaml/ranges';
import type { ClaimRow } from './rows';

export type CodebookNodeKind = 'section' | 'actorType' | 'actor' | 'commitment' | 'stance';

export interface CodebookNode {
  kind: CodebookNodeKind;
  id: string;
  /** The entry's id (actor, commitment, stance, actor type), or the section name. */
  key: string;
  label: string;
  /** Claims using exactly this entry. */
  count: number;
  /** With narrower commitments included (equals `count` for other kinds). */
  total: number;
  unused: boolean;
  /** Where the entry is in claimbook.yaml (undefined for groupings that are not entries). */
  yamlPath: PathSegment[] | undefined;
  children: CodebookNode[];
}

export function codebookTree(codebook: Codebook, rows: readonly ClaimRow[], idPrefix = ''): CodebookNode[] {
  const tally = (pick: (r: ClaimRow) => string | undefined): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = pick(r);
      if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const byActor = tally((r) => r.actor);
  const byCommitment = tally((r) => r.commitment);
  const byStance = tally((r) => r.stance);

  const actorTypes = [...codebook.actorTypes];
  for (const a of codebook.actors.values()) if (a.type !== undefined && !actorTypes.includes(a.type)) actorTypes.push(a.type);
  const typeGroups: CodebookNode[] = [];
  for (const type of [...actorTypes, undefined]) {
    const actors = [...codebook.actors.values()].filter((a) => a.type === type);
    if (actors.length === 0) continue;
    const children = actors.map((a): CodebookNode => {
      const count = byActor.get(a.id) ?? 0;
      return { kind: 'actor', id: `${idPrefix}actor:${a.id}`, key: a.id, label: a.name, count, total: count, unused: count === 0, yamlPath: ['actors', a.id], children: [] };
    });
    const total = sum(children.map((c) => c.count));
    const key = type ?? '(no type)';
    typeGroups.push({ kind: 'actorType', id: `${idPrefix}actorType:${key}`, key, label: key, count: total, total, unused: total === 0, yamlPath: undefined, children });
  }

  const commitments = commitmentForest(codebook, byCommitment, idPrefix);
  const stances = [...codebook.stances.values()].map((s): CodebookNode => {
    const count = byStance.get(s.id) ?? 0;
    return { kind: 'stance', id: `${idPrefix}stance:${s.id}`, key: s.id, label: s.label, count, total: count, unused: count === 0, yamlPath: ['stances', s.id], children: [] };
  });

  const section = (key: string, label: string, yamlKey: string, children: CodebookNode[], total: number): CodebookNode =>
    ({ kind: 'section', id: `${idPrefix}section:${key}`, key, label, count: total, total, unused: false, yamlPath: [yamlKey], children });
  return [
    section('actors', 'Actors', 'actors', typeGroups, sum(typeGroups.map((g) => g.total))),
    section('commitments', 'Commitments', 'commitments', commitments, sum(commitments.map((c) => c.total))),
    section('stances', 'Stances', 'stances', stances, sum(stances.map((s) => s.count))),
  ];
}

/** Commitments under their parents; those whose parent is missing or in a cycle become roots, so none is lost. */
function commitmentForest(codebook: Codebook, counts: Map<string, number>, idPrefix: string): CodebookNode[] {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const c of codebook.commitments.values()) {
    if (c.parent !== undefined && codebook.commitments.has(c.parent) && c.parent !== c.id) {
      children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
    } else roots.push(c.id);
  }
  const placed = new Set<string>();
  const make = (id: string): CodebookNode => {
    placed.add(id);
    const c = codebook.commitments.get(id);
    const kids = (children.get(id) ?? []).filter((k) => !placed.has(k)).map(make);
    const count = counts.get(id) ?? 0;
    const total = count + sum(kids.map((k) => k.total));
    return { kind: 'commitment', id: `${idPrefix}commitment:${id}`, key: id, label: c?.label ?? id, count, total, unused: total === 0, yamlPath: ['commitments', id], children: kids };
  };
  const forest = roots.map(make);
  // Members of a parent cycle are reachable from no root.
  for (const c of codebook.commitments.keys()) if (!placed.has(c)) forest.push(make(c));
  return forest;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
