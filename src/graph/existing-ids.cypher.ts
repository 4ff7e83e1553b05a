import type { GraphRunner } from './graph-runner.js';

/** The labels whose ids data files may reference. */
export const ID_LABELS = {
  organisations: 'Organisation',
  people: 'Person',
  innovations: 'Innovation',
  regions: 'Region',
  themes: 'Theme',
  sources: 'Source',
} as const;
export type IdSection = keyof typeof ID_LABELS;

/** Which of the given ids exist in the graph, per label: one query for all of them. */
export async function findExistingIds(graph: GraphRunner, wanted: Record<IdSection, string[]>): Promise<Record<IdSection, Set<string>>> {
  const sections = Object.keys(ID_LABELS) as IdSection[];
  // Labels come from the constant table above, never from input; ids are parameters.
  const branches = sections.map((s) => `UNWIND $${s} AS id MATCH (n:${ID_LABELS[s]} {id: id}) RETURN '${s}' AS section, n.id AS id`);
  const rows = await graph.read<{ section: IdSection; id: string }>(
    `CALL () { ${branches.join(' UNION ALL ')} } RETURN section, id`,
    Object.fromEntries(sections.map((s) => [s, wanted[s]])),
    { tag: 'seed.existing-ids' },
  );
  const found = Object.fromEntries((Object.keys(ID_LABELS) as IdSection[]).map((s) => [s, new Set<string>()])) as Record<IdSection, Set<string>>;
  for (const row of rows) found[row.section].add(row.id);
  return found;
}
