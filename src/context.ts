import type { Logger } from './logger.js';
import type { GraphRunner } from './graph/graph-runner.js';
import { createLoaders, type Loaders } from './loaders/create-loaders.js';

/** What every resolver receives: who is asking, the per-request loaders, and the graph. */
export interface RequestContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly graph: GraphRunner;
  readonly loaders: Loaders;
}

export interface ContextDependencies {
  readonly logger: Logger;
  readonly graph: GraphRunner;
}

/** Builds a fresh context per request, so that loaders never share a cache across requests. */
export function createContext(deps: ContextDependencies, requestId: string): RequestContext {
  return {
    requestId,
    logger: deps.logger.child({ requestId }),
    graph: deps.graph,
    loaders: createLoaders(deps.graph),
  };
}
