import { describe, expect, it } from 'vitest';
import type { InnovationNode, OrganisationNode } from '../../../../src/graph/records.js';
import { countsAsSpread, spreadFactCypher, uptakeStatus } from '../../../../src/graph/spread-rules.cypher.js';
import type { CascadeAdoption, CascadeMember, RawCascade, SpreadCounts } from '../../../../src/graph/spread.cypher.js';
import {
  adoptionDelays,
  cascadeEvents,
  cascadeTree,
  CASCADE_ROOT,
  enumLabel,
  generationBreadths,
  share,
  spreadGroups,
  structuralVirality,
  summariseSpread,
} from '../../../../src/modules/spread/spread-metrics.js';
import { innovationNode, organisationNode } from '../../../support/nodes.js';

const organisation = (id: string, regionId: string | null, kind = 'MUNICIPALITY'): OrganisationNode => ({
  id,
  name: id.charAt(0).toUpperCase() + id.slice(1),
  kind,
  country: 'DK',
  regionId,
  parentId: null,
  aliases: [],
});

const innovation = (id: string, year: number | null): InnovationNode => innovationNode(id, { year });

const adoption = (org: OrganisationNode, mode: string, status: string | null, year: number | null, fromId: string | null = null): CascadeAdoption => ({
  organisation: org,
  mode,
  status,
  year,
  evidence: null,
  source: null,
  fromId,
});

const oscar = organisation('oscar', 'syddanmark');
const alfa = organisation('alfa', 'hovedstaden');
const bravo = organisation('bravo', 'syddanmark');
const charlie = organisation('charlie', 'midtjylland');
const delta = organisation('delta', 'sjaelland');
const echo = organisation('echo', 'hovedstaden');
const foxtrot = organisation('foxtrot', 'hovedstaden');
const golf = organisation('golf', 'syddanmark', 'REGION');
const hotel = organisation('hotel', 'nordjylland');

/**
 * Oscar made the root (2018). Alfa copied it (2019) and built an adaptation of its own (2020),
 * which Golf copied (2022): spread in two generations. Foxtrot copied the root from Alfa (2020).
 * Short of spread: Bravo plans to adapt it, Charlie tested it and plans to adapt Alfa's version,
 * Delta asked about it, Echo passes it on (a channel), Hotel plans an innovation inspired by it.
 */
const root = innovation('root', 2018);
const adaptation = innovation('adaptation', 2020);
const cascade: RawCascade = {
  innovation: root,
  signals: [],
  regions: [],
  members: [
    {
      innovation: root,
      distance: 0,
      origins: [oscar],
      adoptions: [
        adoption(alfa, 'COPY', 'ADOPTED', 2019),
        adoption(bravo, 'ADAPT', 'PLANNED', 2021),
        adoption(charlie, 'INSPIRATION', 'TESTED', 2020),
        adoption(delta, 'INTEREST', 'ADOPTED', 2022),
        adoption(echo, 'SHARED', 'ADOPTED', null),
        adoption(foxtrot, 'COPY', 'ADOPTED', 2020, 'alfa'),
      ],
      buildsOn: [],
      pendingDescendants: [
        { innovation: innovation('hotel-idea', 2024), origins: [hotel], link: { mode: null, status: 'PLANNED', year: 2024, evidence: null, source: null } },
      ],
    },
    {
      innovation: adaptation,
      distance: 1,
      origins: [alfa],
      adoptions: [adoption(golf, 'COPY', 'ADOPTED', 2022), adoption(charlie, 'ADAPT', 'PLANNED', 2023)],
      buildsOn: [{ innovationId: 'root', mode: 'ADAPT', status: 'ADOPTED', year: 2020, evidence: null, source: null }],
      pendingDescendants: [],
    },
  ],
};

