import { describe, expect, it } from 'vitest';
import { updateInnovation } from '../../src/graph/writes/innovation-writes.cypher.js';
import { mergeOrganisations } from '../../src/graph/writes/merge-writes.cypher.js';
import { updateOrganisation } from '../../src/graph/writes/organisation-writes.cypher.js';
import { linkInnovations, recordAdoption } from '../../src/graph/writes/relation-writes.cypher.js';
import type { WriteResult } from '../../src/graph/writes/write-result.js';
import { toPayload } from '../../src/modules/common/mutation-problem.type.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';

const graph = useTestGraph();
const ns = useNamespace(graph, 'loops');

/** A write's result as the API shows it: the problem worded, with the path of its argument in the mutation. */
const shown = <T>(result: WriteResult<T>) => ({ ok: result.ok, problem: toPayload('value', result).problem });

const FACT = { mode: 'ADAPT', status: 'ADOPTED', year: 2021, evidence: 'Kilden siger det.', source: 'test:1-2' };

async function organisations(...ids: string[]): Promise<void> {
  await graph.write(
    `UNWIND $ids AS id CREATE (:Organisation {id: id, name: 'Org ' + id, kind: 'UNIT', aliases: [], aliasText: '', createdAt: datetime()})`,
    { ids },
    { tag: 'test' },
  );
}

async function innovations(...ids: string[]): Promise<void> {
  await graph.write(
    `UNWIND $ids AS id CREATE (:Innovation {id: id, title: 'Innovation ' + id, summary: 'En opsummering.', kind: 'SERVICE', types: [], coronaRelated: false, retired: false, createdAt: datetime()})`,
    { ids },
    { tag: 'test' },
  );
}

async function loops(rel: 'PART_OF' | 'BUILDS_ON'): Promise<number> {
  const [row] = await graph.read<{ n: number }>(
    `MATCH p = (n)-[:${rel}*]->(n) WHERE n.id STARTS WITH $prefix RETURN count(p) AS n`,
    { prefix: ns('') },
    { tag: 'test' },
  );
  return row!.n;
}

describe('the organisation hierarchy cannot loop', () => {
  it('lets exactly one of two opposite parent updates at once succeed, in each of 10 rounds', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = [ns(`race-a-${round}`), ns(`race-b-${round}`)];
      await organisations(a, b);
      const [first, second] = await Promise.all([updateOrganisation(graph, 'alice', a, { parentId: b }), updateOrganisation(graph, 'bob', b, { parentId: a })]);
      outcomes.push(`${first.ok ? 'ok' : first.problem.code}/${second.ok ? 'ok' : second.problem.code}`);
    }
    const bothSucceeded = outcomes.filter((o) => o === 'ok/ok').length;
    console.log(`opposite parent updates: both succeeded in ${bothSucceeded} of 10 rounds (${outcomes.join(', ')})`);
    expect(outcomes.every((o) => o === 'ok/CONFLICT' || o === 'CONFLICT/ok')).toBe(true);
    expect(await loops('PART_OF')).toBe(0);
  });

  it('refuses closing a chain of 12 into a ring', async () => {
    const chain = Array.from({ length: 12 }, (_, i) => ns(`chain-${i}`));
    await organisations(...chain);
    for (let i = 0; i + 1 < chain.length; i += 1) expect((await updateOrganisation(graph, 'alice', chain[i]!, { parentId: chain[i + 1]! })).ok).toBe(true);
    const closing = await updateOrganisation(graph, 'alice', chain[11]!, { parentId: chain[0]! });
    expect(shown(closing)).toMatchObject({ ok: false, problem: { code: 'CONFLICT', field: 'input.parentId' } });
    expect(await loops('PART_OF')).toBe(0);
  });

  it('refuses a merge that would make two units each other\'s parent, and merges nothing', async () => {
    const [keep, merged, unit] = [ns('m-keep'), ns('m-merged'), ns('m-unit')];
    await organisations(keep, merged, unit);
    expect((await updateOrganisation(graph, 'alice', unit, { parentId: keep })).ok).toBe(true);
    expect((await updateOrganisation(graph, 'alice', merged, { parentId: unit })).ok).toBe(true);
    const result = await mergeOrganisations(graph, 'alice', keep, merged);
    expect(shown(result)).toMatchObject({ ok: false, problem: { code: 'CONFLICT', field: 'mergeId' } });
    expect(await loops('PART_OF')).toBe(0);
    const [row] = await graph.read<{ n: number }>('MATCH (o:Organisation {id: $id})-[:PART_OF]->(:Organisation {id: $unit}) RETURN count(*) AS n', { id: merged, unit }, { tag: 'test' });
    expect(row!.n).toBe(1);
  });
});

