import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../src/config.js';
import { openGraph } from '../../src/graph/open-graph.js';
import { isGraphEmpty } from '../../src/graph/seed-writer.cypher.js';
import { defaultSeedDir, importSeedFiles } from '../../src/ingest/seed-loader.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string | undefined;
    neo4jDatabase: string;
  }
}

/**
 * One real Neo4j for the whole run: the embedded one on a free port and a fresh store, or the
 * database NEO4J_URI names. Either way it is reset to the seed graph; test files then add only
 * namespaced data of their own (see `isolation.ts`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const password = process.env.NEO4J_PASSWORD || undefined;
  const databaseName = process.env.NEO4J_DATABASE || 'neo4j';
  const uri = process.env.NEO4J_URI || undefined;
  let dataDir: string | undefined;
  if (!uri) {
    // One store per run: runs side by side (two terminals, an editor's runner) must not share it.
    const testRoot = path.join(projectRoot, '.data', 'neo4j-test');
    removeStoresOfFinishedRuns(testRoot);
    dataDir = path.join(testRoot, String(process.pid));
  }
  const database = await openGraph({
    projectRoot,
    ...(uri ? { uri } : { embedded: { boltPort: await freePort(), dataDir: dataDir!, heap: '1g', pageCache: '256m' } }),
    user: process.env.NEO4J_USER || 'neo4j',
    password,
    database: databaseName,
    queryTimeoutMs: 120_000,
    verify: async (graph) => {
      if (uri && !(await isGraphEmpty(graph)) && process.env.NEO4J_TEST_ALLOW_RESET !== 'true') {
        throw new Error(`The tests reset the database they run on, and ${uri} holds data. Set NEO4J_TEST_ALLOW_RESET=true to allow it, or unset NEO4J_URI to use the embedded Neo4j.`);
      }
    },
    applySchema: true,
    seed: { when: 'always', load: (graph) => importSeedFiles(graph, [defaultSeedDir(projectRoot)], { reset: true, baseDir: projectRoot }) },
    onProgress: (event) => {
      if (event.step === 'embedded') process.stderr.write(`[neo4j] ${event.message}\n`);
    },
  });
  project.provide('neo4jUri', database.uri);
  project.provide('neo4jPassword', password);
  project.provide('neo4jDatabase', databaseName);
  return async () => {
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

function removeStoresOfFinishedRuns(testRoot: string): void {
  if (!existsSync(testRoot)) return;
  for (const name of readdirSync(testRoot)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || !isRunning(pid)) rmSync(path.join(testRoot, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
