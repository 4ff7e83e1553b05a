import type { SignalItem } from '../../graph/lookups.cypher.js';
import type { InnovationNode, OrganisationNode } from '../../graph/records.js';
import { countsAsSpread, LINEAGE_DEFAULT_MODE, uptakeStatus, UPTAKE_STATUSES, type UptakeStatus } from '../../graph/spread-rules.cypher.js';
import type { CascadeLineage, CascadeMember, RawCascade, SpreadCounts, SpreadGrouping, SpreadGroupCounts } from '../../graph/spread.cypher.js';

/**
 * The spreading metrics, computed from the raw cascade the graph returns. Pure functions: no
 * GraphQL, no database, so each can be tested on hand-made cascades. Whether an event counts is
 * `countsAsSpread` of `graph/spread-rules.cypher.ts`, the rule the statistics and filters use too.
 */

/** One organisation taking up an innovation of the cascade. */
export interface SpreadEventRecord {
  /** ADOPTION: an ADOPTED edge; LINEAGE: the organisation made an innovation that builds on it. */
  kind: 'ADOPTION' | 'LINEAGE';
  mode: string;
  status: string | null;
  year: number | null;
  evidence: string | null;
  source: string | null;
  fromId: string | null;
  to: OrganisationNode;
  /** The innovation taken up. */
  innovation: InnovationNode;
  /** For LINEAGE: the new innovation the organisation built on it. */
  descendant: InnovationNode | null;
  generation: number;
  countsAsSpread: boolean;
}

export interface ReachedOrganisation {
  organisation: OrganisationNode;
  /** The lowest generation at which spread proper reached it. */
  generation: number;
}

/** Organisations that took the innovation up short of spread, each counted once, at the furthest status it reached. */
export interface SpreadUptakeRecord {
  planned: number;
  tested: number;
  interested: number;
  /** Regions of the planned and tested organisations, most organisations first. */
  regions: { regionId: string; planned: number; tested: number }[];
}

export interface SpreadSummary {
  innovation: InnovationNode;
  reach: number;
  uptake: SpreadUptakeRecord;
  depth: number;
  events: SpreadEventRecord[];
  signals: SignalItem[];
  regionsReached: { regionId: string; organisations: number }[];
  kindsReached: { kind: string; organisations: number }[];
  generations: { generation: number; breadth: number }[];
  structuralVirality: number;
  originYear: number | null;
  timeToAdoption: { organisation: OrganisationNode; years: number }[];
}

/** The node standing for the innovation's origin in the cascade tree (no organisation id is empty). */
export const CASCADE_ROOT = '';

const byName = (a: OrganisationNode, b: OrganisationNode) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

function firstOrigin(member: CascadeMember | undefined): OrganisationNode | null {
  return member ? ([...member.origins].sort(byName)[0] ?? null) : null;
}

/**
 * Every fact of the cascade as an event: each adoption of a member innovation (one generation
 * after that innovation's own), and each origin organisation of an innovation building on a
 * member, whether that lineage counts as spread (the descendant is then a member too) or not yet
 * (planned, tested: the cascade stops there). Each event says whether it counts as spread.
 */
export function cascadeEvents(cascade: RawCascade): SpreadEventRecord[] {
  const members = new Map(cascade.members.map((m) => [m.innovation.id, m]));
  const events: SpreadEventRecord[] = [];
  for (const member of cascade.members) {
    const from = firstOrigin(member);
    for (const a of member.adoptions) {
      events.push({
        kind: 'ADOPTION',
        mode: a.mode,
        status: a.status,
        year: a.year,
        evidence: a.evidence,
        source: a.source,
        fromId: a.fromId ?? from?.id ?? null,
        to: a.organisation,
        innovation: member.innovation,
        descendant: null,
        generation: member.distance + 1,
        countsAsSpread: countsAsSpread(a.mode, a.status),
      });
    }
    for (const link of member.buildsOn) {
      const parent = members.get(link.innovationId);
      if (parent) events.push(...lineageEvents(parent, member.innovation, member.origins, link));
    }
    // Innovations building on this member by lineage that does not count (yet): their makers are
    // uptake of it, and the cascade goes no further through them.
    for (const pending of member.pendingDescendants) events.push(...lineageEvents(member, pending.innovation, pending.origins, pending.link));
  }
  return events.sort(
    (a, b) =>
      a.generation - b.generation ||
      (a.year ?? Number.MAX_SAFE_INTEGER) - (b.year ?? Number.MAX_SAFE_INTEGER) ||
      byName(a.to, b.to) ||
      a.innovation.id.localeCompare(b.innovation.id) ||
      a.kind.localeCompare(b.kind),
  );
}

