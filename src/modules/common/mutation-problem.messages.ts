import { AlreadyExistsError } from '../../errors.js';
import type { NodeLabel, WriteProblem } from '../../graph/writes/write-result.js';

/**
 * The words of a write's problem: the graph layer reports facts (what kind, which argument, which
 * ids and names), and this module says them the way the API does, with the argument's path in the
 * mutation that made the write.
 */

/**
 * The arguments each write's mutation takes beside an `input` object; every other argument is a
 * field of its `input`. Creations, recordAdoption and linkInnovations take everything in `input`.
 */
const OUTSIDE_INPUT: Readonly<Record<string, readonly string[] | 'all'>> = {
  'organisation.update': ['id'],
  'person.update': ['id'],
  'innovation.update': ['id'],
  'innovation.retire': 'all',
  'innovation.restore': 'all',
  'relation.addPartnership': 'all',
  'relation.removePartnership': 'all',
  'relation.addContact': 'all',
  'relation.removeContact': 'all',
  'merge.organisation': 'all',
  'merge.person': 'all',
};

/** Where an argument of a write sits in its mutation, e.g. `input.parentId`. */
export function argumentPath(write: string, argument: string): string {
  const outside = OUTSIDE_INPUT[write];
  return outside === 'all' || outside?.includes(argument) ? argument : `input.${argument}`;
}

const NOUN: Record<NodeLabel, string> = { Organisation: 'organisation', Person: 'person', Innovation: 'innovation' };
const PLURAL: Record<NodeLabel, string> = { Organisation: 'organisations', Person: 'people', Innovation: 'innovations' };
const ITSELF: Record<'parentId' | 'fromOrganisationId' | 'buildsOnId', string> = {
  parentId: 'the organisation itself',
  fromOrganisationId: 'the adopting organisation itself',
  buildsOnId: 'the innovation itself',
};

const quoted = (texts: readonly string[]) => texts.map((t) => `"${t}"`).join(', ');
const withArticle = (label: NodeLabel) => (label === 'Person' ? 'a person' : `an ${NOUN[label]}`);
const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** The sentence that states a write's problem, naming its arguments by their paths in the mutation. */
export function problemMessage(write: string, problem: WriteProblem): string {
  const path = (argument: string) => argumentPath(write, argument);
  switch (problem.reason) {
    case 'unknownNode':
      return problem.mergedInto
        ? `The ${NOUN[problem.label]} "${problem.id}" was merged into "${problem.mergedInto}" already; use "${problem.mergedInto}".`
        : `No ${NOUN[problem.label]} has the id "${problem.id}".`;
    case 'unknownReference':
      return `${path(problem.argument)} names no ${problem.kind}: ${quoted(problem.ids)}`;
    case 'noSuchLink':
      return problem.link === 'partnership'
        ? `${problem.from.name} is not a partner in "${problem.to.name}"; there is no partnership to remove.`
        : `${problem.from.name} is not a contact for "${problem.to.name}"; there is no contact to remove.`;
    case 'idTaken':
      return problem.mergedInto
        ? `The id "${problem.id}" belonged to ${withArticle(problem.label)} that was merged into "${problem.mergedInto}"; merged ids keep pointing there, so give another id.`
        : `${capitalised(withArticle(problem.label))} with id "${problem.id}" exists already; update ${problem.label === 'Person' ? 'them' : 'it'} instead, or give another id.`;
    case 'keyTaken':
      // The same words as when the error is thrown outside a write, from the one place that has them.
      return new AlreadyExistsError(problem.label, problem.argument, problem.value).message;
    case 'retired':
      return `The innovation "${problem.id}" is retired, and retired innovations are kept as they were; restore it with restoreInnovation first.`;
    case 'retiredAlready':
      return `The innovation "${problem.id}" was retired already${problem.retiredAt ? ` at ${problem.retiredAt}` : ''}; nothing was changed.`;
    case 'notRetired':
      return `The innovation "${problem.id}" is not retired; nothing was changed.`;
    case 'itself':
      return `${path(problem.argument)} cannot be ${ITSELF[problem.argument]}${problem.argument === 'buildsOnId' ? ` ("${problem.id}")` : ''}`;
    case 'sameNode':
      return `${path(problem.other)} and ${path(problem.argument)} must name two different ${PLURAL[problem.label]}, got "${problem.id}" for both`;
    case 'hierarchyLoop':
      return `${path(problem.argument)} "${problem.parentId}" is itself part of this organisation; the hierarchy cannot loop`;
    case 'lineageLoop':
      return `"${problem.buildsOn.name}" (${problem.buildsOn.id}) already builds on "${problem.innovation.name}" (${problem.innovation.id}); lineage cannot loop`;
    case 'adopterAsOrigin':
      return `${problem.organisation.name} (${problem.organisation.id}) adopted "${problem.innovation.name}" (${problem.innovation.id}), so it cannot become its ${problem.role}; an organisation cannot adopt its own innovation.`;
    case 'originAdopts':
      return `${problem.organisation.name} nominated or made "${problem.innovation.name}" itself; an organisation cannot adopt its own innovation.`;
    case 'noOrigin':
      return `An innovation needs at least one nominator or maker; ${path(problem.argument)} and ${path(problem.other)} would leave it with none`;
    case 'mergeBreaks':
      return `Merging "${problem.mergeId}" into "${problem.keepId}" ${mergeClause(problem)}; nothing was merged.`;
  }
}

function mergeClause(problem: Extract<WriteProblem, { reason: 'mergeBreaks' }>): string {
  switch (problem.rule) {
    case 'partOfLoop':
      return `would make ${problem.keptName} part of itself (a PART_OF loop in the hierarchy)`;
    case 'buildsOnLoop':
      return 'would make a BUILDS_ON loop in the lineage';
    case 'ownAdoption':
      return `would make ${problem.keptName} adopt its own innovation (${quoted(problem.titles)}, which it nominated or made); an organisation cannot adopt its own innovation`;
    case 'adoptionFromSelf':
      return `would make ${problem.keptName} adopt ${quoted(problem.titles)} from itself`;
  }
}
