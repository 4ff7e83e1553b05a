import { findInvariantViolations } from '../../src/graph/invariants.cypher.js';
import type { GraphRunner } from '../../src/graph/graph-runner.js';
import type { Workload } from './workload.js';

/** What the soak checks in the graph once its traffic has ended. */
export interface Finding {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

export async function checkConsistency(graph: GraphRunner, workload: Workload, facts: { seedInnovations: number; writer: string; attackPrefix: string }): Promise<Finding[]> {
  const findings: Finding[] = [];
  const tag = { tag: 'soak.check', timeoutMs: 60_000 };

  const acknowledged = [...workload.acknowledgedOrganisations];
  const created = await graph.read<{ id: string; n: number }>('UNWIND $ids AS id OPTIONAL MATCH (o:Organisation {id: id}) RETURN id, count(o) AS n', { ids: acknowledged }, tag);
  const missing = created.filter((r) => r.n === 0).map((r) => r.id);
  const doubled = created.filter((r) => r.n > 1).map((r) => r.id);
  findings.push({
    check: 'every acknowledged createOrganisation exists exactly once',
    ok: missing.length === 0 && doubled.length === 0 && created.length === acknowledged.length,
    detail: `${acknowledged.length} acknowledged, ${missing.length} missing${missing.length ? ` (${missing.slice(0, 5).join(', ')})` : ''}, ${doubled.length} more than once`,
  });

  const unacknowledged = [...workload.attemptedOrganisations].filter((id) => !workload.acknowledgedOrganisations.has(id));
  const [unknownOutcome] = await graph.read<{ present: number; doubled: number }>(
    'UNWIND $ids AS id OPTIONAL MATCH (o:Organisation {id: id}) WITH id, count(o) AS n RETURN sum(CASE WHEN n > 0 THEN 1 ELSE 0 END) AS present, sum(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS doubled',
    { ids: unacknowledged },
    tag,
  );
  findings.push({
    check: 'creates that were not acknowledged exist at most once',
    ok: (unknownOutcome?.doubled ?? 0) === 0,
    detail: `${unacknowledged.length} not acknowledged (failed or cut off), of which ${unknownOutcome?.present ?? 0} were committed anyway`,
  });

  const pairs = [...workload.acknowledgedAdoptions].map((key) => key.split('|'));
  if (pairs.length > 0) {
    const adoptions = await graph.read<{ pair: string[]; n: number }>(
      'UNWIND $pairs AS pair OPTIONAL MATCH (:Organisation {id: pair[0]})-[a:ADOPTED]->(:Innovation {id: pair[1]}) RETURN pair, count(a) AS n',
      { pairs },
      tag,
    );
    const wrong = adoptions.filter((r) => r.n !== 1).length;
    findings.push({ check: 'every acknowledged adoption exists exactly once', ok: wrong === 0, detail: `${pairs.length} organisation-innovation pairs, ${wrong} not exactly once` });
  }
  const [doubledAdoptions] = await graph.read<{ n: number }>(
    'MATCH (o:Organisation)-[a:ADOPTED]->(i:Innovation) WHERE o.id STARTS WITH $prefix WITH o, i, count(a) AS n WHERE n > 1 RETURN count(*) AS n',
    { prefix: 'soak-' },
    tag,
  );
  findings.push({ check: 'no organisation of this run adopted one innovation twice', ok: doubledAdoptions?.n === 0, detail: `${doubledAdoptions?.n ?? '?'} pairs with more than one ADOPTED` });

  const duplicates = await graph.read<{ label: string; id: string; n: number }>(
    'MATCH (n) WHERE n.id IS NOT NULL UNWIND labels(n) AS label WITH label, n.id AS id, count(*) AS n WHERE n > 1 RETURN label, id, n ORDER BY label, id LIMIT 10',
    {},
    tag,
  );
  findings.push({
    check: 'no id is used twice within a label',
    ok: duplicates.length === 0,
    detail: duplicates.length === 0 ? 'none' : duplicates.map((d) => `${d.label} ${d.id} x${d.n}`).join(', '),
  });

  const [orphans] = await graph.read<{ n: number; total: number }>(
    'MATCH (c:Change) RETURN count(c) AS total, count(CASE WHEN NOT EXISTS { (c)-[:CHANGED]->() } THEN 1 END) AS n',
    {},
    tag,
  );
  findings.push({ check: 'every Change node is linked to an entity', ok: orphans?.n === 0, detail: `${orphans?.total ?? 0} Change nodes, ${orphans?.n ?? '?'} unlinked` });

  const changes = await graph.read<{ action: string; n: number }>('MATCH (c:Change) WHERE c.actor = $actor RETURN c.action AS action, count(c) AS n', { actor: facts.writer }, tag);
  const short = [...workload.acknowledgedByAction].filter(([action, n]) => (changes.find((c) => c.action === action)?.n ?? 0) < n);
  findings.push({
    check: 'every acknowledged write left its Change node',
    ok: short.length === 0,
    detail: [...workload.acknowledgedByAction].map(([action, n]) => `${action} ${n} acknowledged / ${changes.find((c) => c.action === action)?.n ?? 0} recorded`).join(', '),
  });

  const [innovations] = await graph.read<{ n: number }>('MATCH (i:Innovation) WHERE NOT i.id STARTS WITH $prefix RETURN count(i) AS n', { prefix: facts.attackPrefix }, tag);
  findings.push({
    check: 'the seed innovations are all there, and no more besides the attackers\' own',
    ok: innovations?.n === facts.seedInnovations,
    detail: `${innovations?.n ?? '?'} innovations outside ${facts.attackPrefix}*, ${facts.seedInnovations} after seeding`,
  });

  const violations = await findInvariantViolations(graph);
  findings.push({
    check: 'every rule of the graph model holds (src/graph/invariants.cypher.ts)',
    ok: violations.length === 0,
    detail: violations.length === 0 ? 'no rule broken' : violations.map((v) => `${v.rule}: ${v.examples.slice(0, 3).join(', ')}`).join('; '),
  });
  return findings;
}