/**
 * The origins of `descendant` as having taken up `parent` by the lineage `link`. A lineage step
 * whose organisation also adopted the innovation it builds on is one fact recorded twice (the seed
 * writes both), so only the adoption is kept; unless only the lineage counts as spread (the
 * adoption was planned, say), when both are listed and the lineage is what reached it.
 */
function lineageEvents(parent: CascadeMember, descendant: InnovationNode, origins: readonly OrganisationNode[], link: Omit<CascadeLineage, 'innovationId'>): SpreadEventRecord[] {
  const mode = link.mode ?? LINEAGE_DEFAULT_MODE;
  const counts = countsAsSpread(mode, link.status);
  const adoptionCounts = new Map(parent.adoptions.map((a) => [a.organisation.id, countsAsSpread(a.mode, a.status)]));
  return origins
    .filter((origin) => !adoptionCounts.has(origin.id) || (counts && !adoptionCounts.get(origin.id)))
    .map((origin) => ({
      kind: 'LINEAGE' as const,
      mode,
      status: link.status,
      year: link.year,
      evidence: link.evidence,
      source: link.source,
      fromId: firstOrigin(parent)?.id ?? null,
      to: origin,
      innovation: parent.innovation,
      descendant,
      generation: parent.distance + 1,
      countsAsSpread: counts,
    }));
}

/** The organisations spread proper reached beyond the origin, each at its lowest generation. */
export function reachedOrganisations(events: readonly SpreadEventRecord[], originIds: ReadonlySet<string>): Map<string, ReachedOrganisation> {
  const reached = new Map<string, ReachedOrganisation>();
  for (const event of events) {
    if (!event.countsAsSpread || originIds.has(event.to.id)) continue;
    const known = reached.get(event.to.id);
    if (!known || event.generation < known.generation) reached.set(event.to.id, { organisation: event.to, generation: event.generation });
  }
  return reached;
}

/**
 * The cascade tree, as child -> parent. The origin organisations together are its root
 * (`CASCADE_ROOT`): they made the innovation as one. Every reached organisation hangs under the
 * organisation it took the innovation from at its lowest generation; under the root when that
 * was an origin, or an organisation the cascade did not reach earlier.
 */
export function cascadeTree(events: readonly SpreadEventRecord[], originIds: ReadonlySet<string>): Map<string, string> {
  const reached = reachedOrganisations(events, originIds);
  const parentOf = new Map<string, string>();
  for (const [id, { generation }] of reached) {
    const candidates = events.filter((e) => e.countsAsSpread && e.to.id === id && e.generation === generation);
    const via = candidates.find((e) => e.fromId !== null && (reached.get(e.fromId)?.generation ?? Infinity) < generation);
    parentOf.set(id, via?.fromId ?? CASCADE_ROOT);
  }
  return parentOf;
}

/**
 * Structural virality (Goel, Anderson, Hofman and Watts 2016): the mean shortest-path distance
 * over all pairs of nodes of the cascade tree; 0 for a tree of fewer than two nodes. A broadcast
 * (one source, many direct adopters) stays near 2; long chains of person-to-person spread grow.
 * Computed in linear time: each edge lies on the paths of size(below) * (n - size(below)) pairs.
 *
 * @param parentOf the tree as child -> parent; the root is the one node that is no key.
 */
