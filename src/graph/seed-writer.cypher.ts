import type { GraphRunner } from './graph-runner.js';
import { REFRESH_SEARCH_DOCUMENT } from './search-document.cypher.js';

/**
 * Writes a validated seed set into the graph with batched `UNWIND ... MERGE` statements. The rows
 * it takes are flat and already checked (see `ingest/seed-rows.ts`); this module only knows
 * Cypher. Re-running it with the same rows changes nothing: nodes are merged on their ids, and the
 * relationships an import owns (marked `imported: true`) are replaced for each innovation it holds.
 */

export type Row = Record<string, unknown>;

export interface SeedRows {
  regions: Row[];
  sources: Row[];
  prizes: Row[];
  organisations: Row[];
  themes: Row[];
  people: Row[];
  innovations: Row[];
  nominations: Row[];
  makers: Row[];
  partnerships: Row[];
  contacts: Row[];
  themeLinks: Row[];
  awards: Row[];
  effects: Row[];
  adoptions: Row[];
  lineage: Row[];
  signals: Row[];
}

/** A row set with nothing in it, to fill in part by part. */
export function emptySeedRows(): SeedRows {
  return {
    regions: [],
    sources: [],
    prizes: [],
    organisations: [],
    themes: [],
    people: [],
    innovations: [],
    nominations: [],
    makers: [],
    partnerships: [],
    contacts: [],
    themeLinks: [],
    awards: [],
    effects: [],
    adoptions: [],
    lineage: [],
    signals: [],
  };
}

interface Step {
  readonly name: keyof SeedRows;
  readonly cypher: string;
}

