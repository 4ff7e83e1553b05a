import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { emptySeedRows, writeSeedRows, type SeedRows } from '../../src/graph/seed-writer.cypher.js';
import { defaultSeedDir, importSeedFiles } from '../../src/ingest/seed-loader.js';
import { SeedValidationError } from '../../src/ingest/seed-validation.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';

const graph = useTestGraph({ timeoutMs: 60_000 });
const ns = useNamespace(graph, 'seed');

async function one<T extends Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  const rows = await graph.read<T>(cypher, params, { tag: 'test' });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Counts of every label and relationship type, and every relationship with its properties. */
async function snapshot() {
  const counts = await one<{ labels: unknown; types: unknown }>(`
    CALL () { MATCH (n) UNWIND labels(n) AS l WITH l, count(*) AS c ORDER BY l RETURN collect([l, c]) AS labels }
    CALL () { MATCH ()-[r]->() WITH type(r) AS t, count(*) AS c ORDER BY t RETURN collect([t, c]) AS types }
    RETURN labels, types`);
  const relationships = await graph.read<{ line: string }>(
    'MATCH (a)-[r]->(b) RETURN a.id + " " + type(r) + " " + b.id AS line, properties(r) AS props',
    {},
    { tag: 'test' },
  );
  const lines = relationships.map((r) => JSON.stringify(r)).sort();
  return { ...counts, relationships: lines };
}

