import { ClientError, gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { loadCoParticipation, organisationDistance, type CoParticipation } from '../support/co-participation.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface Ref {
  id: string;
  name: string;
}
interface PathData {
  length: number;
  organisations: Ref[];
  steps: { from: Ref; to: Ref; kind: string; innovation: { id: string; title: string } | null; description: string }[];
}

const PATH = gql`
  query Path($from: ID!, $to: ID!, $maxLength: Int) {
    path(fromOrganisationId: $from, toOrganisationId: $to, maxLength: $maxLength) {
      length
      organisations { id name }
      steps { from { id name } to { id name } kind innovation { id title } description }
    }
  }
`;

async function pathOf(from: string, to: string, maxLength?: number): Promise<PathData | null> {
  const data = await api.client.request<{ path: PathData | null }>(PATH, { from, to, maxLength });
  return data.path;
}

/** Every step is a fact of the graph: checked with a Cypher pattern of its own kind. */
async function expectStepsHold(path: PathData): Promise<void> {
  expect(path.steps).toHaveLength(path.length);
  expect(path.organisations).toHaveLength(path.length + 1);
  path.steps.forEach((step, index) => {
    expect(step.from.id).toBe(path.organisations[index]!.id);
    expect(step.to.id).toBe(path.organisations[index + 1]!.id);
  });
  for (const step of path.steps) {
    const [row] = await graph.read<{ partOf: boolean; fromTookPart: boolean; toTookPart: boolean; fromAdopted: boolean; toAdopted: boolean }>(
      `MATCH (a:Organisation {id: $from}), (b:Organisation {id: $to})
       OPTIONAL MATCH (i:Innovation {id: $innovation})
       RETURN EXISTS { (a)-[:PART_OF]-(b) } AS partOf,
              EXISTS { (a)-[:NOMINATED|MADE|PARTNER_IN]->(i) } AS fromTookPart, EXISTS { (b)-[:NOMINATED|MADE|PARTNER_IN]->(i) } AS toTookPart,
              EXISTS { (a)-[:ADOPTED]->(i) } AS fromAdopted, EXISTS { (b)-[:ADOPTED]->(i) } AS toAdopted`,
      { from: step.from.id, to: step.to.id, innovation: step.innovation?.id ?? null },
      { tag: 'test' },
    );
    const label = `${step.from.id} -${step.kind}- ${step.to.id}`;
    if (step.kind === 'PART_OF') {
      expect(row!.partOf, label).toBe(true);
      expect(step.innovation).toBeNull();
    } else if (step.kind === 'PARTNERSHIP') {
      expect(row!.fromTookPart && row!.toTookPart, label).toBe(true);
    } else {
      expect(step.kind).toBe('ADOPTION');
      expect((row!.fromAdopted && !row!.fromTookPart && row!.toTookPart) || (row!.toAdopted && !row!.toTookPart && row!.fromTookPart), label).toBe(true);
    }
  }
}

let model: CoParticipation;
beforeAll(async () => {
  model = await loadCoParticipation(graph);
});