export function structuralVirality(parentOf: ReadonlyMap<string, string>): number {
  const children = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    if (child === parent) throw new Error(`a cascade tree must not have a node as its own parent, got ${child}`);
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const nodes = new Set<string>([...parentOf.keys(), ...parentOf.values()]);
  const n = nodes.size;
  if (n < 2) return 0;
  const roots = [...nodes].filter((node) => !parentOf.has(node));
  if (roots.length !== 1) throw new Error(`a cascade tree must have exactly one root, got ${roots.length}`);
  // Depth-first order from the root; reversed, every node comes after all nodes below it.
  const order: string[] = [];
  const stack = [roots[0]!];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    stack.push(...(children.get(node) ?? []));
  }
  if (order.length !== n) throw new Error(`a cascade tree must connect every node to its root, got ${n - order.length} nodes on a cycle`);
  const size = new Map<string, number>();
  let pathLengths = 0;
  for (const node of order.reverse()) {
    const below = 1 + (children.get(node) ?? []).reduce((sum, child) => sum + size.get(child)!, 0);
    size.set(node, below);
    if (parentOf.has(node)) pathLengths += below * (n - below);
  }
  return pathLengths / ((n * (n - 1)) / 2);
}

/** How many organisations each generation holds, from 0 (the origin) to the deepest; none skipped. */
export function generationBreadths(originCount: number, reached: Iterable<ReachedOrganisation>): { generation: number; breadth: number }[] {
  const breadth = [originCount];
  for (const { generation } of reached) {
    while (breadth.length <= generation) breadth.push(0);
    breadth[generation] = (breadth[generation] ?? 0) + 1;
  }
  return breadth.map((count, generation) => ({ generation, breadth: count }));
}

const UPTAKE_RANK: Record<UptakeStatus, number> = Object.fromEntries(UPTAKE_STATUSES.map((status, rank) => [status, rank])) as Record<UptakeStatus, number>;

/**
 * Take-up short of spread: every organisation beyond the origin that spread did not reach but an
 * event names, counted once at the furthest status it came to (TESTED before PLANNED before
 * INTERESTED), with the regions of the tested and planned ones.
 */
export function uptakeOf(events: readonly SpreadEventRecord[], originIds: ReadonlySet<string>, reachedIds: ReadonlySet<string>): SpreadUptakeRecord {
  const furthest = new Map<string, { organisation: OrganisationNode; status: UptakeStatus }>();
  for (const event of events) {
    const status = uptakeStatus(event.mode, event.status);
    if (status === null || originIds.has(event.to.id) || reachedIds.has(event.to.id)) continue;
    const known = furthest.get(event.to.id);
    if (!known || UPTAKE_RANK[status] < UPTAKE_RANK[known.status]) furthest.set(event.to.id, { organisation: event.to, status });
  }
  const count = (status: UptakeStatus) => [...furthest.values()].filter((u) => u.status === status).length;
  const regions = new Map<string, { regionId: string; planned: number; tested: number }>();
  for (const { organisation, status } of furthest.values()) {
    if (organisation.regionId === null || status === 'INTERESTED') continue;
    const region = regions.get(organisation.regionId) ?? { regionId: organisation.regionId, planned: 0, tested: 0 };
    if (status === 'PLANNED') region.planned += 1;
    else region.tested += 1;
    regions.set(organisation.regionId, region);
  }
  return {
    planned: count('PLANNED'),
    tested: count('TESTED'),
    interested: count('INTERESTED'),
    regions: [...regions.values()].sort((a, b) => b.planned + b.tested - (a.planned + a.tested) || a.regionId.localeCompare(b.regionId)),
  };
}

