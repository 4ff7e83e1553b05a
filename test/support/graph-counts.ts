import { ClientError } from 'graphql-request';
import { expect } from 'vitest';
import type { GraphRunner } from '../../src/graph/graph-runner.js';

/** Nodes per label (keys `:Label`) and relationships per type (keys `TYPE`): what "nothing else changed" is checked against. */
export async function graphCounts(graph: GraphRunner): Promise<Record<string, number>> {
  const labels = await graph.read<{ k: string; n: number }>('MATCH (n) UNWIND labels(n) AS l RETURN ":" + l AS k, count(*) AS n', {}, { tag: 'test.counts' });
  const types = await graph.read<{ k: string; n: number }>('MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n', {}, { tag: 'test.counts' });
  return Object.fromEntries([...labels, ...types].map((row) => [row.k, row.n]));
}

/** What changed between two counts, leaving out what stayed the same. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries([...keys].map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]).filter(([, d]) => d !== 0));
}

/** The first GraphQL error a request failed with (it must fail). */
export async function firstError(request: Promise<unknown>) {
  const error = (await request.catch((e: unknown) => e)) as ClientError;
  expect(error).toBeInstanceOf(ClientError);
  return error.response.errors![0]!;
}
