import DataLoader from 'dataloader';
import type { GraphRunner } from '../graph/graph-runner.js';
import { readHistories, type HistoryKey } from '../graph/history-reads.cypher.js';
import type { SortValue } from '../graph/keyset.js';
import { countNominated, countThemeInnovations, listNominatedPages, listThemeInnovationPages, type Page, type PageRequest } from '../graph/listings.cypher.js';
import {
  findInnovations,
  findOrganisations,
  findPeople,
  findQualifiedNames,
  findRegions,
  findRelated,
  findSources,
  findThemes,
  type RelatedItems,
  type RelatedName,
} from '../graph/lookups.cypher.js';
import type { InnovationNode } from '../graph/records.js';
import { countRegionContents, findMissionStrategies, findStrategyMissions } from '../graph/reference.cypher.js';
import type { ChangeNode } from '../graph/writes/history.cypher.js';

/**
 * The per-request DataLoaders. Each batch is one Cypher query (`UNWIND $keys`), so a field asked
 * for on a list of N parents costs one round trip, not N. Created anew for every request: the
 * cache must never serve one caller's answer to another, nor outlive a write.
 */
export function createLoaders(graph: GraphRunner) {
  const related = new Map<RelatedName, DataLoader<string, unknown[]>>();
  // Dispatch once the current round of resolvers has run, not after the first promise job: fields
  // of one nesting level that settle a few microtasks apart then share one batch, so the number
  // of queries depends on the shape of the request only, never on timing or list length.
  const options = { batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch) };
  return {
    innovation: new DataLoader((ids: readonly string[]) => findInnovations(graph, ids), options),
    organisation: new DataLoader((ids: readonly string[]) => findOrganisations(graph, ids), options),
    person: new DataLoader((ids: readonly string[]) => findPeople(graph, ids), options),
    region: new DataLoader((ids: readonly string[]) => findRegions(graph, ids), options),
    theme: new DataLoader((ids: readonly string[]) => findThemes(graph, ids), options),
    source: new DataLoader((ids: readonly string[]) => findSources(graph, ids), options),

    /** The items related to a parent by one relationship kind (nominators, contacts, units...). */
    related<N extends RelatedName>(name: N): DataLoader<string, RelatedItems[N][]> {
      let loader = related.get(name);
      if (!loader) {
        loader = new DataLoader((ids: readonly string[]) => findRelated(graph, name, ids), options);
        related.set(name, loader);
      }
      return loader as DataLoader<string, RelatedItems[N][]>;
    },

    nominatedPage: new DataLoader<NominatedPageKey, Page<InnovationNode>, string>((keys) => listNominatedPages(graph, keys), {
      ...options,
      cacheKeyFn: (key) => JSON.stringify([key.organisationId, key.first, key.after]),
    }),
    nominatedCount: new DataLoader((ids: readonly string[]) => countNominated(graph, ids), options),

    /** "Aarhus Kommune › Sociale Forhold og Beskæftigelse": an organisation's chain of parents and its name. */
    qualifiedName: new DataLoader((ids: readonly string[]) => findQualifiedNames(graph, ids), options),

    themeInnovationPage: new DataLoader<PageRequest, Page<InnovationNode>, string>((keys) => listThemeInnovationPages(graph, keys), {
      ...options,
      cacheKeyFn: (key) => JSON.stringify([key.key, key.first, key.after]),
    }),
    themeInnovationCount: new DataLoader((ids: readonly string[]) => countThemeInnovations(graph, ids), options),
    /** Organisations and innovations of a region: both in one query, whichever is asked for. */
    regionCounts: new DataLoader((ids: readonly string[]) => countRegionContents(graph, ids), options),
    missionStrategy: new DataLoader((ids: readonly string[]) => findMissionStrategies(graph, ids), options),
    strategyMissions: new DataLoader((ids: readonly string[]) => findStrategyMissions(graph, ids), options),

    /** The newest changes of an entity; keys differing only in `first` share one query. */
    history: new DataLoader<HistoryKey, ChangeNode[], string>((keys) => readHistories(graph, keys), {
      ...options,
      cacheKeyFn: (key) => JSON.stringify([key.entityId, key.entityType, key.first]),
    }),
  };
}

export interface NominatedPageKey {
  organisationId: string;
  first: number;
  after: SortValue[] | null;
}

export type Loaders = ReturnType<typeof createLoaders>;
