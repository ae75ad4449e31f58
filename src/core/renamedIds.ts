// A rename never takes another entity's id. Ids follow names (`type:slug`), and alias resolution
// numbers a clash in key order; when an analyst renames an entity to the name of another one,
// the entity that had the name keeps its id and the renamed one is numbered after it.
import { Cluster, slug } from './aliases';
import { Corrections } from './corrections';

export interface SettledIds {
  clusters: Cluster[];
  /** One line per renamed entity that could not have the plain id of its new name. */
  problems: string[];
}

export function settleRenamedIds(clusters: Cluster[], corrections: Corrections): SettledIds {
  if (!corrections.rename.size) return { clusters, problems: [] };
  const isRenamed = (c: Cluster) => c.keys.some((k) => corrections.rename.has(k));
  const byBase = new Map<string, Cluster[]>();
  for (const c of clusters) {
    const base = `${c.type}:${slug(c.name)}`;
    const list = byBase.get(base);
    if (list) list.push(c);
    else byBase.set(base, [c]);
  }
  const replaced = new Map<Cluster, Cluster>();
  const problems: string[] = [];
  for (const [base, list] of byBase) {
    if (list.length < 2 || !list.some(isRenamed)) continue;
    // Entities named so by the analysis first, renamed ones after; key order within each.
    const ordered = [...list].sort((a, b) => Number(isRenamed(a)) - Number(isRenamed(b)) || (a.keys[0] < b.keys[0] ? -1 : 1));
    ordered.forEach((c, i) => {
      const id = i === 0 ? base : `${base}-${i + 1}`;
      if (id !== c.id) replaced.set(c, { ...c, id });
      if (i > 0 && isRenamed(c)) {
        problems.push(`rename to "${c.name}": ${base} already belongs to another entity; the renamed one is ${id}`);
      }
    });
  }
  return { clusters: replaced.size ? clusters.map((c) => replaced.get(c) ?? c) : clusters, problems };
}
