import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { emitSchemaSdl, SCHEMA_FILE } from '../modules/schema-sdl.js';

/** `npm run schema:emit`: writes schema/schema.graphql from the resolvers. */
writeFileSync(path.join(projectRoot, SCHEMA_FILE), await emitSchemaSdl());
process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