describe('lineage cannot loop', () => {
  it('lets exactly one of two opposite links at once succeed, in each of 10 rounds', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const [a, b] = [ns(`lin-a-${round}`), ns(`lin-b-${round}`)];
      await innovations(a, b);
      const [first, second] = await Promise.all([
        linkInnovations(graph, 'alice', { innovationId: a, buildsOnId: b, ...FACT }),
        linkInnovations(graph, 'bob', { innovationId: b, buildsOnId: a, ...FACT }),
      ]);
      outcomes.push(`${first.ok ? 'ok' : first.problem.code}/${second.ok ? 'ok' : second.problem.code}`);
    }
    console.log(`opposite lineage links: both succeeded in ${outcomes.filter((o) => o === 'ok/ok').length} of 10 rounds (${outcomes.join(', ')})`);
    expect(outcomes.every((o) => o === 'ok/CONFLICT' || o === 'CONFLICT/ok')).toBe(true);
    expect(await loops('BUILDS_ON')).toBe(0);
  });

  it('lets at most one of two links with no end in common close a loop at once, in each of 10 rounds', async () => {
    // A -> B and C -> D at once, with B -> C and D -> A there already: either link alone is fine,
    // both would make the loop A -> B -> C -> D -> A. Locking the two ends alone does not serialise them.
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => ns(`ring-${x}-${round}`)) as [string, string, string, string];
      await innovations(a, b, c, d);
      expect((await linkInnovations(graph, 'alice', { innovationId: b, buildsOnId: c, ...FACT })).ok).toBe(true);
      expect((await linkInnovations(graph, 'alice', { innovationId: d, buildsOnId: a, ...FACT })).ok).toBe(true);
      const [first, second] = await Promise.all([
        linkInnovations(graph, 'alice', { innovationId: a, buildsOnId: b, ...FACT }),
        linkInnovations(graph, 'bob', { innovationId: c, buildsOnId: d, ...FACT }),
      ]);
      outcomes.push(`${first.ok ? 'ok' : first.problem.code}/${second.ok ? 'ok' : second.problem.code}`);
    }
    console.log(`disjoint lineage links: both succeeded in ${outcomes.filter((o) => o === 'ok/ok').length} of 10 rounds (${outcomes.join(', ')})`);
    expect(outcomes.every((o) => o === 'ok/CONFLICT' || o === 'CONFLICT/ok')).toBe(true);
    expect(await loops('BUILDS_ON')).toBe(0);
  });

  it('refuses closing a lineage of 12 into a loop', async () => {
    const chain = Array.from({ length: 12 }, (_, i) => ns(`lchain-${i}`));
    await innovations(...chain);
    for (let i = 0; i + 1 < chain.length; i += 1) expect((await linkInnovations(graph, 'alice', { innovationId: chain[i]!, buildsOnId: chain[i + 1]!, ...FACT })).ok).toBe(true);
    const closing = await linkInnovations(graph, 'alice', { innovationId: chain[11]!, buildsOnId: chain[0]!, ...FACT });
    expect(shown(closing)).toMatchObject({ ok: false, problem: { code: 'CONFLICT', field: 'input.buildsOnId' } });
    expect(await loops('BUILDS_ON')).toBe(0);
  });
});

describe('an organisation cannot adopt its own innovation', () => {
  async function setUp(tag: string) {
    const [origin, adopter, app] = [ns(`${tag}-origin`), ns(`${tag}-adopter`), ns(`${tag}-app`)];
    await organisations(origin, adopter);
    await innovations(app);
    await graph.write('MATCH (o:Organisation {id: $origin}), (i:Innovation {id: $app}) CREATE (o)-[:NOMINATED]->(i)', { origin, app }, { tag: 'test' });
    expect((await recordAdoption(graph, 'alice', { innovationId: app, organisationId: adopter, ...FACT })).ok).toBe(true);
    return { origin, adopter, app };
  }

  it('refuses adding an adopter as a nominator or maker later', async () => {
    const { origin, adopter, app } = await setUp('later');
    const asNominator = await updateInnovation(graph, 'alice', app, { nominatorIds: [origin, adopter] });
    expect(shown(asNominator)).toEqual({
      ok: false,
      problem: {
        code: 'CONFLICT',
        message: `Org ${adopter} (${adopter}) adopted "Innovation ${app}" (${app}), so it cannot become its nominator; an organisation cannot adopt its own innovation.`,
        field: 'input.nominatorIds',
      },
    });
    const asMaker = await updateInnovation(graph, 'alice', app, { makerIds: [adopter] });
    expect(shown(asMaker)).toMatchObject({ ok: false, problem: { code: 'CONFLICT', field: 'input.makerIds' } });
    const [row] = await graph.read<{ n: number }>('MATCH (:Organisation {id: $adopter})-[r:NOMINATED|MADE]->(:Innovation {id: $app}) RETURN count(r) AS n', { adopter, app }, { tag: 'test' });
    expect(row!.n).toBe(0);
  });

  it('refuses a merge of the adopter into the innovation\'s nominator, and merges nothing', async () => {
    const { origin, adopter, app } = await setUp('merge');
    const result = await mergeOrganisations(graph, 'alice', origin, adopter);
    expect(shown(result)).toMatchObject({ ok: false, problem: { code: 'CONFLICT', field: 'mergeId' } });
    const [row] = await graph.read<{ n: number; alive: boolean }>(
      'MATCH (i:Innovation {id: $app}) RETURN COUNT { (:Organisation {id: $origin})-[:ADOPTED]->(i) } AS n, EXISTS { MATCH (:Organisation {id: $adopter}) } AS alive',
      { app, origin, adopter },
      { tag: 'test' },
    );
    expect(row).toEqual({ n: 0, alive: true });
  });

  it('refuses a merge that would make an organisation adopt from itself', async () => {
    const [keep, helper, app, maker] = [ns('self-keep'), ns('self-helper'), ns('self-app'), ns('self-maker')];
    await organisations(keep, helper, maker);
    await innovations(app);
    await graph.write('MATCH (o:Organisation {id: $maker}), (i:Innovation {id: $app}) CREATE (o)-[:MADE]->(i)', { maker, app }, { tag: 'test' });
    expect((await recordAdoption(graph, 'alice', { innovationId: app, organisationId: keep, fromOrganisationId: helper, ...FACT })).ok).toBe(true);
    const result = await mergeOrganisations(graph, 'alice', keep, helper);
    expect(shown(result)).toMatchObject({ ok: false, problem: { code: 'CONFLICT', field: 'mergeId' } });
  });
});