describe('cascadeEvents', () => {
  const events = cascadeEvents(cascade);

  it('lists every take-up by generation, then year (undated last), then organisation name', () => {
    expect(events.map((e) => [e.generation, e.to.id, e.year])).toEqual([
      [1, 'alfa', 2019],
      [1, 'charlie', 2020],
      [1, 'foxtrot', 2020],
      [1, 'bravo', 2021],
      [1, 'delta', 2022],
      [1, 'hotel', 2024],
      [1, 'echo', null],
      [2, 'golf', 2022],
      [2, 'charlie', 2023],
    ]);
  });

  it('counts only copies, adaptations and inspiration in use as spread', () => {
    expect(events.filter((e) => e.countsAsSpread).map((e) => e.to.id)).toEqual(['alfa', 'foxtrot', 'golf']);
  });

  it('keeps an adoption and the lineage that records the same fact once, as the adoption', () => {
    expect(events.filter((e) => e.to.id === 'alfa')).toHaveLength(1);
    expect(events.find((e) => e.to.id === 'alfa')!.kind).toBe('ADOPTION');
  });

  it('reads a pending lineage without a mode as inspiration, and says where it came from', () => {
    expect(events.find((e) => e.to.id === 'hotel')).toMatchObject({ kind: 'LINEAGE', mode: 'INSPIRATION', status: 'PLANNED', countsAsSpread: false, fromId: 'oscar', descendant: { id: 'hotel-idea' } });
  });

  it('takes an adoption of a descendant from its origin unless the fact names another', () => {
    expect(events.find((e) => e.to.id === 'golf')!.fromId).toBe('alfa');
    expect(events.find((e) => e.to.id === 'foxtrot')!.fromId).toBe('alfa');
    expect(events.find((e) => e.to.id === 'bravo')!.fromId).toBe('oscar');
  });

  it('lists both when the adoption was only planned but the lineage is in use', () => {
    const planned: RawCascade = {
      ...cascade,
      members: [
        { ...cascade.members[0]!, adoptions: [adoption(alfa, 'ADAPT', 'PLANNED', 2019)], pendingDescendants: [] },
        { ...cascade.members[1]!, adoptions: [] },
      ],
    };
    expect(cascadeEvents(planned).map((e) => [e.kind, e.to.id, e.countsAsSpread])).toEqual([
      ['ADOPTION', 'alfa', false],
      ['LINEAGE', 'alfa', true],
    ]);
  });
});

describe('summariseSpread', () => {
  const summary = summariseSpread(cascade);

  it('reaches the organisations spread proper took it to, each once, in generations from the origin', () => {
    expect(summary.reach).toBe(3);
    expect(summary.depth).toBe(2);
    expect(summary.generations).toEqual([
      { generation: 0, breadth: 1 },
      { generation: 1, breadth: 2 },
      { generation: 2, breadth: 1 },
    ]);
  });

  it('counts uptake short of spread once per organisation at the furthest status, with the regions of the tested and planned', () => {
    expect(summary.uptake).toEqual({
      planned: 2,
      tested: 1,
      interested: 1,
      regions: [
        { regionId: 'midtjylland', planned: 0, tested: 1 },
        { regionId: 'nordjylland', planned: 1, tested: 0 },
        { regionId: 'syddanmark', planned: 1, tested: 0 },
      ],
    });
  });

  it('counts the regions and kinds reached, most organisations first', () => {
    expect(summary.regionsReached).toEqual([
      { regionId: 'hovedstaden', organisations: 2 },
      { regionId: 'syddanmark', organisations: 1 },
    ]);
    expect(summary.kindsReached).toEqual([
      { kind: 'MUNICIPALITY', organisations: 2 },
      { kind: 'REGION', organisations: 1 },
    ]);
  });

  it('measures the years from the innovation to each take-up, soonest first', () => {
    expect(summary.originYear).toBe(2018);
    expect(summary.timeToAdoption.map((t) => [t.organisation.id, t.years])).toEqual([
      ['alfa', 1],
      ['foxtrot', 2],
      ['golf', 4],
    ]);
  });

  it('hangs Golf under Alfa, whose version it copied, and the rest under the origin: virality 10/6', () => {
    // Tree: origin -> alfa, origin -> foxtrot, alfa -> golf. Pair distances 1, 1, 2, 2, 1, 3.
    expect(summary.structuralVirality).toBeCloseTo(10 / 6, 10);
  });
});

