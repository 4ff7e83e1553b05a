import path from 'node:path';
import { projectRoot } from '../src/config.js';
import { createDriver, waitForNeo4j } from '../src/graph/driver.js';
import { startEmbeddedNeo4j } from '../src/graph/embedded-neo4j.js';
import { GraphRunner } from '../src/graph/graph-runner.js';
import { freePort } from '../test/support/free-port.js';
const neo4j = await startEmbeddedNeo4j({ projectRoot, boltPort: await freePort(), dataDir: path.join(projectRoot, '.data', `neo4j-bench-M`), heap: '4g', pageCache: '2g' });
const driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: undefined });
try {
  await waitForNeo4j(driver, neo4j.uri, 60_000);
  const graph = new GraphRunner(driver, { database: 'neo4j', timeoutMs: 600_000 });
  const q = async (c: string, p: Record<string, unknown> = {}) => { const t = performance.now(); const r = await graph.read(c, p, { tag: 'q' }); console.log(JSON.stringify(r).slice(0, 600), (performance.now() - t).toFixed(0), 'ms'); };
  const cap = await import('../src/graph/network.cypher.js');
  let text = '';
  await cap.findPartnerNetwork({ read: async (c: string) => { text = c; return []; } } as never, 'x', { depth: 2, first: 100 });
  const p = { organisationId: 'syn-org-006449', depth: 2, first: 100, unitLimit: 200, layerLimit: 2000, edgeInnovations: 10 };
  const session = driver.session({ database: 'neo4j' });
  const { toCypherParams } = await import('../src/graph/graph-runner.js');
  const r = await session.run('PROFILE ' + text, toCypherParams({ ...p, layerLimit: 2000 }));
  type N = { operatorType: string; dbHits: number; rows: number; arguments: Record<string, unknown>; children: N[] };
  const walk = (n: N, depth: number) => { console.log(' '.repeat(depth) + n.operatorType, 'rows', n.rows, 'hits', n.dbHits, 'mem', String(n.arguments.Memory ?? ''), String(n.arguments.Details ?? '').replace(/\s+/g, ' ').slice(0, 110)); n.children.forEach((c) => walk(c, depth + 1)); };
  walk(r.summary.profile as unknown as N, 0);
  console.log('ms', Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter), 'global mem', String((r.summary.profile as unknown as N).arguments.GlobalMemory));
  await session.close();
} finally { await driver.close(); await neo4j.stop(); }
