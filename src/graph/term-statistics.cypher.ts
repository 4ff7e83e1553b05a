import type { GraphRunner } from './graph-runner.js';
import { countTerms, type TermStatistics } from './text-similarity.js';

/**
 * Document frequencies of words among innovations, for weighing words by rarity. They are
 * estimated from a sample (SAMPLE_SIZE innovations, all of them on a catalogue-sized graph) and
 * kept per graph for STATISTICS_TTL_MS: rarity changes slowly, and one read of a few thousand
 * summaries is cheap beside counting over a graph of half a million.
 */
const SAMPLE_SIZE = 5_000;
const STATISTICS_TTL_MS = 10 * 60_000;

const cache = new WeakMap<GraphRunner, { at: number; statistics: Promise<TermStatistics> }>();

export function termStatistics(graph: GraphRunner): Promise<TermStatistics> {
  const cached = cache.get(graph);
  if (cached && Date.now() - cached.at < STATISTICS_TTL_MS) return cached.statistics;
  const statistics = graph
    .read<{ text: string }>(
      `MATCH (i:Innovation) WHERE coalesce(i.retired, false) = false
       WITH i LIMIT $sample
       RETURN i.title + ' ' + coalesce(i.targetGroup, '') + ' ' + i.summary AS text`,
      { sample: SAMPLE_SIZE },
      { tag: 'innovation.termStatistics' },
    )
    .then((rows) => countTerms(rows.map((row) => row.text)));
  // A failed read is not kept: the next request tries again.
  statistics.catch(() => cache.delete(graph));
  cache.set(graph, { at: Date.now(), statistics });
  return statistics;
}