describe('structuralVirality', () => {
  const tree = (edges: [string, string][]) => new Map(edges);

  it('is 0 for a cascade of fewer than two nodes, 1 for one edge', () => {
    expect(structuralVirality(tree([]))).toBe(0);
    expect(structuralVirality(tree([['a', CASCADE_ROOT]]))).toBe(1);
  });

  it('stays below 2 for a broadcast: 2k/(k+1) for one source and k adopters', () => {
    const star = tree(['a', 'b', 'c', 'd'].map((leaf) => [leaf, 'root'] as [string, string]));
    expect(structuralVirality(star)).toBeCloseTo((2 * 4) / 5, 10);
  });

  it('grows with a chain: (n+1)/3 for n nodes in a row', () => {
    const chain = tree(Array.from({ length: 9 }, (_, i) => [`n${i + 1}`, `n${i}`] as [string, string]));
    expect(structuralVirality(chain)).toBeCloseTo(11 / 3, 10);
  });

  it('refuses what is not a tree, saying what is wrong', () => {
    expect(() => structuralVirality(tree([['a', 'a']]))).toThrow('a cascade tree must not have a node as its own parent, got a');
    expect(() => structuralVirality(tree([['a', 'r1'], ['b', 'r2']]))).toThrow('a cascade tree must have exactly one root, got 2');
    expect(() => structuralVirality(tree([['a', 'r'], ['b', 'c'], ['c', 'b']]))).toThrow('a cascade tree must connect every node to its root, got 2 nodes on a cycle');
  });
});

describe('generationBreadths', () => {
  it('counts each generation from the origin, with no generation skipped', () => {
    expect(generationBreadths(2, [{ organisation: alfa, generation: 1 }, { organisation: golf, generation: 3 }])).toEqual([
      { generation: 0, breadth: 2 },
      { generation: 1, breadth: 1 },
      { generation: 2, breadth: 0 },
      { generation: 3, breadth: 1 },
    ]);
  });
});

describe('adoptionDelays', () => {
  it('is empty for an innovation without a year', () => {
    expect(adoptionDelays(cascadeEvents(cascade), null)).toEqual([]);
  });
});

describe('spread groups', () => {
  const counts = (innovations: number, spread: number): SpreadCounts => ({
    innovations,
    adoptions: spread,
    plannedAdoptions: 0,
    testedAdoptions: 0,
    interestedAdoptions: 0,
    reusing: 0,
    activelyShared: 0,
    spread,
    collaborating: innovations,
  });

  it('orders groups by key, the group without a value last, labelled from the enum or as given', () => {
    const groups = spreadGroups('ORGANISATION_KIND', [
      { key: null, label: null, ...counts(1, 0) },
      { key: 'STATE_AGENCY', label: null, ...counts(4, 1) },
      { key: 'MUNICIPALITY', label: 'Kommune', ...counts(10, 5) },
    ]);
    expect(groups.map((g) => [g.key, g.label, g.spreadShare, g.collaborationShare])).toEqual([
      ['MUNICIPALITY', 'Kommune', 0.5, 1],
      ['STATE_AGENCY', 'State agency', 0.25, 1],
      ['NONE', 'No nominator', 0, 1],
    ]);
  });

  it('labels years by the year itself', () => {
    expect(spreadGroups('YEAR', [{ key: '2021', label: null, ...counts(2, 1) }])[0]!.label).toBe('2021');
  });

  it('shares nothing of nothing', () => {
    expect(share(0, 0)).toBe(0);
    expect(share(3, 4)).toBe(0.75);
    expect(enumLabel('PROCUREMENT_CASE')).toBe('Procurement case');
  });
});

