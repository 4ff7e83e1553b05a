import { projectRoot } from '../config.js';
import { ensureLauncherBuilt, isLauncherBuilt } from '../graph/embedded-neo4j.js';

/** `npm run neo4j:build`: builds the embedded Neo4j launcher now instead of on first start. */
const wasBuilt = isLauncherBuilt(projectRoot);
await ensureLauncherBuilt(projectRoot, (line) => process.stdout.write(`${line}\n`));
process.stdout.write(wasBuilt ? 'The embedded Neo4j launcher is up to date.\n' : 'The embedded Neo4j launcher is built.\n');