function writeJson(content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-test-'));
  const file = path.join(dir, 'data.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('the seed graph', () => {
  it('holds every innovation of the catalogue, by kind', async () => {
    const rows = await graph.read<{ kind: string; n: number }>('MATCH (i:Innovation) RETURN i.kind AS kind, count(*) AS n', {}, { tag: 'test' });
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(byKind).toMatchObject({ MAIN_CASE: 57, SMALL_INNOVATION: 8, WATCH_LIST: 9, PROCUREMENT_CASE: 3 });
    expect(byKind.MAIN_CASE! + byKind.SMALL_INNOVATION! + byKind.WATCH_LIST! + byKind.PROCUREMENT_CASE!).toBe(77);
  });

  it('gives every catalogue innovation a summary, a source and at least one contact with an e-mail', async () => {
    const missing = await graph.read<{ id: string }>(
      `MATCH (i:Innovation) WHERE i.kind <> 'REFERENCED'
         AND (i.summary IS NULL OR NOT (i)-[:DESCRIBED_IN]->(:Source) OR NOT EXISTS { (p:Person)-[:CONTACT_FOR]->(i) WHERE p.email IS NOT NULL })
       RETURN i.id AS id`,
      {},
      { tag: 'test' },
    );
    expect(missing).toEqual([]);
  });

  it('records a main case with its nominating unit, year, target group, partner and reuse contact (Min Video)', async () => {
    const row = await one<{ year: number; target: string; nominator: string; parent: string; partners: string[]; contact: string; email: string; phone: string; purpose: string }>(`
      MATCH (i:Innovation {id: 'min-video'})<-[:NOMINATED]-(n:Organisation)-[:PART_OF]->(parent:Organisation)
      MATCH (p:Person)-[c:CONTACT_FOR]->(i)
      RETURN i.year AS year, i.targetGroup AS target, n.name AS nominator, parent.name AS parent,
             [(o)-[:PARTNER_IN]->(i) | o.id] AS partners, p.name AS contact, p.email AS email, p.phone AS phone, c.purpose AS purpose`);
    expect(row).toMatchObject({ year: 2017, nominator: 'Sociale Forhold og Beskæftigelse', parent: 'Aarhus Kommune', contact: 'Jens Bolwig', email: 'jbol@aarhus.dk', phone: '+45 29 20 84 25', purpose: 'REUSE' });
    expect(row.partners).toContain('nntv');
  });

  it('records the award levels: one winner, fifteen jury finalists, five audience-prize nominees, the watch list as submissions', async () => {
    const rows = await graph.read<{ prize: string; level: string; n: number; titles: string[] }>(
      'MATCH (i:Innovation)-[a:AWARDED]->(p:Prize) RETURN p.id AS prize, a.level AS level, count(*) AS n, collect(i.title) AS titles',
      {},
      { tag: 'test' },
    );
    const find = (prize: string, level: string) => rows.find((r) => r.prize === prize && r.level === level);
    expect(find('NYT_SAMMEN_BEDRE', 'WINNER')).toMatchObject({ n: 1, titles: ['Bedre søvn uden medicin'] });
    expect(find('NYT_SAMMEN_BEDRE', 'FINALIST')!.n).toBe(14);
    expect(find('PUBLIKUMSPRISEN', 'NOMINEE')!.n).toBe(5);
    // The other main cases, and the nine watch-list entries, which the catalogue says were
    // submitted to the awards too (lsf2:7813-7814).
    expect(find('INNOVATIONSPRISERNE', 'SUBMITTED')!.n).toBe(57 - 15 - 5 + 9);
  });

  it('marks the corona-related innovations the catalogue lists', async () => {
    const row = await one<{ n: number; ids: string[] }>('MATCH (i:Innovation {coronaRelated: true}) RETURN count(*) AS n, collect(i.id) AS ids');
    expect(row.n).toBe(16);
    expect(row.ids).toEqual(expect.arrayContaining(['ny-model-for-varslingsindsats', 'videokonsultation', 'corona-camino']));
  });

  it('keeps the small innovations printed together apart, each with its own contact', async () => {
    const rows = await graph.read<{ id: string; email: string }>(
      `MATCH (p:Person)-[:CONTACT_FOR]->(i:Innovation) WHERE i.id IN ['borgerservice-paa-sikker-afstand', 'videohilsener-til-boern']
       RETURN i.id AS id, p.email AS email ORDER BY id`,
      {},
      { tag: 'test' },
    );
    expect(rows).toEqual([
      { id: 'borgerservice-paa-sikker-afstand', email: 'slan@haderslev.dk' },
      { id: 'videohilsener-til-boern', email: 'pia.oddershede@koege.dk' },
    ]);
  });

  it('gives watch-list entries contacts to follow, and a procurement case a contact at a company', async () => {
    const follow = await one<{ n: number }>("MATCH (:Person)-[c:CONTACT_FOR {purpose: 'FOLLOW'}]->(i:Innovation {kind: 'WATCH_LIST'}) RETURN count(DISTINCT i) AS n");
    expect(follow.n).toBe(9);
    const company = await one<{ n: number }>(
      "MATCH (:Organisation {kind: 'COMPANY'})<-[:WORKS_FOR]-(:Person)-[:CONTACT_FOR]->(:Innovation {kind: 'PROCUREMENT_CASE'}) RETURN count(*) AS n",
    );
    expect(company.n).toBeGreaterThanOrEqual(1);
  });

  it('makes a person who is the contact for two innovations one node', async () => {
    const row = await one<{ people: number; innovations: string[] }>(
      "MATCH (p:Person {email: 'maria.gaden@rm.dk'})-[:CONTACT_FOR]->(i:Innovation) RETURN count(DISTINCT p) AS people, collect(i.id) AS innovations",
    );
    expect(row.people).toBe(1);
    expect(row.innovations.sort()).toEqual(['nye-moebler-af-plastaffald', 'svanemaerket-hospitalsrengoering']);
  });

  it('places every Danish municipality, region and hospital in its region', async () => {
    const unplaced = await graph.read<{ id: string }>(
      "MATCH (o:Organisation) WHERE o.country = 'DK' AND o.kind IN ['MUNICIPALITY', 'REGION', 'HOSPITAL'] AND NOT (o)-[:LOCATED_IN]->(:Region) RETURN o.id AS id",
      {},
      { tag: 'test' },
    );
    expect(unplaced).toEqual([]);
    const aarhus = await one<{ region: string }>("MATCH (:Organisation {id: 'aarhus-kommune'})-[:LOCATED_IN]->(r:Region) RETURN r.id AS region");
    expect(aarhus.region).toBe('midtjylland');
  });

  it('holds the Norwegian health trusts under their regional health authority', async () => {
    const row = await one<{ kind: string; country: string; trusts: string[] }>(
      "MATCH (h:Organisation {id: 'helse-soer-oest'}) RETURN h.kind AS kind, h.country AS country, [(t)-[:PART_OF]->(h) WHERE t.kind = 'HEALTH_TRUST' | t.id] AS trusts",
    );
    expect(row).toMatchObject({ kind: 'REGIONAL_HEALTH_AUTHORITY', country: 'NO' });
    expect(row.trusts).toContain('oslo-universitetssykehus');
  });

  it('records spreading: a named adopter, lineage to an earlier practice, and a signal from unnamed others', async () => {
    const adopted = await one<{ mode: string; status: string; source: string }>(
      "MATCH (:Organisation {id: 'thisted-kommune'})-[a:ADOPTED]->(:Innovation {id: 'affald-kolding'}) RETURN a.mode AS mode, a.status AS status, a.source AS source",
    );
    expect(adopted).toMatchObject({ mode: 'ADAPT', status: 'ADOPTED' });
    expect(adopted.source).toMatch(/^lsf2:\d+-\d+$/);
    const lineage = await one<{ n: number }>("MATCH (:Innovation {id: 'virk-assistenten'})-[:BUILDS_ON]->(b:Innovation {kind: 'REFERENCED'}) RETURN count(b) AS n");
    expect(lineage.n).toBe(1);
    const signal = await one<{ expected: number; status: string }>(
      "MATCH (:Innovation {id: 'os2iot'})-[:HAS_SIGNAL]->(s:SpreadSignal {mode: 'COPY'}) RETURN s.expectedCount AS expected, s.status AS status",
    );
    expect(signal).toEqual({ expected: 30, status: 'PLANNED' });
  });
});

