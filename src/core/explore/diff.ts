/**
 * Which nodes of a tree to refresh after a rebuild: the topmost nodes whose own look changed or
 * whose list of children changed. Refreshing those alone keeps the rest of the view (and its
 * expansion and selection) untouched.
 */
export interface DiffNode {
  id: string;
  children?: readonly DiffNode[];
}

export interface TreeChanges {
  /** The top level itself changed: refresh everything. */
  root: boolean;
  /** Ids of nodes (present before and after) to refresh, none below another. */
  changed: string[];
}

export function treeChanges<T extends DiffNode>(before: readonly T[], after: readonly T[], signature: (node: T) => string): TreeChanges {
  if (!sameIds(before, after)) return { root: true, changed: [] };
  const changed: string[] = [];
  const visit = (old: readonly T[], now: readonly T[]) => {
    now.forEach((n, i) => {
      const o = old[i] as T;
      const oc = (o.children ?? []) as readonly T[];
      const nc = (n.children ?? []) as readonly T[];
      if (signature(o) !== signature(n) || !sameIds(oc, nc)) changed.push(n.id);
      else visit(oc, nc);
    });
  };
  visit(before, after);
  return { root: false, changed };
}

function sameIds(a: readonly DiffNode[], b: readonly DiffNode[]): boolean {
  return a.length === b.length && a.every((n, i) => n.id === b[i]?.id);
}
