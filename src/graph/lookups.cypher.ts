import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type InnovationNode, type OrganisationNode, type PersonNode, type RegionNode, type SourceNode, type ThemeNode } from './records.js';

/**
 * Batched reads by key: each function takes many keys and runs ONE query (`UNWIND $keys`), and
 * returns its answers in key order, so that DataLoader can hand them back to the field resolvers
 * that asked. A missing node comes back as null; a key with no related items as [].
 */

async function byKeys<T>(graph: GraphRunner, tag: string, cypher: string, keys: readonly string[]): Promise<Map<string, T>> {
  const rows = await graph.read<{ key: string; value: T }>(cypher, { keys }, { tag });
  return new Map(rows.map((row) => [row.key, row.value]));
}

function inKeyOrder<T>(keys: readonly string[], found: Map<string, T>, missing: T): T[] {
  return keys.map((key) => found.get(key) ?? missing);
}

/** Runs a batched query returning `key, value` rows; the values in key order, `missing` where a key has none. */
export async function readByKeys<T>(graph: GraphRunner, tag: string, cypher: string, keys: readonly string[], missing: T): Promise<T[]> {
  return inKeyOrder(keys, await byKeys<T>(graph, tag, cypher, keys), missing);
}

const nodeQuery = (label: string, projection: string) => `UNWIND $keys AS key MATCH (n:${label} {id: key}) RETURN key, ${projection} AS value`;

const NODE_QUERIES = {
  innovation: nodeQuery('Innovation', PROJECT.innovation('n')),
  organisation: nodeQuery('Organisation', PROJECT.organisation('n')),
  person: nodeQuery('Person', PROJECT.person('n')),
  region: nodeQuery('Region', PROJECT.region('n')),
  theme: nodeQuery('Theme', PROJECT.theme('n')),
  source: nodeQuery('Source', PROJECT.source('n')),
};

export const findInnovations = async (graph: GraphRunner, ids: readonly string[]) =>
  inKeyOrder(ids, await byKeys<InnovationNode>(graph, 'innovation.byId', NODE_QUERIES.innovation, ids), null);
export const findOrganisations = async (graph: GraphRunner, ids: readonly string[]) =>
  inKeyOrder(ids, await byKeys<OrganisationNode>(graph, 'organisation.byId', NODE_QUERIES.organisation, ids), null);
export const findPeople = async (graph: GraphRunner, ids: readonly string[]) => inKeyOrder(ids, await byKeys<PersonNode>(graph, 'person.byId', NODE_QUERIES.person, ids), null);
export const findRegions = async (graph: GraphRunner, ids: readonly string[]) => inKeyOrder(ids, await byKeys<RegionNode>(graph, 'region.byId', NODE_QUERIES.region, ids), null);
export const findThemes = async (graph: GraphRunner, ids: readonly string[]) => inKeyOrder(ids, await byKeys<ThemeNode>(graph, 'theme.byId', NODE_QUERIES.theme, ids), null);
export const findSources = async (graph: GraphRunner, ids: readonly string[]) => inKeyOrder(ids, await byKeys<SourceNode>(graph, 'source.byId', NODE_QUERIES.source, ids), null);

/** How many parents up a qualified name reaches; real hierarchies stop at three (region, hospital, ward). */
export const QUALIFIED_NAME_DEPTH = 5;

/**
 * The qualified name of the organisation bound to `v`, as one Cypher expression: the names of its
 * chain of parents from the top down and its own, joined by " › " ("Aarhus Kommune › Sociale
 * Forhold og Beskæftigelse"); a top-level organisation's is its name. A chain longer than
 * QUALIFIED_NAME_DEPTH starts at the highest parent within reach. Queries that already hold the
 * organisation (who-to-call's candidates) can return it beside their own columns.
 */
export function qualifiedNameOf(v: string): string {
  return `head(COLLECT {
    MATCH chain_ = (${v})-[:PART_OF*0..${QUALIFIED_NAME_DEPTH}]->(:Organisation)
    WITH nodes(chain_) AS up_ ORDER BY size(up_) DESC LIMIT 1
    RETURN reduce(name_ = last(up_).name, unit_ IN tail(reverse(up_)) | name_ + ' › ' + unit_.name)
  })`;
}

/** The qualified names of many organisations in one query; null for an unknown id. */
export const findQualifiedNames = (graph: GraphRunner, ids: readonly string[]) =>
  readByKeys<string | null>(graph, 'organisation.qualifiedName', `UNWIND $keys AS key MATCH (o:Organisation {id: key}) RETURN key, ${qualifiedNameOf('o')} AS value`, ids, null);

export interface Partnership {
  organisation: OrganisationNode;
  role: string | null;
}
export interface ContactLink {
  person: PersonNode;
  purpose: string;
}
export interface AwardLink {
  prize: string;
  prizeName: string;
  level: string;
  year: number | null;
}
export interface EffectItem {
  id: string;
  dimension: string;
  fact: string;
}
export interface AdoptionLink {
  organisation: OrganisationNode;
  innovation: InnovationNode;
  mode: string;
  status: string;
  year: number | null;
  evidence: string | null;
  source: string | null;
  fromId: string | null;
}
export interface LineageLink {
  innovation: InnovationNode;
  mode: string | null;
  status: string | null;
  year: number | null;
  evidence: string | null;
  source: string | null;
}
export interface SignalItem {
  id: string;
  direction: string;
  mode: string;
  status: string;
  year: number | null;
  audience: string | null;
  expectedCount: number | null;
  evidence: string | null;
  source: string | null;
  fromId: string | null;
}