describe('path', () => {
  it('links two partners of the same innovation in one PARTNERSHIP step', async () => {
    // seeds/catalogue/06-regional-state.json: Danske Regioner nominated VideoKonsultation; Medconnect was a partner.
    const path = await pathOf('danske-regioner', 'medconnect');
    expect(path).toEqual({
      length: 1,
      organisations: [
        { id: 'danske-regioner', name: 'Danske Regioner' },
        { id: 'medconnect', name: 'Medconnect' },
      ],
      steps: [
        {
          from: { id: 'danske-regioner', name: 'Danske Regioner' },
          to: { id: 'medconnect', name: 'Medconnect' },
          kind: 'PARTNERSHIP',
          innovation: { id: 'videokonsultation', title: 'VideoKonsultation' },
          description: 'Danske Regioner and Medconnect both took part in "VideoKonsultation".',
        },
      ],
    });
  });

  it('links an adopter to the maker in one ADOPTION step, told from either end', async () => {
    const forward = await pathOf('vallensbaek-kommune', 'albertslund-kommune');
    expect(forward).toMatchObject({ length: 1, steps: [{ kind: 'ADOPTION', innovation: { id: 'intelligent-styring-af-trafiksignaler' } }] });
    expect(forward!.steps[0]!.description).toBe('Vallensbæk Kommune took part in "Intelligent styring af trafiksignaler", which Albertslund Kommune adopted.');
    const backward = await pathOf('albertslund-kommune', 'vallensbaek-kommune');
    expect(backward!.steps[0]!.description).toBe('Albertslund Kommune adopted "Intelligent styring af trafiksignaler", which Vallensbæk Kommune took part in.');
  });

  it('says "plans to adopt" for a planned adoption', async () => {
    const [planned] = await graph.read<{ adopter: string; maker: string; title: string; adopterName: string; makerName: string }>(
      `MATCH (a:Organisation)-[r:ADOPTED {status: 'PLANNED'}]->(i:Innovation)<-[:NOMINATED]-(m:Organisation)
       WHERE NOT EXISTS { (a)-[:NOMINATED|MADE|PARTNER_IN]->(i) }
       RETURN a.id AS adopter, m.id AS maker, i.title AS title, a.name AS adopterName, m.name AS makerName ORDER BY a.id, i.id LIMIT 1`,
      {},
      { tag: 'test' },
    );
    expect(planned).toBeDefined();
    const path = await pathOf(planned!.maker, planned!.adopter);
    expect(path!.length).toBe(1);
    expect(path!.steps[0]!.kind).toBe('ADOPTION');
    expect(path!.steps[0]!.description).toMatch(/^.+ took part in ".+", which .+ plans to adopt\.$/);
    expect(path!.steps[0]!.description.endsWith(`${planned!.adopterName} plans to adopt.`)).toBe(true);
  });

  it('steps from a unit to its parent and back with PART_OF', async () => {
    const up = await pathOf('aarhus-kommune-sociallaegeinstitutionen', 'aarhus-kommune');
    expect(up).toMatchObject({ length: 1, steps: [{ kind: 'PART_OF', innovation: null, description: 'Sociallægeinstitutionen is part of Aarhus Kommune.' }] });
    const down = await pathOf('aarhus-kommune', 'aarhus-kommune-sociallaegeinstitutionen');
    expect(down).toMatchObject({ length: 1, steps: [{ kind: 'PART_OF', innovation: null, description: 'Sociallægeinstitutionen is part of Aarhus Kommune.' }] });
  });

  it('prefers a shared innovation over a detour through the parent between two units', async () => {
    // Center for Mestring and CFIA, both units of Aarhus Kommune, were partners in MIRA: one hop, not two via PART_OF.
    const path = await pathOf('aarhus-kommune-center-for-mestring', 'aarhus-kommune-cfia');
    expect(path).toMatchObject({ length: 1, steps: [{ kind: 'PARTNERSHIP', innovation: { id: 'mira' } }] });
  });

  it('links two adopters of the same innovation through the organisation that made it', async () => {
    const path = await pathOf('vejdirektoratet', 'albertslund-kommune');
    expect(path!.length).toBe(2);
    expect(path!.organisations.map((o) => o.id)).toEqual(['vejdirektoratet', 'vallensbaek-kommune', 'albertslund-kommune']);
    expect(path!.steps.map((s) => s.description)).toEqual([
      'Vejdirektoratet adopted "Intelligent styring af trafiksignaler", which Vallensbæk Kommune took part in.',
      'Vallensbæk Kommune took part in "Intelligent styring af trafiksignaler", which Albertslund Kommune adopted.',
    ]);
    await expectStepsHold(path!);
  });

  it('finds a longer chain with the fewest hops, every step of it true in the graph', async () => {
    const distance = organisationDistance(model, 'aarhus-kommune-sociallaegeinstitutionen', 'koebenhavns-kommune');
    expect(distance).toBe(4);
    const path = await pathOf('aarhus-kommune-sociallaegeinstitutionen', 'koebenhavns-kommune');
    expect(path!.length).toBe(4);
    expect(path!.organisations[0]!.id).toBe('aarhus-kommune-sociallaegeinstitutionen');
    expect(path!.organisations.at(-1)!.id).toBe('koebenhavns-kommune');
    await expectStepsHold(path!);
  });

  it('returns null when the only chains are longer than maxLength', async () => {
    expect(await pathOf('aarhus-kommune-sociallaegeinstitutionen', 'koebenhavns-kommune', 3)).toBeNull();
    expect((await pathOf('aarhus-kommune-sociallaegeinstitutionen', 'koebenhavns-kommune', 4))!.length).toBe(4);
  });

  it('agrees with a breadth-first search of the seed graph on the length of every chain between sampled organisations', async () => {
    const ids = [...model.roles.keys()].sort();
    // Every ninth organisation, paired so that the sample spans 1 to 7 hops and some with no chain at all.
    const sample = ids.filter((_, index) => index % 9 === 0);
    const lengths = new Set<number | null>();
    for (const [index, from] of sample.entries()) {
      const to = sample[(index * 7 + 1) % sample.length]!;
      const expected = organisationDistance(model, from, to);
      const path = await pathOf(from, to, 6);
      const label = `${from} -> ${to}`;
      lengths.add(path?.length ?? null);
      if (expected === null || expected > 6) {
        expect(path, label).toBeNull();
      } else {
        expect(path?.length, label).toBe(expected);
        await expectStepsHold(path!);
      }
    }
    expect(lengths.size, 'the sample covers short, long and missing chains').toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('gives length 0 with the one organisation when both ends are the same', async () => {
    expect(await pathOf('gate-21', 'gate-21')).toEqual({ length: 0, organisations: [{ id: 'gate-21', name: 'Gate 21' }], steps: [] });
  });

  it('returns null when an organisation has no link to anyone', async () => {
    const [lone] = await graph.read<{ id: string }>(
      'MATCH (o:Organisation) WHERE NOT EXISTS { (o)-[:NOMINATED|MADE|PARTNER_IN|ADOPTED|PART_OF]-() } RETURN o.id AS id ORDER BY o.id LIMIT 1',
      {},
      { tag: 'test' },
    );
    expect(await pathOf('aarhus-kommune', lone!.id, 6)).toBeNull();
  });

  it('returns null for an unknown organisation at either end', async () => {
    expect(await pathOf('no-such-organisation', 'aarhus-kommune')).toBeNull();
    expect(await pathOf('aarhus-kommune', 'no-such-organisation')).toBeNull();
    expect(await pathOf('no-such-organisation', 'no-such-organisation')).toBeNull();
  });

  it.each([0, 7, -1])('rejects maxLength %i with a message that states the rule', async (maxLength) => {
    const error = (await pathOf('aarhus-kommune', 'gate-21', maxLength).catch((e: unknown) => e)) as ClientError;
    expect(error).toBeInstanceOf(ClientError);
    expect(error.response.errors![0]).toMatchObject({
      message: `maxLength must be a whole number from 1 to 6, got ${maxLength}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'maxLength' },
    });
  });
});
