import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './schema.js';

/** Where the emitted schema is committed; a test fails when it drifts from the code. */
export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

const HEADER = '# The GraphQL schema of the innovation graph, emitted from the code by `npm run schema:emit`.\n# Do not edit by hand: a test fails when this file and the code disagree.\n\n';

/** The schema as SDL, sorted so that the file changes only when the schema does. */
export async function emitSchemaSdl(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
}
