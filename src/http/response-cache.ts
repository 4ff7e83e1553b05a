import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
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
 *
 * Identical queries that arrive while the first of them is still running wait for its answer
 * instead of running again: when an expensive answer expires under load, the database sees one
 * query, not one per waiting client.
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

  // Sentences the API writes follow the caller's language, so answers are kept apart by it too.
  const keyData = (context: RequestContext) => ({ generation, view: viewOf(context.caller), language: context.language });
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: settings.maxAgeSeconds, calculateHttpHeaders: false }),
    // Before the cache: a query that finds an identical one running waits for it there.
    coalesceIdenticalQueries(keyData),
    responseCachePlugin<RequestContext>({ cache, extraCacheKeyData: async ({ contextValue }) => keyData(contextValue) }),
    invalidateOnMutations,
  ];
}

/** How long a query waits for an identical one before it runs by itself. */
const FOLLOW_TIMEOUT_MS = 20_000;

type Answer = Record<string, unknown> | null;

/**
 * Single flight for queries: the first of several identical queries (same text, variables,
 * generation and view) runs; the others take its data when it answers without errors, and run
 * by themselves when it fails or takes longer than FOLLOW_TIMEOUT_MS.
 */
function coalesceIdenticalQueries(keyData: (context: RequestContext) => unknown): ApolloServerPlugin<RequestContext> {
  const running = new Map<string, Promise<Answer>>();
  const keyOf = (request: GraphQLRequestContext<RequestContext>) =>
    JSON.stringify([request.source, request.operationName ?? null, request.request.variables ?? {}, keyData(request.contextValue)]);
  return {
    async requestDidStart() {
      let settle: ((answer: Answer) => void) | undefined;
      let ownKey: string | undefined;
      return {
        async responseForOperation(request) {
          if (request.operation.operation !== 'query') return null;
          const key = keyOf(request);
          const leader = running.get(key);
          if (!leader) {
            ownKey = key;
            running.set(key, new Promise<Answer>((resolve) => (settle = resolve)));
            return null;
          }
          let timer: NodeJS.Timeout | undefined;
          const gaveUp = new Promise<Answer>((resolve) => (timer = setTimeout(() => resolve(null), FOLLOW_TIMEOUT_MS)));
          const data = await Promise.race([leader, gaveUp]).finally(() => clearTimeout(timer));
          // A leader that never answered must not hold up later queries too.
          if (data === null && running.get(key) === leader) running.delete(key);
          if (data === null) return null;
          return { body: { kind: 'single', singleResult: { data } }, http: { status: undefined, headers: new HeaderMap() } };
        },
        async willSendResponse({ response }) {
          if (!settle || ownKey === undefined) return;
          running.delete(ownKey);
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          settle(single && !single.errors && single.data ? single.data : null);
        },
      };
    },
  };
}

/** The part of a caller that decides what an answer may contain. */
function viewOf(caller: Caller): string {
  return caller.kind === 'anonymous' ? 'anonymous' : [...caller.roles].sort().join(',');
}
