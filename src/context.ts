import { ANONYMOUS, type Caller } from './auth/caller.js';
import type { GraphRunner } from './graph/graph-runner.js';
import { createLoaders, type Loaders } from './loaders/create-loaders.js';
import type { Language } from './language.js';
import type { Logger } from './logger.js';

/** Settings that change what resolvers return, not only how the server runs. */
export interface ApiSettings {
  /** Hide people's e-mail and phone from anonymous callers. */
  readonly contactsRequireAuth: boolean;
}

/** What every resolver receives: who is asking, the per-request loaders, and the graph. */
export interface RequestContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly graph: GraphRunner;
  readonly loaders: Loaders;
  readonly caller: Caller;
  readonly settings: ApiSettings;
  /** The language of the sentences the API writes, from Accept-Language (Danish by default). */
  readonly language: Language;
}

export interface ContextDependencies {
  readonly logger: Logger;
  readonly graph: GraphRunner;
  readonly settings: ApiSettings;
}

/** Builds a fresh context per request, so that loaders never share a cache across requests. */
export function createContext(deps: ContextDependencies, requestId: string, caller: Caller = ANONYMOUS, language: Language = 'DA'): RequestContext {
  return {
    requestId,
    logger: deps.logger.child({ requestId, ...(caller.kind === 'authenticated' ? { caller: caller.subject } : {}) }),
    graph: deps.graph,
    loaders: createLoaders(deps.graph),
    caller,
    settings: deps.settings,
    language,
  };
}
