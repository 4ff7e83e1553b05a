import type { GraphRunner } from '../../src/graph/graph-runner.js';

/**
 * A reference model of who shares which innovation, read from the graph with the simplest Cypher
 * there is (one row per relationship) and searched in plain TypeScript. The network and path
 * tests compare the API against it, so its rules are written out here a second time on purpose:
 * - took part = NOMINATED, MADE or PARTNER_IN; adopted = ADOPTED only; both counts as took part;
 * - two organisations are tied by an innovation unless both only adopted it;
 * - a network's centre also holds what its units (PART_OF, up to four levels) took part in or adopted;
 * - a path may also step between a unit and its parent.
 */
export interface CoParticipation {
  /** organisation id -> innovation id -> true when it took part, false when it only adopted */
  roles: Map<string, Map<string, boolean>>;
  /** innovation id -> organisation id -> took part */
  members: Map<string, Map<string, boolean>>;
  parentOf: Map<string, string>;
  unitsOf: Map<string, string[]>;
}

export async function loadCoParticipation(graph: GraphRunner): Promise<CoParticipation> {
  const memberships = await graph.read<{ organisation: string; innovation: string; tookPart: boolean }>(
    `MATCH (o:Organisation)-[r:NOMINATED|MADE|PARTNER_IN|ADOPTED]->(i:Innovation)
     WHERE NOT coalesce(i.retired, false)
     RETURN o.id AS organisation, i.id AS innovation, type(r) <> 'ADOPTED' AS tookPart`,
    {},
    { tag: 'test.memberships' },
  );
  const hierarchy = await graph.read<{ unit: string; parent: string }>('MATCH (u:Organisation)-[:PART_OF]->(p:Organisation) RETURN u.id AS unit, p.id AS parent', {}, { tag: 'test.hierarchy' });
  const model: CoParticipation = { roles: new Map(), members: new Map(), parentOf: new Map(), unitsOf: new Map() };
  for (const { organisation, innovation, tookPart } of memberships) {
    const role = (model.roles.get(organisation) ?? new Map<string, boolean>()).set(innovation, tookPart || (model.roles.get(organisation)?.get(innovation) ?? false));
    model.roles.set(organisation, role);
    model.members.set(innovation, (model.members.get(innovation) ?? new Map<string, boolean>()).set(organisation, role.get(innovation)!));
  }
  for (const { unit, parent } of hierarchy) {
    model.parentOf.set(unit, parent);
    model.unitsOf.set(parent, [...(model.unitsOf.get(parent) ?? []), unit]);
  }
  return model;
}

/** What the centre holds: its own roles and those of every unit below it, up to four levels. */
export function centreRoles(model: CoParticipation, centre: string): Map<string, boolean> {
  const roles = new Map<string, boolean>();
  let level = [centre];
  for (let generation = 0; generation <= 4 && level.length > 0; generation++) {
    for (const organisation of level) {
      for (const [innovation, tookPart] of model.roles.get(organisation) ?? []) roles.set(innovation, tookPart || (roles.get(innovation) ?? false));
    }
    level = level.flatMap((organisation) => model.unitsOf.get(organisation) ?? []);
  }
  return roles;
}

function tiedTo(model: CoParticipation, roles: Map<string, boolean>): Set<string> {
  const tied = new Set<string>();
  for (const [innovation, tookPart] of roles) {
    for (const [other, otherTookPart] of model.members.get(innovation) ?? []) if (tookPart || otherTookPart) tied.add(other);
  }
  return tied;
}

/** Breadth-first depths of every organisation within `depth` hops of the centre (the centre at 0). */
export function networkDepths(model: CoParticipation, centre: string, depth: number): Map<string, number> {
  const depths = new Map([[centre, 0]]);
  let frontier = [centre];
  for (let hop = 1; hop <= depth; hop++) {
    const next: string[] = [];
    for (const organisation of frontier) {
      const roles = organisation === centre ? centreRoles(model, centre) : (model.roles.get(organisation) ?? new Map<string, boolean>());
      for (const other of tiedTo(model, roles)) {
        if (!depths.has(other)) {
          depths.set(other, hop);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return depths;
}

/** The edges a network over these nodes must draw, keyed `source|target|kind`, with their weights. */
export function networkEdges(model: CoParticipation, centre: string, nodeIds: readonly string[]): Map<string, number> {
  const roleOf = (organisation: string) => (organisation === centre ? centreRoles(model, centre) : (model.roles.get(organisation) ?? new Map<string, boolean>()));
  const edges = new Map<string, number>();
  const ids = [...nodeIds].sort();
  for (const [i, source] of ids.entries()) {
    for (const target of ids.slice(i + 1)) {
      const sourceRoles = roleOf(source);
      const targetRoles = roleOf(target);
      for (const [innovation, sourceTookPart] of sourceRoles) {
        const targetTookPart = targetRoles.get(innovation);
        if (targetTookPart === undefined || !(sourceTookPart || targetTookPart)) continue;
        const key = `${source}|${target}|${sourceTookPart && targetTookPart ? 'PARTNERSHIP' : 'ADOPTION'}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
    }
  }
  return edges;
}

/** Fewest organisation hops from one organisation to another (ties and unit-parent steps), or null. */
export function organisationDistance(model: CoParticipation, from: string, to: string): number | null {
  const distance = new Map([[from, 0]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const organisation = queue[head]!;
    if (organisation === to) return distance.get(organisation)!;
    const neighbours = [...tiedTo(model, model.roles.get(organisation) ?? new Map<string, boolean>()), ...(model.unitsOf.get(organisation) ?? [])];
    const parent = model.parentOf.get(organisation);
    if (parent) neighbours.push(parent);
    for (const next of neighbours) {
      if (!distance.has(next)) {
        distance.set(next, distance.get(organisation)! + 1);
        queue.push(next);
      }
    }
  }
  return null;
}