describe('spread metrics on cascades of records', () => {
  const org = (id: string, extra: Partial<OrganisationNode> = {}): OrganisationNode => organisationNode(id, extra);
  const innovation = (id: string, year: number | null = null): InnovationNode => innovationNode(id, { year });
  const adoption = (to: string, mode: string, year: number | null = null, fromId: string | null = null, status = 'ADOPTED') => ({ organisation: org(to), mode, status, year, evidence: null, source: null, fromId });
  const member = (id: string, distance: number, origins: string[], extra: Partial<CascadeMember> = {}): CascadeMember => ({
    innovation: innovation(id, distance === 0 ? 2010 : null),
    distance,
    origins: origins.map((o) => org(o)),
    adoptions: [],
    buildsOn: [],
    pendingDescendants: [],
    ...extra,
  });
  const cascade = (members: CascadeMember[]): RawCascade => ({ innovation: members[0]!.innovation, signals: [], members, regions: [] });

  it('gives a star of 4 nodes a structural virality of 1.5', () => {
    expect(structuralVirality(new Map([['b', 'a'], ['c', 'a'], ['d', 'a']]))).toBe(1.5);
  });

  it('gives a path of 3 nodes a structural virality of 4/3', () => {
    expect(structuralVirality(new Map([['b', 'a'], ['c', 'b']]))).toBeCloseTo(4 / 3, 12);
  });

  it('gives a tree of fewer than 2 nodes a structural virality of 0', () => {
    expect(structuralVirality(new Map())).toBe(0);
  });

  it('refuses a forest or a cycle as a cascade tree', () => {
    expect(() => structuralVirality(new Map([['b', 'a'], ['d', 'c']]))).toThrow('a cascade tree must have exactly one root, got 2');
    expect(() => structuralVirality(new Map([['b', 'a'], ['c', 'd'], ['d', 'c']]))).toThrow('a cascade tree must connect every node to its root, got 2 nodes on a cycle');
    expect(() => structuralVirality(new Map([['a', 'a']]))).toThrow('a cascade tree must not have a node as its own parent, got a');
  });

  it('hangs an organisation under the one it took the innovation from, and under the origin otherwise', () => {
    const raw = cascade([
      member('root', 0, ['origin']),
      member('child', 1, ['x'], { buildsOn: [{ innovationId: 'root', mode: 'COPY', status: 'ADOPTED', year: null, evidence: null, source: null }], adoptions: [adoption('y', 'ADAPT')] }),
    ]);
    raw.members[0]!.adoptions.push(adoption('z', 'COPY', null, 'elsewhere'));
    const tree = cascadeTree(cascadeEvents(raw), new Set(['origin']));
    expect(Object.fromEntries(tree)).toEqual({ x: CASCADE_ROOT, y: 'x', z: CASCADE_ROOT });
  });

  it('summarises a cascade: reach and delays beyond the origin, of spread proper only', () => {
    const raw = cascade([
      member('root', 0, ['origin', 'partner'], {
        adoptions: [adoption('a', 'COPY', 2012), adoption('origin', 'ADAPT', 2011), adoption('b', 'SHARED', 2013), adoption('c', 'INTEREST')],
      }),
      member('far', 2, ['d']),
    ]);
    const summary = summariseSpread(raw);
    expect(summary.reach).toBe(1);
    expect(summary.generations).toEqual([
      { generation: 0, breadth: 2 },
      { generation: 1, breadth: 1 },
    ]);
    expect(summary.timeToAdoption.map((d) => [d.organisation.id, d.years])).toEqual([['a', 2]]);
    expect(summary.events.filter((e) => e.countsAsSpread).map((e) => e.to.id)).toEqual(['origin', 'a']);
  });

  it('counts a fact as spread only for copy, adaptation or inspiration that was adopted', () => {
    const modes = ['COPY', 'ADAPT', 'INSPIRATION', 'SHARED', 'INTEREST'];
    const statuses = ['ADOPTED', 'TESTED', 'PLANNED', 'INTERESTED', null];
    const counting = modes.flatMap((mode) => statuses.filter((status) => countsAsSpread(mode, status)).map((status) => `${mode} ${status}`));
    expect(counting).toEqual(['COPY ADOPTED', 'ADAPT ADOPTED', 'INSPIRATION ADOPTED']);
    expect(uptakeStatus('COPY', 'PLANNED')).toBe('PLANNED');
    expect(uptakeStatus('ADAPT', 'TESTED')).toBe('TESTED');
    expect(uptakeStatus('INTEREST', 'INTERESTED')).toBe('INTERESTED');
    expect(uptakeStatus('INSPIRATION', 'INTERESTED')).toBe('INTERESTED');
    expect(uptakeStatus('COPY', 'ADOPTED')).toBeNull();
    expect(uptakeStatus('SHARED', 'PLANNED')).toBeNull();
  });

  it('refuses to build the rule in Cypher on anything but a plain variable', () => {
    expect(spreadFactCypher('a')).toBe("(a.mode IN ['COPY', 'ADAPT', 'INSPIRATION'] AND a.status = 'ADOPTED')");
    expect(() => spreadFactCypher('a) OR (true')).toThrow('a Cypher variable must be a plain identifier such as "a" or "spreadFact", got "a) OR (true"');
  });

  it('leaves planned and tested adoptions out of reach, generations and delays, and counts them as uptake once per organisation', () => {
    const inSjaelland = { regionId: 'sjaelland' };
    const raw = cascade([
      member('root', 0, ['origin'], {
        adoptions: [
          adoption('a', 'COPY', 2012),
          { ...adoption('p', 'COPY', 2011, null, 'PLANNED'), organisation: org('p', inSjaelland) },
          adoption('s', 'SHARED', 2011),
        ],
      }),
      // P, which plans to copy the root, has tested the innovation built on it: tested is the furthest it came.
      member('child', 1, ['a'], {
        buildsOn: [{ innovationId: 'root', mode: 'COPY', status: 'ADOPTED', year: null, evidence: null, source: null }],
        adoptions: [{ ...adoption('p', 'ADAPT', 2014, null, 'TESTED'), organisation: org('p', inSjaelland) }],
      }),
    ]);
    raw.members[0]!.pendingDescendants.push({
      innovation: innovation('later'),
      origins: [org('q', inSjaelland)],
      link: { mode: null, status: 'PLANNED', year: 2013, evidence: null, source: null },
    });
    const summary = summariseSpread(raw);
    expect(summary.reach).toBe(1);
    expect(summary.depth).toBe(1);
    expect(summary.timeToAdoption.map((d) => [d.organisation.id, d.years])).toEqual([['a', 2]]);
    expect(summary.events.filter((e) => e.countsAsSpread).map((e) => e.to.id)).toEqual(['a']);
    expect(summary.events.find((e) => e.to.id === 'q')).toMatchObject({ kind: 'LINEAGE', mode: 'INSPIRATION', status: 'PLANNED', countsAsSpread: false, descendant: { id: 'later' } });
    expect(summary.uptake).toEqual({ planned: 1, tested: 1, interested: 0, regions: [{ regionId: 'sjaelland', planned: 1, tested: 1 }] });
  });

  it('counts breadth per generation and fills skipped generations with 0', () => {
    expect(generationBreadths(1, [{ organisation: org('a'), generation: 3 }, { organisation: org('b'), generation: 1 }])).toEqual([
      { generation: 0, breadth: 1 },
      { generation: 1, breadth: 1 },
      { generation: 2, breadth: 0 },
      { generation: 3, breadth: 1 },
    ]);
  });

  it('has no adoption delays when the origin year is unknown', () => {
    const events = cascadeEvents(cascade([member('root', 0, ['o'], { adoptions: [adoption('a', 'COPY', 2020)] })]));
    expect(adoptionDelays(events, null)).toEqual([]);
    expect(adoptionDelays(events, 2018)).toEqual([{ organisation: org('a'), years: 2 }]);
  });

  it('turns group counts into shares, labels and an order with the group without a value last', () => {
    const counts = { innovations: 4, adoptions: 3, plannedAdoptions: 2, testedAdoptions: 1, interestedAdoptions: 0, reusing: 1, activelyShared: 2, spread: 3, collaborating: 0 };
    const groups = spreadGroups('ORGANISATION_KIND', [
      { key: null, label: null, ...counts },
      { key: 'STATE_AGENCY', label: null, ...counts },
      { key: 'MUNICIPALITY', label: null, ...counts },
    ]);
    expect(groups.map((g) => [g.key, g.label])).toEqual([
      ['MUNICIPALITY', 'Municipality'],
      ['STATE_AGENCY', 'State agency'],
      ['NONE', 'No nominator'],
    ]);
    expect(groups[0]).toMatchObject({ innovations: 4, adoptions: 3, plannedAdoptions: 2, testedAdoptions: 1, interestedAdoptions: 0, reuseShare: 0.25, activelySharedShare: 0.5, spreadShare: 0.75, collaborationShare: 0 });
    expect(share(0, 0)).toBe(0);
    expect(enumLabel('REGIONAL_HEALTH_AUTHORITY')).toBe('Regional health authority');
  });
});
