import type { Logger } from './logger.js';

/**
 * Cleanup steps registered as resources come up, run in reverse order on shutdown: HTTP drains
 * first, then the driver closes, then the embedded DBMS stops. Running it twice does the work once.
 */
export class ShutdownSequence {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  get started(): boolean {
    return this.running !== undefined;
  }

  run(reason: string): Promise<void> {
    this.running ??= this.runSteps(reason);
    return this.running;
  }

  private async runSteps(reason: string): Promise<void> {
    this.logger.info({ reason }, 'shutting down');
    for (const step of [...this.steps].reverse()) {
      const started = Date.now();
      try {
        await step.run();
        this.logger.info({ step: step.name, ms: Date.now() - started }, 'stopped');
      } catch (error) {
        this.logger.error({ step: step.name, err: error }, 'a shutdown step failed; continuing with the rest');
      }
    }
  }
}
