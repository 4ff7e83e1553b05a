import { Router } from 'express';

export interface HealthChecks {
  /** True when the database answers now. */
  readonly databaseReady: () => Promise<boolean>;
  /** True while the server is shutting down: it stops taking new work. */
  readonly draining: () => boolean;
}

/**
 * `/health/live`: the process runs (restart it if not). `/health/ready`: send it traffic; only
 * when Neo4j answers and the server is not draining.
 */
export function healthRouter(checks: HealthChecks): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    if (checks.draining()) {
      res.status(503).json({ status: 'draining', database: 'unknown' });
      return;
    }
    const ready = await checks.databaseReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' });
  });
  return router;
}