// Order matters: nodes before the relationships that need them.
const STEPS: readonly Step[] = [
  {
    name: 'regions',
    cypher: `UNWIND $rows AS row MERGE (n:Region {id: row.id}) SET n.name = row.name, n.nameEn = row.nameEn, n.country = row.country`,
  },
  {
    name: 'prizes',
    cypher: `UNWIND $rows AS row MERGE (n:Prize {id: row.id}) SET n.name = row.name`,
  },
  {
    name: 'organisations',
    cypher: `UNWIND $rows AS row
      MERGE (o:Organisation {id: row.id})
      SET o.name = row.name, o.kind = row.kind, o.country = row.country, o.region = row.region, o.code = row.code,
          o.aliases = row.aliases, o.aliasText = row.aliasText, o.sourceRefs = row.sourceRefs
      WITH o, row
      OPTIONAL MATCH (o)-[old:PART_OF|LOCATED_IN]->()
      DELETE old
      WITH DISTINCT o, row
      CALL (o, row) {
        WITH o, row WHERE row.region IS NOT NULL
        MATCH (r:Region {id: row.region})
        MERGE (o)-[:LOCATED_IN]->(r)
      }
      RETURN count(*) AS written`,
  },
  {
    name: 'organisations',
    cypher: `UNWIND $rows AS row
      WITH row WHERE row.parent IS NOT NULL
      MATCH (o:Organisation {id: row.id}), (p:Organisation {id: row.parent})
      MERGE (o)-[:PART_OF]->(p)`,
  },
  {
    name: 'sources',
    cypher: `UNWIND $rows AS row
      MERGE (s:Source {id: row.id})
      SET s.title = row.title, s.year = row.year, s.file = row.file, s.language = row.language, s.url = row.url
      WITH s, row WHERE row.publisher IS NOT NULL
      MATCH (o:Organisation {id: row.publisher})
      MERGE (s)-[:PUBLISHED_BY]->(o)`,
  },
  {
    name: 'themes',
    cypher: `UNWIND $rows AS row
      MERGE (t:Theme {id: row.id})
      SET t.name = row.name, t.nameEn = row.nameEn, t.kind = row.kind, t.summary = row.summary
      WITH t, row WHERE row.owner IS NOT NULL
      MATCH (o:Organisation {id: row.owner})
      MERGE (t)-[:OWNED_BY]->(o)`,
  },
  {
    name: 'people',
    cypher: `UNWIND $rows AS row
      MERGE (p:Person {id: row.id})
      SET p.name = row.name, p.role = row.role, p.email = row.email, p.phone = row.phone,
          p.aliases = row.aliases, p.sourceRefs = row.sourceRefs
      WITH p, row
      OPTIONAL MATCH (p)-[old:WORKS_FOR]->()
      DELETE old
      WITH DISTINCT p, row WHERE row.organisation IS NOT NULL
      MATCH (o:Organisation {id: row.organisation})
      MERGE (p)-[:WORKS_FOR]->(o)`,
  },
  {
    name: 'innovations',
    cypher: `UNWIND $rows AS row
      MERGE (i:Innovation {id: row.id})
      ON CREATE SET i.retired = false, i.createdAt = datetime()
      SET i.title = row.title, i.summary = row.summary, i.year = row.year, i.targetGroup = row.targetGroup,
          i.kind = row.kind, i.sector = row.sector, i.types = row.types, i.coronaRelated = row.coronaRelated,
          i.sourceSection = row.sourceSection, i.sourceLines = row.sourceLines, i.sourcePage = row.sourcePage
      WITH i, row
      // The import owns what it wrote before for this innovation: replace it, keep what users recorded.
      CALL (i) {
        OPTIONAL MATCH (i)-[:HAS_EFFECT|HAS_SIGNAL]->(owned)
        DETACH DELETE owned
      }
      CALL (i) {
        OPTIONAL MATCH (i)-[r {imported: true}]-()
        DELETE r
      }
      WITH i, row
      MATCH (s:Source {id: row.sourceDocument})
      MERGE (i)-[d:DESCRIBED_IN]->(s)
      SET d.section = row.sourceSection, d.lines = row.sourceLines, d.page = row.sourcePage, d.imported = true`,
  },
  {
    name: 'nominations',
    cypher: `UNWIND $rows AS row
      MATCH (o:Organisation {id: row.organisation}), (i:Innovation {id: row.innovation})
      MERGE (o)-[r:NOMINATED]->(i) SET r.imported = true, r.source = row.source`,
  },
  {
    name: 'makers',
    cypher: `UNWIND $rows AS row
      MATCH (o:Organisation {id: row.organisation}), (i:Innovation {id: row.innovation})
      MERGE (o)-[r:MADE]->(i) SET r.imported = true, r.source = row.source`,
  },
  {
    name: 'partnerships',
    cypher: `UNWIND $rows AS row
      MATCH (o:Organisation {id: row.organisation}), (i:Innovation {id: row.innovation})
      MERGE (o)-[r:PARTNER_IN]->(i) SET r.role = row.role, r.imported = true, r.source = row.source`,
  },
  {
    name: 'contacts',
    cypher: `UNWIND $rows AS row
      MATCH (p:Person {id: row.person}), (i:Innovation {id: row.innovation})
      MERGE (p)-[r:CONTACT_FOR]->(i) SET r.purpose = row.purpose, r.imported = true, r.source = row.source`,
  },
  {
    name: 'themeLinks',
    cypher: `UNWIND $rows AS row
      MATCH (i:Innovation {id: row.innovation}), (t:Theme {id: row.theme})
      MERGE (i)-[r:ABOUT]->(t) SET r.imported = true`,
  },
  {
    name: 'awards',
    cypher: `UNWIND $rows AS row
      MATCH (i:Innovation {id: row.innovation}), (p:Prize {id: row.prize})
      MERGE (i)-[r:AWARDED]->(p) SET r.level = row.level, r.year = row.year, r.imported = true`,
  },
  {
    name: 'effects',
    cypher: `UNWIND $rows AS row
      MATCH (i:Innovation {id: row.innovation})
      CREATE (i)-[:HAS_EFFECT]->(:Effect {id: row.id, dimension: row.dimension, fact: row.fact, ordinal: row.ordinal})`,
  },
  {
    name: 'adoptions',
    cypher: `UNWIND $rows AS row
      MATCH (o:Organisation {id: row.adopter}), (i:Innovation {id: row.innovation})
      MERGE (o)-[r:ADOPTED]->(i)
      SET r.mode = row.mode, r.status = row.status, r.year = row.year, r.evidence = row.evidence,
          r.source = row.source, r.fromId = row.from, r.imported = true`,
  },
  {
    name: 'lineage',
    cypher: `UNWIND $rows AS row
      MATCH (i:Innovation {id: row.innovation}), (b:Innovation {id: row.buildsOn})
      MERGE (i)-[r:BUILDS_ON]->(b)
      SET r.mode = row.mode, r.status = row.status, r.year = row.year, r.evidence = row.evidence,
          r.source = row.source, r.imported = true`,
  },
  {
    name: 'signals',
    cypher: `UNWIND $rows AS row
      MATCH (i:Innovation {id: row.innovation})
      CREATE (i)-[:HAS_SIGNAL]->(s:SpreadSignal {id: row.id, direction: row.direction, mode: row.mode, status: row.status,
        year: row.year, audience: row.audience, expectedCount: row.expectedCount, evidence: row.evidence, source: row.source})
      WITH s, row WHERE row.from IS NOT NULL
      MATCH (o:Organisation {id: row.from})
      CREATE (s)-[:FROM]->(o)`,
  },
];

