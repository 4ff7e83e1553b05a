import type { InnovationNode, OrganisationNode } from '../../src/graph/records.js';

/** An innovation record as the graph layer returns it, for tests of pure code: only what a test sets differs. */
export function innovationNode(id: string, fields: Partial<InnovationNode> = {}): InnovationNode {
  return {
    id,
    title: id,
    summary: '',
    year: null,
    targetGroup: null,
    kind: 'MAIN_CASE',
    sector: null,
    types: [],
    coronaRelated: false,
    retired: false,
    retiredAt: null,
    retiredReason: null,
    sourceDocument: null,
    sourceSection: null,
    sourceLines: null,
    sourcePage: null,
    ...fields,
  };
}

/** An organisation record as the graph layer returns it, for tests of pure code. */
export function organisationNode(id: string, fields: Partial<OrganisationNode> = {}): OrganisationNode {
  return { id, name: id, kind: 'MUNICIPALITY', country: 'DK', regionId: null, parentId: null, aliases: [], ...fields };
}
