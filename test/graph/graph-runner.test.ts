import { Writable } from 'node:stream';
import { describe, expect, inject, it } from 'vitest';
import { AlreadyExistsError } from '../../src/errors.js';
import { createOrganisation } from '../../src/graph/writes/organisation-writes.cypher.js';
import { createLogger } from '../../src/logger.js';
import { GraphRunner } from '../../src/graph/graph-runner.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';

const graph = useTestGraph();
const ns = useNamespace(graph, 'runner');

describe('a write transaction', () => {
  it('reports each of its statements to the listeners, under its tag and with the step', async () => {
    const events: { tag: string; step?: string; mode: string; ok: boolean }[] = [];
    const stop = graph.onQuery(({ tag, step, mode, ok }) => events.push(step === undefined ? { tag, mode, ok } : { tag, step, mode, ok }));
    try {
      const result = await createOrganisation(graph, 'runner-test', ns('org'), { name: 'Runner-test', kind: 'OTHER' });
      expect(result.ok).toBe(true);
    } finally {
      stop();
    }
    const steps = events.map((e) => e.step);
    expect(steps).toEqual(['freeId', 'create', 'applyFields', 'readOrganisation', 'recordChange']);
    for (const event of events) expect(event).toMatchObject({ tag: 'organisation.create', mode: 'WRITE', ok: true });
  });

  it('sends whole numbers as integers, and others as floats, in every statement', async () => {
    const types = await graph.writeTransaction({ tag: 'test.types' }, async (tx) => {
      const [first] = await tx.run<{ whole: string; fraction: string }>('RETURN valueType($whole) AS whole, valueType($fraction) AS fraction', { whole: 3, fraction: 0.5 });
      const [second] = await tx.run<{ list: string }>('RETURN valueType($list) AS list', { list: [1, 2] });
      return { ...first!, ...second! };
    });
    expect(types).toEqual({ whole: 'INTEGER NOT NULL', fraction: 'FLOAT NOT NULL', list: 'LIST<INTEGER NOT NULL> NOT NULL' });
  });

  it('ends with ALREADY_EXISTS when a unique key is taken before it commits', async () => {
    const id = ns('twice');
    const twice = graph.writeTransaction({ tag: 'test.twice' }, async (tx) => {
      await tx.run("CREATE (:Organisation {id: $id, name: 'A', kind: 'OTHER'})", { id });
      await tx.run("CREATE (:Organisation {id: $id, name: 'B', kind: 'OTHER'})", { id });
    });
    const error = await twice.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlreadyExistsError);
    expect(error).toMatchObject({ code: 'ALREADY_EXISTS', label: 'Organisation', property: 'id', value: id });
    const [row] = await graph.read<{ n: number }>('MATCH (o:Organisation {id: $id}) RETURN count(o) AS n', { id }, { tag: 'test' });
    expect(row!.n).toBe(0);
  });
});

describe('the debug log', () => {
  it('has each statement with its tag, step, Cypher and parameters as given', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logged = new GraphRunner(graph.driver, { database: inject('neo4jDatabase'), timeoutMs: 15_000, logger: createLogger('debug', {}, sink) });
    await logged.writeTransaction({ tag: 'test.logged' }, (tx) => tx.run('RETURN $n AS n', { n: 7 }, 'echo'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, msg: 'cypher', tag: 'test.logged', step: 'echo', mode: 'WRITE', ok: true, cypher: 'RETURN $n AS n', params: { n: 7 } });
  });

  it('stays silent above debug level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const quiet = new GraphRunner(graph.driver, { database: inject('neo4jDatabase'), timeoutMs: 15_000, logger: createLogger('info', {}, sink) });
    await quiet.read('RETURN 1 AS one', {}, { tag: 'test.quiet' });
    expect(lines).toEqual([]);
  });
});