const REFRESH_SEARCH_DOCUMENTS = `UNWIND $rows AS row MATCH (i:Innovation {id: row.id}) CALL (i) { ${REFRESH_SEARCH_DOCUMENT} }`;

export interface WriteProgress {
  (event: { step: string; done: number; total: number }): void;
}

export interface WriteOptions {
  readonly batchSize?: number;
  /**
   * One transaction for the whole set (a failure leaves the graph exactly as it was). Very large
   * sets use one transaction per batch instead, bounded in memory; re-running them is idempotent.
   */
  readonly atomic?: boolean;
  readonly onProgress?: WriteProgress;
}

export function countRows(rows: SeedRows): number {
  return STEPS.reduce((sum, step) => sum + rows[step.name].length, 0);
}

/** Writes every row; returns the number of rows written. */
export async function writeSeedRows(graph: GraphRunner, rows: SeedRows, options: WriteOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const total = countRows(rows);
  let done = 0;
  const runSteps = async (runBatch: (cypher: string, batch: Row[], step: string) => Promise<void>) => {
    for (const step of STEPS) {
      const all = rows[step.name];
      for (let start = 0; start < all.length; start += batchSize) {
        const batch = all.slice(start, start + batchSize);
        await runBatch(step.cypher, batch, step.name);
        done += batch.length;
        options.onProgress?.({ step: step.name, done, total });
      }
    }
    // Last, once every relationship is in place: the search documents derived from them.
    for (let start = 0; start < rows.innovations.length; start += batchSize) {
      await runBatch(REFRESH_SEARCH_DOCUMENTS, rows.innovations.slice(start, start + batchSize), 'searchDocuments');
    }
  };
  if (options.atomic ?? true) {
    await graph.writeTransaction({ tag: 'seed.write', timeoutMs: 600_000 }, async (tx) => {
      done = 0; // a retried transaction starts over
      await runSteps(async (cypher, batch, step) => {
        await tx.run(cypher, { rows: batch }, step);
      });
    });
  } else {
    await runSteps(async (cypher, batch) => {
      await graph.write(cypher, { rows: batch }, { tag: 'seed.batch', timeoutMs: 600_000 });
    });
  }
  return total;
}

/** Removes every node and relationship, in batches so that a large graph does not exhaust memory. */
export async function clearGraph(graph: GraphRunner): Promise<void> {
  await graph.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, { tag: 'seed.reset', timeoutMs: 600_000 });
}

/** True when the graph holds no innovation yet. */
export async function isGraphEmpty(graph: GraphRunner): Promise<boolean> {
  const [row] = await graph.read<{ n: number }>('MATCH (i:Innovation) RETURN count(i) AS n', {}, { tag: 'seed.empty-check' });
  return (row?.n ?? 0) === 0;
}
