import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { emitSchemaSdl, SCHEMA_FILE } from '../../src/modules/schema-sdl.js';

describe('the committed schema', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(path.join(projectRoot, SCHEMA_FILE), 'utf8');
    const built = await emitSchemaSdl();
    expect(committed, `${SCHEMA_FILE} is out of date: run npm run schema:emit and commit it`).toBe(built);
  });

  it('describes every type and every field', async () => {
    const sdl = await emitSchemaSdl();
    const { buildSchema, isObjectType, isInputObjectType } = await import('graphql');
    const schema = buildSchema(sdl);
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // Root operation types cannot carry a description in type-graphql; their fields do.
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('describes every value of every enum', async () => {
    const { buildSchema, isEnumType } = await import('graphql');
    const schema = buildSchema(await emitSchemaSdl());
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !isEnumType(type)) continue;
      for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('says what the spread statuses mean, TESTED among them', async () => {
    const { buildSchema, isEnumType } = await import('graphql');
    const status = buildSchema(await emitSchemaSdl()).getType('SpreadStatus');
    if (!isEnumType(status)) throw new Error('SpreadStatus is not an enum');
    expect(Object.fromEntries(status.getValues().map((v) => [v.name, v.description]))).toMatchObject({
      ADOPTED: expect.stringContaining('into use'),
      TESTED: 'Tried in a pilot or test run, not taken into use.',
    });
  });
});
