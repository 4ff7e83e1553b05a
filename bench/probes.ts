import type { GraphRunner } from '../src/graph/graph-runner.js';
import type { Probes } from './operations.js';

/** The real seed graph's own examples (README), for scale S. */
const SEED_PROBES = { organisationId: 'kolding-kommune', innovationId: 'affald-kolding', searchText: 'videokonsultation' };

export const PAGE_SIZE = 50;
/** The deep page: the 200th, or the last one where there are fewer. */
const DEEP_PAGE = 200;

/**
 * Chooses what the operations aim at, the same way on every run of the same data. In synthetic
 * data: the network centre is a busy municipality (90th percentile of participations), the
 * cascade root a widely spread innovation (95th percentile of the cascade sizes of those that
 * spread), neither the extreme hub the heavy tail also makes.
 */
export async function chooseProbes(graph: GraphRunner, synthetic: boolean): Promise<Probes> {
  const ids = synthetic ? await syntheticIds(graph) : SEED_PROBES;
  const [subject] = await graph.read<{ title: string; targetGroup: string | null }>(
    'MATCH (i:Innovation {id: $id}) RETURN i.title AS title, i.targetGroup AS targetGroup',
    { id: ids.innovationId },
    { tag: 'bench.probes' },
  );
  if (!subject) throw new Error(`the probe innovation ${ids.innovationId} is not in the graph`);
  const [count] = await graph.read<{ n: number }>('MATCH (i:Innovation) WHERE coalesce(i.retired, false) = false RETURN count(i) AS n', {}, { tag: 'bench.probes' });
  const pages = Math.ceil((count?.n ?? 0) / PAGE_SIZE);
  const deepPage = Math.max(2, Math.min(DEEP_PAGE, pages));
  const [key] = await graph.read<{ key: [string, string] }>(
    `MATCH (i:Innovation) WHERE coalesce(i.retired, false) = false
     WITH i ORDER BY i.title, i.id SKIP $skip LIMIT 1 RETURN [i.title, i.id] AS key`,
    { skip: (deepPage - 1) * PAGE_SIZE - 1 },
    { tag: 'bench.probes' },
  );
  if (!key) throw new Error('the graph holds too few innovations for a second page');
  return { ...ids, innovationTitle: subject.title, innovationTargetGroup: subject.targetGroup, deepPage, deepPageKey: key.key, pageSize: PAGE_SIZE };
}

async function syntheticIds(graph: GraphRunner): Promise<{ organisationId: string; innovationId: string; searchText: string }> {
  const [row] = await graph.read<{ organisationId: string; innovationId: string }>(
    `CALL () {
       MATCH (o:Organisation {kind: 'MUNICIPALITY'})
       WITH o, COUNT { (o)-[:NOMINATED|MADE|PARTNER_IN]->() } AS n ORDER BY n, o.id
       WITH collect(o.id) AS ids
       RETURN ids[toInteger(size(ids) * 0.9)] AS organisationId
     }
     CALL () {
       MATCH (i:Innovation) WHERE EXISTS { (i)<-[:ADOPTED]-() } OR EXISTS { (i)<-[:BUILDS_ON]-() }
       WITH i, COUNT { (i)<-[:ADOPTED]-() } + COUNT { (i)<-[:BUILDS_ON]-() } AS n ORDER BY n, i.id
       WITH collect(i.id) AS ids
       RETURN ids[toInteger(size(ids) * 0.95)] AS innovationId
     }
     RETURN organisationId, innovationId`,
    {},
    { tag: 'bench.probes' },
  );
  if (!row) throw new Error('the synthetic graph has no municipality or no spread innovation');
  return { ...row, searchText: 'videokonsultation' };
}
