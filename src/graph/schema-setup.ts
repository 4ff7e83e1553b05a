import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphRunner } from './graph-runner.js';

/** Splits the schema file into statements: `;` at a line end closes one; `//` lines are comments. */
export function readSchemaStatements(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return text
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies the constraints and indexes in `schema/constraints.cypher` (each is IF NOT EXISTS, so
 * this is safe on every start) and waits until the indexes are online, so that the first search
 * after start-up does not find an index still populating.
 */
export async function applyGraphSchema(runner: GraphRunner, projectRoot: string): Promise<number> {
  const statements = readSchemaStatements(path.join(projectRoot, 'schema', 'constraints.cypher'));
  for (const statement of statements) {
    // Schema commands cannot share a transaction with other statements, so each runs alone.
    await runner.write(statement, {}, { tag: 'schema.apply', timeoutMs: 60_000 });
  }
  await runner.write('CALL db.awaitIndexes(120)', {}, { tag: 'schema.await', timeoutMs: 130_000 });
  return statements.length;
}