/** Years from the innovation's start to each dated take-up by spread proper beyond the origin, soonest first. */
export function adoptionDelays(
  events: readonly SpreadEventRecord[],
  originYear: number | null,
  originIds: ReadonlySet<string> = new Set(),
): { organisation: OrganisationNode; years: number }[] {
  if (originYear === null) return [];
  return events
    .filter((e) => e.countsAsSpread && e.year !== null && !originIds.has(e.to.id))
    .map((e) => ({ organisation: e.to, years: e.year! - originYear }))
    .sort((a, b) => a.years - b.years || byName(a.organisation, b.organisation));
}

function countBy<K>(items: Iterable<ReachedOrganisation>, keyOf: (o: OrganisationNode) => K | null): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const { organisation } of items) {
    const key = keyOf(organisation);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

/** Everything `Spread` reports, from one raw cascade. */
export function summariseSpread(cascade: RawCascade): SpreadSummary {
  const root = cascade.members.find((m) => m.distance === 0);
  const originIds = new Set((root?.origins ?? []).map((o) => o.id));
  const events = cascadeEvents(cascade);
  const reached = reachedOrganisations(events, originIds);
  const generations = generationBreadths(originIds.size, reached.values());
  return {
    innovation: cascade.innovation,
    reach: reached.size,
    uptake: uptakeOf(events, originIds, new Set(reached.keys())),
    depth: generations.length - 1,
    events,
    signals: cascade.signals,
    regionsReached: countBy(reached.values(), (o) => o.regionId).map(({ key, count }) => ({ regionId: key, organisations: count })),
    kindsReached: countBy(reached.values(), (o) => o.kind).map(({ key, count }) => ({ kind: key, organisations: count })),
    generations,
    structuralVirality: structuralVirality(cascadeTree(events, originIds)),
    originYear: cascade.innovation.year,
    timeToAdoption: adoptionDelays(events, cascade.innovation.year, originIds),
  };
}

/** `count` of `total` as a fraction from 0 to 1; 0 when there is nothing to share. */
export const share = (count: number, total: number): number => (total === 0 ? 0 : count / total);

/** An enum value as words: `STATE_AGENCY` -> "State agency". */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const NO_VALUE_LABELS: Record<SpreadGrouping, string> = {
  REGION: 'No region',
  ORGANISATION_KIND: 'No nominator',
  SECTOR: 'No sector',
  YEAR: 'No year',
  MODE: 'No spreading fact',
};

/** The group key used for innovations without a value to group by. */
export const NO_VALUE_KEY = 'NONE';

export interface SpreadGroupRecord {
  key: string;
  label: string;
  innovations: number;
  adoptions: number;
  plannedAdoptions: number;
  testedAdoptions: number;
  interestedAdoptions: number;
  reuseShare: number;
  activelySharedShare: number;
  spreadShare: number;
  collaborationShare: number;
}

/** One group's counts as the measures `SpreadGroup` reports. */
export function spreadGroup(key: string, label: string, counts: SpreadCounts): SpreadGroupRecord {
  return {
    key,
    label,
    innovations: counts.innovations,
    adoptions: counts.adoptions,
    plannedAdoptions: counts.plannedAdoptions,
    testedAdoptions: counts.testedAdoptions,
    interestedAdoptions: counts.interestedAdoptions,
    reuseShare: share(counts.reusing, counts.innovations),
    activelySharedShare: share(counts.activelyShared, counts.innovations),
    spreadShare: share(counts.spread, counts.innovations),
    collaborationShare: share(counts.collaborating, counts.innovations),
  };
}

/** The groups with their keys and labels, ordered by key (years ascending), the group without a value last. */
export function spreadGroups(grouping: SpreadGrouping, groups: readonly SpreadGroupCounts[]): SpreadGroupRecord[] {
  return groups
    .map((g) =>
      g.key === null
        ? spreadGroup(NO_VALUE_KEY, NO_VALUE_LABELS[grouping], g)
        : spreadGroup(g.key, g.label ?? (grouping === 'YEAR' ? g.key : enumLabel(g.key)), g),
    )
    .sort((a, b) => Number(a.key === NO_VALUE_KEY) - Number(b.key === NO_VALUE_KEY) || a.key.localeCompare(b.key));
}
