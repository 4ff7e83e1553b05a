import { Presets, SingleBar } from 'cli-progress';
import type { GraphRunner } from '../../src/graph/graph-runner.js';
import { countRows, writeSeedRows } from '../../src/graph/seed-writer.cypher.js';
import { generateSynthetic, SYNTHETIC_PREFIX, type SyntheticSpec } from './synthetic.js';

/** Rows one synthetic innovation brings on average (measured at scales M and L), for the progress bar's total. */
const ROWS_PER_INNOVATION = 10.5;

export interface LoadReport {
  readonly rows: number;
  readonly ms: number;
}

/**
 * Refuses to write synthetic data where real innovations are: the generator must never mix its
 * rows into a real graph, whatever database the caller pointed it at.
 */
export async function assertNoRealInnovations(graph: GraphRunner): Promise<void> {
  const [row] = await graph.read<{ n: number; example: string | null }>(
    `MATCH (i:Innovation) WHERE NOT i.id STARTS WITH $prefix
     WITH count(i) AS n, min(i.id) AS example RETURN n, example`,
    { prefix: SYNTHETIC_PREFIX },
    { tag: 'bench.guard' },
  );
  if ((row?.n ?? 0) > 0) {
    throw new Error(
      `This database holds ${row!.n} innovations that are not synthetic (e.g. "${row!.example}"); the benchmark writes synthetic data only into a store of its own (.data/neo4j-bench-<scale>).`,
    );
  }
}

/**
 * Writes the synthetic graph through the importer's writer, chunk by chunk, one transaction per
 * batch (atomic: false), with a progress bar on stderr.
 */
export async function loadSynthetic(graph: GraphRunner, spec: SyntheticSpec, options: { batchSize?: number } = {}): Promise<LoadReport> {
  await assertNoRealInnovations(graph);
  const started = Date.now();
  const bar = new SingleBar(
    {
      format: 'loading {bar} {percentage}% | {value}/{total} rows | {step} | {rate} rows/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      // Also when stderr is a file or a CI log: one line every 10 s.
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  let written = 0;
  let barStarted = false;
  for (const chunk of generateSynthetic(spec)) {
    if (!barStarted) {
      bar.start(countRows(chunk) + spec.innovations * ROWS_PER_INNOVATION, 0, { step: 'organisations', rate: 0 });
      barStarted = true;
    }
    const before = written;
    await writeSeedRows(graph, chunk, {
      atomic: false,
      batchSize: options.batchSize ?? 2_000,
      onProgress: ({ step, done }) => {
        const value = before + done;
        if (value > bar.getTotal()) bar.setTotal(value);
        bar.update(value, { step, rate: Math.round(value / Math.max(0.001, (Date.now() - started) / 1000)) });
      },
    });
    written += countRows(chunk);
  }
  bar.setTotal(written);
  bar.update(written);
  bar.stop();
  return { rows: written, ms: Date.now() - started };
}
