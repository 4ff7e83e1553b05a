import 'reflect-metadata';
import { ConfigError, loadConfig, projectRoot } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** `npm start`: runs the API until SIGINT or SIGTERM, then shuts down in order and exits. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();

  let stopRequested: string | undefined;
  // Filled in once the server is up; a signal before that is handled when start-up ends.
  const running: { stop?: (reason: string) => Promise<void> } = {};
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) {
      logger.warn({ signal }, 'already shutting down; send SIGKILL to force');
      return;
    }
    stopRequested = signal;
    if (running.stop) void running.stop(signal).then(() => process.exit(0));
    // During start-up the sequence below sees stopRequested and stops as soon as it can.
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let server;
  try {
    server = await startServer(config, logger, projectRoot);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
    process.exit(1);
  }
  running.stop = server.stop;
  if (stopRequested) {
    await server.stop(stopRequested);
    process.exit(0);
  }
  logger.info({ url: server.url, startupMs: Date.now() - started }, `Innovation graph API ready at ${server.url}`);

  const failure = await server.failed;
  logger.fatal({ err: failure }, failure.message);
  await server.stop('dependency failed');
  process.exit(1);
}

void main();
