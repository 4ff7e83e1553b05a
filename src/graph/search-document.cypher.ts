/**
 * What an innovation is about, beyond its own title, summary and target group, lives in its
 * relationships: the themes and missions it serves, its measured effects, the evidence of its
 * spreading, its partners and their roles. Neo4j's full-text indexes cover node properties only,
 * so these are copied onto the innovation as text properties (`searchTopics`, `searchEffects`,
 * `searchSpread`, `searchPartners`) that the `innovation_search` index holds beside its own fields.
 *
 * They are derived state: every write refreshes the documents it touches in its own transaction
 * (see `recordChange`), and the importer refreshes every innovation it wrote, so the index never
 * lags the graph.
 */

const joined = (list: string) => `reduce(text = '', part IN ${list} | CASE WHEN text = '' THEN part ELSE text + ' | ' + part END)`;

/**
 * Sets the search properties of a bound innovation `i` from its relationships. The innovation is
 * locked first and read after: two writes at once (a partner added while that partner is renamed)
 * then refresh one after the other, the second seeing the first's commit, so neither leaves a
 * document without the other's change.
 */
export const REFRESH_SEARCH_DOCUMENT = `
  SET i._searchLock = true REMOVE i._searchLock
  WITH i
  SET i.searchTopics = ${joined(`COLLECT { MATCH (i)-[:ABOUT]->(t:Theme) RETURN t.name + coalesce(' / ' + t.nameEn, '') }`)},
      i.searchEffects = ${joined('COLLECT { MATCH (i)-[:HAS_EFFECT]->(e:Effect) RETURN e.fact }')},
      i.searchSpread = ${joined(`COLLECT { MATCH (i)<-[a:ADOPTED]-(:Organisation) WHERE a.evidence IS NOT NULL RETURN a.evidence }
        + COLLECT { MATCH (i)-[:HAS_SIGNAL]->(s:SpreadSignal) RETURN coalesce(s.audience + ': ', '') + coalesce(s.evidence, '') }
        + COLLECT { MATCH (i)-[b:BUILDS_ON]-(:Innovation) WHERE b.evidence IS NOT NULL RETURN b.evidence }`)},
      i.searchPartners = ${joined(`COLLECT { MATCH (o:Organisation)-[r:PARTNER_IN]->(i) RETURN o.name + coalesce(' (' + r.role + ')', '') }
        + COLLECT { MATCH (o:Organisation)-[:NOMINATED|MADE]->(i) RETURN o.name + coalesce(' / ' + head([(o)-[:PART_OF]->(p:Organisation) | p.name]), '') }`)}`;
