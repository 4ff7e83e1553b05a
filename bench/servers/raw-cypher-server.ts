import { createServer } from 'node:http';
import { GraphRunner } from '../../src/graph/graph-runner.js';
import { OPERATION_NAMES, RAW_HANDLERS, type OperationName } from '../operations.js';
import { benchDriver, childSettings, serveUntilStdinEnds } from './child.js';

/**
 * The floor: plain node:http, `POST /op/<operation>` with the parameters as a JSON body, runs the
 * operation's hand-written Cypher through the driver and answers `{ "data": ... }` as JSON. No
 * framework, no GraphQL, no validation beyond the operation's name.
 */
await serveUntilStdinEnds(async () => {
  const settings = childSettings();
  const driver = benchDriver(settings);
  const graph = new GraphRunner(driver, { database: 'neo4j', timeoutMs: 60_000 });
  const server = createServer((req, res) => {
    const name = req.url?.startsWith('/op/') ? req.url.slice(4) : '';
    if (req.method !== 'POST' || !(OPERATION_NAMES as readonly string[]).includes(name)) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      RAW_HANDLERS[name as OperationName](graph, params).then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(settings.port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${settings.port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
});