describe('the importer', () => {
  it('changes nothing when it runs a second time', async () => {
    const before = await snapshot();
    const report = await importSeedFiles(graph, [defaultSeedDir(projectRoot)]);
    expect(report.written).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a file with bad records, names every problem with file and record, and writes nothing', async () => {
    const before = await snapshot();
    const file = writeJson({
      organisations: [{ id: ns('org'), name: 'Testkommune', kind: 'MUNICIPALITY', country: 'DK', region: 'atlantis' }],
      people: [{ id: ns('person'), name: 'Test Person', email: 'not-an-email' }],
      innovations: [
        { id: ns('innovation'), title: 'Test', kind: 'MAIN_CASE', summary: 'En test.', year: 1850, source: { document: 'lsf2' }, nominators: [ns('missing')] },
      ],
    });
    const error = await importSeedFiles(graph, [file], { baseDir: path.dirname(file) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const messages = (error as SeedValidationError).problems.map((p) => `${p.file} ${p.record}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        `data.json organisations[0] (${ns('org')}): region names unknown region "atlantis"`,
        `data.json people[0] (${ns('person')}): email must be an e-mail address such as name@example.dk`,
        `data.json innovations[0] (${ns('innovation')}): year must be 1900 or later`,
      ]),
    );
    expect((error as Error).message).toMatch(/^The seed data has \d+ problems; nothing was written:/);
    expect(await snapshot()).toEqual(before);
  });

  it('reports an unknown reference when it is not in the graph either', async () => {
    const file = writeJson({
      innovations: [{ id: ns('orphan'), title: 'Orphan', kind: 'MAIN_CASE', summary: 'En test.', source: { document: 'lsf2' }, nominators: [ns('nobody')] }],
    });
    const error = (await importSeedFiles(graph, [file], { allowExisting: true, baseDir: path.dirname(file) }).catch((e: unknown) => e)) as SeedValidationError;
    expect(error.problems.map((p) => p.message)).toEqual([`nominators[0] names unknown organisation "${ns('nobody')}"`]);
  });

  it("loads a user's own file whose records point at organisations already in the graph", async () => {
    const file = writeJson({
      innovations: [
        {
          id: ns('own'),
          title: 'Egen innovation',
          kind: 'MAIN_CASE',
          summary: 'En kommune afprøver en ny ordning.',
          year: 2022,
          source: { document: 'lsf2' },
          nominators: ['aarhus-kommune'],
          spreading: [{ mode: 'COPY', status: 'ADOPTED', adopter: 'kolding-kommune', evidence: 'Kolding har taget ordningen i brug.' }],
        },
      ],
    });
    const report = await importSeedFiles(graph, [file], { allowExisting: true });
    expect(report.counts.innovations).toBe(1);
    const row = await one<{ nominator: string; adopter: string }>(
      'MATCH (n:Organisation)-[:NOMINATED]->(i:Innovation {id: $id})<-[:ADOPTED]-(a:Organisation) RETURN n.id AS nominator, a.id AS adopter',
      { id: ns('own') },
    );
    expect(row).toEqual({ nominator: 'aarhus-kommune', adopter: 'kolding-kommune' });
  });

  it('rolls the whole import back when a write fails halfway', async () => {
    const before = await snapshot();
    const rows: SeedRows = {
      ...emptySeedRows(),
      organisations: [{ id: ns('halfway'), name: 'Halfway', kind: 'OTHER', country: null, region: null, parent: null, aliases: [], aliasText: '', sourceRefs: [] }],
      // A map is not a valid property value: Neo4j fails this statement after the organisation was written.
      people: [{ id: ns('broken'), name: { not: 'a string' }, role: null, email: null, phone: null, organisation: null, aliases: [], sourceRefs: [] }],
    };
    await expect(writeSeedRows(graph, rows)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    const leftover = await graph.read('MATCH (o:Organisation {id: $id}) RETURN o', { id: ns('halfway') }, { tag: 'test' });
    expect(leftover).toEqual([]);
  });

  it('validates without writing on a dry run', async () => {
    const before = await snapshot();
    const report = await importSeedFiles(graph, [defaultSeedDir(projectRoot)], { dryRun: true });
    expect(report.written).toBe(false);
    expect(report.counts.innovations).toBeGreaterThanOrEqual(77);
    expect(await snapshot()).toEqual(before);
  });
});
