import { describe, expect, it } from 'vitest';
import { useTestGraph } from '../support/graph.js';

/** The reference registry in seeds/registry/: Denmark's municipalities, regions, hospitals and state bodies, Helse Sør-Øst's trusts. */
const graph = useTestGraph({ timeoutMs: 60_000 });

async function rows<T extends Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return graph.read<T>(cypher, params, { tag: 'test' });
}

describe('the organisation registry', () => {
  it('holds the 98 Danish municipalities, each with its own three-digit code and a region', async () => {
    const municipalities = await rows<{ id: string; code: string | null; region: string | null; placed: string | null }>(
      `MATCH (o:Organisation {kind: 'MUNICIPALITY', country: 'DK'})
       OPTIONAL MATCH (o)-[:LOCATED_IN]->(r:Region)
       RETURN o.id AS id, o.code AS code, o.region AS region, r.id AS placed`,
    );
    expect(municipalities).toHaveLength(98);
    for (const m of municipalities) {
      expect(m.code, m.id).toMatch(/^\d{3}$/);
      expect(m.region, m.id).not.toBeNull();
      expect(m.placed, m.id).toBe(m.region);
    }
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(98);
    expect(new Set(municipalities.map((m) => m.id)).size).toBe(98);
  });

  it('distributes the municipalities over the five regions as officially', async () => {
    const perRegion = await rows<{ region: string; n: number }>(
      "MATCH (o:Organisation {kind: 'MUNICIPALITY', country: 'DK'}) RETURN o.region AS region, count(*) AS n",
    );
    expect(Object.fromEntries(perRegion.map((r) => [r.region, r.n]))).toEqual({
      hovedstaden: 29,
      sjaelland: 17,
      syddanmark: 22,
      midtjylland: 19,
      nordjylland: 11,
    });
  });

  it('finds municipalities by their official code', async () => {
    const found = await rows<{ code: string; id: string; name: string; region: string }>(
      `MATCH (o:Organisation {kind: 'MUNICIPALITY'}) WHERE o.code IN ['101', '751', '630', '621', '400', '851']
       RETURN o.code AS code, o.id AS id, o.name AS name, o.region AS region ORDER BY code`,
    );
    expect(found).toEqual([
      { code: '101', id: 'koebenhavns-kommune', name: 'Københavns Kommune', region: 'hovedstaden' },
      { code: '400', id: 'bornholms-regionskommune', name: 'Bornholms Regionskommune', region: 'hovedstaden' },
      { code: '621', id: 'kolding-kommune', name: 'Kolding Kommune', region: 'syddanmark' },
      { code: '630', id: 'vejle-kommune', name: 'Vejle Kommune', region: 'syddanmark' },
      { code: '751', id: 'aarhus-kommune', name: 'Aarhus Kommune', region: 'midtjylland' },
      { code: '851', id: 'aalborg-kommune', name: 'Aalborg Kommune', region: 'nordjylland' },
    ]);
  });

  it('holds the five regions as organisations with their region codes', async () => {
    const regions = await rows<{ id: string; code: string; region: string }>(
      "MATCH (o:Organisation {kind: 'REGION', country: 'DK'}) RETURN o.id AS id, o.code AS code, o.region AS region ORDER BY code",
    );
    expect(regions).toEqual([
      { id: 'region-nordjylland', code: '1081', region: 'nordjylland' },
      { id: 'region-midtjylland', code: '1082', region: 'midtjylland' },
      { id: 'region-syddanmark', code: '1083', region: 'syddanmark' },
      { id: 'region-hovedstaden', code: '1084', region: 'hovedstaden' },
      { id: 'region-sjaelland', code: '1085', region: 'sjaelland' },
    ]);
  });

  it('puts every hospital under a region organisation, in that region', async () => {
    const hospitals = await rows<{ id: string; parentKind: string | null; parentRegion: string | null; region: string | null }>(
      `MATCH (h:Organisation {kind: 'HOSPITAL'})
       OPTIONAL MATCH (h)-[:PART_OF]->(p:Organisation)
       RETURN h.id AS id, p.kind AS parentKind, p.region AS parentRegion, h.region AS region`,
    );
    expect(hospitals.length).toBeGreaterThanOrEqual(26);
    const astray = hospitals.filter((h) => h.parentKind !== 'REGION' || h.parentRegion !== h.region);
    expect(astray).toEqual([]);
    const perRegion = await rows<{ region: string; hospitals: string[] }>(
      "MATCH (h:Organisation {kind: 'HOSPITAL'})-[:PART_OF]->(r:Organisation {kind: 'REGION'}) RETURN r.id AS region, collect(h.id) AS hospitals",
    );
    const of = (region: string) => perRegion.find((r) => r.region === region)?.hospitals ?? [];
    expect(of('region-hovedstaden')).toEqual(expect.arrayContaining(['rigshospitalet', 'bornholms-hospital', 'region-hovedstadens-psykiatri']));
    expect(of('region-sjaelland')).toEqual(expect.arrayContaining(['sjaellands-universitetshospital', 'holbaek-sygehus', 'psykiatrien-region-sjaelland']));
    expect(of('region-syddanmark')).toEqual(expect.arrayContaining(['odense-universitetshospital', 'sygehus-lillebaelt', 'psykiatrien-i-region-syddanmark']));
    expect(of('region-midtjylland')).toEqual(expect.arrayContaining(['aarhus-universitetshospital', 'regionshospitalet-goedstrup', 'hospitalsenhed-midt']));
    expect(of('region-nordjylland')).toEqual(expect.arrayContaining(['aalborg-universitetshospital', 'regionshospital-nordjylland', 'psykiatrien-i-region-nordjylland']));
  });

  it('holds KL and Danske Regioner, and the state agencies under their ministries', async () => {
    const interest = await rows<{ id: string }>("MATCH (o:Organisation {kind: 'INTEREST_ORGANISATION', country: 'DK'}) WHERE o.id IN ['kl', 'danske-regioner'] RETURN o.id AS id ORDER BY id");
    expect(interest.map((r) => r.id)).toEqual(['danske-regioner', 'kl']);
    const agencies = await rows<{ id: string; ministry: string }>(
      "MATCH (a:Organisation {kind: 'STATE_AGENCY'})-[:PART_OF]->(m:Organisation {kind: 'MINISTRY'}) RETURN a.id AS id, m.id AS ministry",
    );
    const ministryOf = Object.fromEntries(agencies.map((a) => [a.id, a.ministry]));
    expect(ministryOf).toMatchObject({
      vejdirektoratet: 'transportministeriet',
      erhvervsstyrelsen: 'erhvervsministeriet',
      sundhedsstyrelsen: 'sundhedsministeriet',
      'styrelsen-for-arbejdsmarked-og-rekruttering': 'beskaeftigelsesministeriet',
      dmi: 'klima-energi-og-forsyningsministeriet',
    });
  });

  it("holds Helse Sør-Øst's health trusts under it", async () => {
    const trusts = await rows<{ id: string; country: string; region: string }>(
      "MATCH (t:Organisation {kind: 'HEALTH_TRUST'})-[:PART_OF]->(:Organisation {id: 'helse-soer-oest'}) RETURN t.id AS id, t.country AS country, t.region AS region ORDER BY id",
    );
    expect(trusts.map((t) => t.id)).toEqual([
      'akershus-universitetssykehus',
      'oslo-universitetssykehus',
      'soerlandet-sykehus',
      'sunnaas-sykehus',
      'sykehusapotekene',
      'sykehuset-i-vestfold',
      'sykehuset-innlandet',
      'sykehuset-oestfold',
      'sykehuset-telemark',
      'sykehuspartner',
      'vestre-viken',
    ]);
    expect(trusts.every((t) => t.country === 'NO' && t.region === 'helse-soer-oest')).toBe(true);
  });

  it('says where each registry list comes from', async () => {
    const unsourced = await rows<{ id: string }>(
      "MATCH (o:Organisation) WHERE o.code IS NOT NULL AND NOT 'dst-kommunekoder' IN o.sourceRefs RETURN o.id AS id",
    );
    expect(unsourced).toEqual([]);
    const source = await rows<{ url: string }>("MATCH (s:Source {id: 'dst-kommunekoder'}) RETURN s.url AS url");
    expect(source).toEqual([{ url: 'https://www.dst.dk/da/Statistik/dokumentation/nomenklaturer/nuts' }]);
  });

  it('finds a municipality by its short name in the organisation name index', async () => {
    const hits = await rows<{ id: string }>("CALL db.index.fulltext.queryNodes('organisation_names', 'aarhus') YIELD node RETURN node.id AS id");
    expect(hits.map((h) => h.id)).toContain('aarhus-kommune');
    const old = await rows<{ id: string }>("CALL db.index.fulltext.queryNodes('organisation_names', 'århus') YIELD node RETURN node.id AS id");
    expect(old.map((h) => h.id)).toContain('aarhus-kommune');
  });
});
