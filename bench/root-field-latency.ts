/**
 * Median latency of each root field through HTTP, one client, warm: the quick check behind the
 * read API's figures. `npx tsx bench/root-field-latency.ts [URL]` against a running server.
 */
const url = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
const WARMUP = 5;
const RUNS = 50;

const QUERIES: Record<string, string> = {
  innovation: '{ innovation(id: "min-video") { id title nominators { name } contacts { name email } } }',
  organisation: '{ organisation(id: "aarhus-kommune") { id name units { id } nominated(first: 5) { totalCount edges { node { id } } } } }',
  person: '{ person(id: "maria-gaden") { name email organisation { name } innovations { title } } }',
  innovations: '{ innovations(first: 50) { totalCount edges { node { id title nominators { name } partners { organisation { name } } contacts { name organisation { name } } } } } }',
  organisations: '{ organisations(filter: { kinds: [MUNICIPALITY] }, first: 50) { totalCount edges { node { id name region { name } } } } }',
  search: '{ search(text: "videokonsultationer", first: 20) { edges { score node { __typename ... on Innovation { id } } } } }',
  whoToCall: '{ whoToCall(innovationId: "affald-kolding", forOrganisationId: "aarhus-kommune") { score person { name } } }',
  spread: '{ spread(innovationId: "affald-kolding") { reach depth structuralVirality events { mode to { name } } } }',
  partnerNetwork: '{ partnerNetwork(organisationId: "kolding-kommune", depth: 2, first: 100) { nodes { id } edges { source target weight } } }',
  similarInnovations: '{ similarInnovations(innovationId: "videokonsultation") { score innovation { id } } }',
  spreadStats: '{ spreadStats(groupBy: REGION) { groups { key innovations reuseShare } } }',
  path: '{ path(fromOrganisationId: "thisted-kommune", toOrganisationId: "designskolen-kolding") { length } }',
  graphStatistics: '{ graphStatistics { innovations organisations people relationships } }',
};

async function timeOnce(query: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

console.log(`field                 median ms   p90 ms   (${RUNS} runs after ${WARMUP} warm-up, one client)`);
for (const [name, query] of Object.entries(QUERIES)) {
  for (let i = 0; i < WARMUP; i += 1) await timeOnce(query);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await timeOnce(query));
  const p90 = [...times].sort((a, b) => a - b)[Math.floor(RUNS * 0.9)]!;
  console.log(`${name.padEnd(20)} ${median(times).toFixed(1).padStart(9)} ${p90.toFixed(1).padStart(8)}`);
}
