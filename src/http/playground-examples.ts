/**
 * The example operations the playground opens with, one tab per kind of user. They live apart
 * from the page so the README and the tests can quote the very same text; every one must run
 * against the current schema (test/api/playground.test.ts executes them on the seed graph).
 */
export interface PlaygroundExample {
  /** Who the tab is for. */
  readonly audience: 'analyst' | 'front-end' | 'researcher' | 'newcomer';
  /** The operation, with a comment header saying what it answers. One operation per tab, so the run button needs no choice. */
  readonly query: string;
}

export const playgroundExamples: readonly PlaygroundExample[] = [
  {
    audience: 'analyst',
    query: `# Analyst: find innovations by a word (Danish stemming),
# then see whom to call to reuse one.
query Analyst {
  search: innovations(filter: {text: "videokonsultation"}, first: 5) {
    totalCount
    edges {
      node {
        id
        title
        year
        nominators { name region { name } }
        contacts { name email phone }
      }
    }
  }
  whoToCall: innovation(id: "min-video") {
    title
    contacts { name role email phone organisation { name } }
  }
}
`,
  },
  {
    audience: 'front-end',
    query: `# Front-end: an organisation page with its units and a
# paged list of what it nominated. For the next page, pass
# pageInfo.endCursor as nominated(first: 5, after: "...").
query OrganisationPage {
  organisation(id: "aarhus-kommune") {
    name
    kind
    region { name }
    units { id name }
    nominated(first: 5) {
      totalCount
      edges { cursor node { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`,
  },
  {
    audience: 'researcher',
    query: `# Researcher: how the corona-related innovations spread,
# and what they built on.
query CoronaSpread {
  innovations(filter: {coronaRelated: true}, first: 20) {
    totalCount
    edges {
      node {
        title
        year
        adoptions { organisation { name } mode status }
        spreadSignals { audience mode expectedCount }
        lineage { buildsOn { innovation { title } } }
      }
    }
  }
}
`,
  },
  {
    audience: 'newcomer',
    query: `# Newcomer: what the graph holds, by theme, region and
# mission, and the strategy documents that set the missions.
query FindThings {
  themes(kind: THEME) {
    id
    name
    innovationCount
    innovations(first: 3) { edges { node { id title } } }
  }
  regions { id name organisationCount innovationCount }
  missions(ownerId: "region-syddanmark") {
    name
    owner { name }
    strategy { title }
  }
  strategies { title publisher { qualifiedName } missions { name } }
}
`,
  },
];