/** `MATCH` patterns from a parent (bound to `p`) to its items, with the projection of one item. */
const RELATED = {
  nominators: { from: 'Innovation', match: '(p)<-[:NOMINATED]-(o:Organisation)', order: 'o.name', item: PROJECT.organisation('o') },
  makers: { from: 'Innovation', match: '(p)<-[:MADE]-(o:Organisation)', order: 'o.name', item: PROJECT.organisation('o') },
  partners: { from: 'Innovation', match: '(p)<-[r:PARTNER_IN]-(o:Organisation)', order: 'o.name', item: `{organisation: ${PROJECT.organisation('o')}, role: r.role}` },
  contacts: { from: 'Innovation', match: '(p)<-[r:CONTACT_FOR]-(x:Person)', order: 'x.name', item: `{person: ${PROJECT.person('x')}, purpose: r.purpose}` },
  themes: { from: 'Innovation', match: '(p)-[:ABOUT]->(t:Theme)', order: 't.name', item: PROJECT.theme('t') },
  awards: { from: 'Innovation', match: '(p)-[a:AWARDED]->(z:Prize)', order: 'z.id', item: '{prize: z.id, prizeName: z.name, level: a.level, year: a.year}' },
  effects: { from: 'Innovation', match: '(p)-[:HAS_EFFECT]->(e:Effect)', order: 'e.ordinal', item: 'e {.id, .dimension, .fact}' },
  adoptions: {
    from: 'Innovation',
    match: '(p)<-[a:ADOPTED]-(o:Organisation)',
    order: 'coalesce(a.year, 9999), o.name',
    item: `{organisation: ${PROJECT.organisation('o')}, innovation: ${PROJECT.innovation('p')}, mode: a.mode, status: a.status, year: a.year, evidence: a.evidence, source: a.source, fromId: a.fromId}`,
  },
  signals: {
    from: 'Innovation',
    match: '(p)-[:HAS_SIGNAL]->(s:SpreadSignal)',
    order: 's.id',
    item: 's {.id, .direction, .mode, .status, .year, .audience, .expectedCount, .evidence, .source, fromId: head([(s)-[:FROM]->(f) | f.id])}',
  },
  buildsOn: {
    from: 'Innovation',
    match: '(p)-[b:BUILDS_ON]->(x:Innovation)',
    order: 'x.title',
    item: `{innovation: ${PROJECT.innovation('x')}, mode: b.mode, status: b.status, year: b.year, evidence: b.evidence, source: b.source}`,
  },
  builtOnBy: {
    from: 'Innovation',
    match: '(p)<-[b:BUILDS_ON]-(x:Innovation)',
    order: 'x.title',
    item: `{innovation: ${PROJECT.innovation('x')}, mode: b.mode, status: b.status, year: b.year, evidence: b.evidence, source: b.source}`,
  },
  units: { from: 'Organisation', match: '(p)<-[:PART_OF]-(o:Organisation)', order: 'o.name', item: PROJECT.organisation('o') },
  people: { from: 'Organisation', match: '(p)<-[:WORKS_FOR]-(x:Person)', order: 'x.name', item: PROJECT.person('x') },
  partnerIn: { from: 'Organisation', match: '(p)-[:PARTNER_IN]->(i:Innovation)', order: 'i.title', item: PROJECT.innovation('i') },
  made: { from: 'Organisation', match: '(p)-[:MADE]->(i:Innovation)', order: 'i.title', item: PROJECT.innovation('i') },
  adopted: {
    from: 'Organisation',
    match: '(p)-[a:ADOPTED]->(i:Innovation)',
    order: 'coalesce(a.year, 9999), i.title',
    item: `{organisation: ${PROJECT.organisation('p')}, innovation: ${PROJECT.innovation('i')}, mode: a.mode, status: a.status, year: a.year, evidence: a.evidence, source: a.source, fromId: a.fromId}`,
  },
  contactFor: { from: 'Person', match: '(p)-[:CONTACT_FOR]->(i:Innovation)', order: 'i.title', item: PROJECT.innovation('i') },
} as const;

export type RelatedName = keyof typeof RELATED;

/**
 * The items of one relationship kind around the node bound to `p`, in their order, as one
 * expression. findRelated batches it over many parents; a query that already holds the parents
 * (a page of innovations) can return it beside them and save the round trip.
 */
export function relatedList(name: RelatedName): string {
  const spec = RELATED[name];
  return `COLLECT { MATCH ${spec.match} WITH * ORDER BY ${spec.order} RETURN ${spec.item} }`;
}

/** The relationship kinds around an innovation that a page of innovations can bring along. */
export const INNOVATION_RELATIONS = (Object.keys(RELATED) as RelatedName[]).filter((name) => RELATED[name].from === 'Innovation');

export interface RelatedItems {
  nominators: OrganisationNode;
  makers: OrganisationNode;
  partners: Partnership;
  contacts: ContactLink;
  themes: ThemeNode;
  awards: AwardLink;
  effects: EffectItem;
  adoptions: AdoptionLink;
  signals: SignalItem;
  buildsOn: LineageLink;
  builtOnBy: LineageLink;
  units: OrganisationNode;
  people: PersonNode;
  partnerIn: InnovationNode;
  made: InnovationNode;
  adopted: AdoptionLink;
  contactFor: InnovationNode;
}

/** The items related to each parent, in one query for all parents. */
export async function findRelated<N extends RelatedName>(graph: GraphRunner, name: N, parentIds: readonly string[]): Promise<RelatedItems[N][][]> {
  const cypher = `UNWIND $keys AS key
    MATCH (p:${RELATED[name].from} {id: key})
    RETURN key, ${relatedList(name)} AS value`;
  const found = await byKeys<RelatedItems[N][]>(graph, `related.${name}`, cypher, parentIds);
  return inKeyOrder(parentIds, found, []);
}
