import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Caller } from '../auth/caller.js';
import type { RequestContext } from '../context.js';

/**
 * Whole-response caching of queries, with Apollo's response cache plugin over an in-process LRU.
 *
 * The catalogue is read far more often than it is written, and the same questions come back (an
 * innovation's page, a municipality's network, the statistics): a repeated query is answered from
 * memory without touching Neo4j.
 *
 * Freshness: every mutation through this process empties the cache and moves a generation
 * counter that is part of every key, once when it starts and once when it has committed. A query
 * that read the graph before or during a write stores its answer under a generation that no
 * later query asks for, so a caller never reads an answer older than a write this process has
 * acknowledged. Writes made elsewhere (another API process, the seed command) show after at most
 * `maxAgeSeconds`.
 *
 * What a caller may see depends on their roles (contacts may need a token, history needs
 * `reader`), so answers are kept apart per role set. Answers with errors are never cached.
 */
export interface ResponseCacheSettings {
  /** How long an answer may be served from memory; 0 turns the cache off. */
  readonly maxAgeSeconds: number;
  /** Upper bound of the memory the cached answers take. */
  readonly maxSizeMb: number;
}

export function responseCachePlugins(settings: ResponseCacheSettings): ApolloServerPlugin<RequestContext>[] {
  // Without a default age nothing is cacheable; HTTP headers stay off because browsers and proxies
  // could not be told when a write makes their copy stale.
  if (settings.maxAgeSeconds <= 0) return [ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: false })];

  const cache = new InMemoryLRUCache({ maxSize: settings.maxSizeMb * 1024 * 1024 });
  let generation = 0;
  const invalidate = () => {
    generation += 1;
    cache.clear();
  };

  const invalidateOnMutations: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation.operation === 'mutation') invalidate();
        },
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') invalidate();
        },
      };
    },
  };

  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: settings.maxAgeSeconds, calculateHttpHeaders: false }),
    responseCachePlugin<RequestContext>({
      cache,
      extraCacheKeyData: async ({ contextValue }) => ({ generation, view: viewOf(contextValue.caller) }),
    }),
    invalidateOnMutations,
  ];
}

/** The part of a caller that decides what an answer may contain. */
function viewOf(caller: Caller): string {
  return caller.kind === 'anonymous' ? 'anonymous' : [...caller.roles].sort().join(',');
}
