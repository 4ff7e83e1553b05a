import { describe, expect, it } from 'vitest';
import type { InnovationNode, OrganisationNode } from '../../../../src/graph/records.js';
import type { CascadeAdoption, RawCascade, SpreadCounts } from '../../../../src/graph/spread.cypher.js';
import {
  adoptionDelays,
  cascadeEvents,
  CASCADE_ROOT,
  enumLabel,
  generationBreadths,
  share,
  spreadGroups,
  structuralVirality,
  summariseSpread,
} from '../../../../src/modules/spread/spread-metrics.js';
import { innovationNode } from '../../../support/nodes.js';

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
