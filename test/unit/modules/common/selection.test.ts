import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFieldsAt } from '../../../../src/modules/common/selection.js';

/**
 * The part of the resolve info the look-ahead reads, for the root field `field` of `document`:
 * the nodes of that field (several when a query selects it twice) and the document's fragments.
 */
function infoFor(document: string, field: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === field);
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes, fragments } as unknown as GraphQLResolveInfo;
}

const at = (document: string, path: string[], field = 'innovations') => [...selectedFieldsAt(infoFor(document, field), path)].sort();

describe('selectedFieldsAt', () => {
  it('names the fields selected on every node of a connection', () => {
    expect(at('{ innovations { totalCount edges { cursor node { id title themes { id } } } } }', ['edges', 'node'])).toEqual(['id', 'themes', 'title']);
  });

  it('names the fields right under the field being resolved for an empty path', () => {
    expect(at('{ innovations { totalCount pageInfo { hasNextPage } } }', [])).toEqual(['pageInfo', 'totalCount']);
  });

  it('follows named fragments, inline fragments and fragments inside fragments', () => {
    const document = `
      { innovations { edges { node { ...Card ... on Innovation { year } } } } }
      fragment Card on Innovation { id ...More }
      fragment More on Innovation { contacts { name } }`;
    expect(at(document, ['edges', 'node'])).toEqual(['contacts', 'id', 'year']);
  });

  it('merges what aliases and repeated selections of the same path ask for', () => {
    const document = '{ innovations { edges { node { id } } again: edges { node { title } } } innovations { edges { node { year } } } }';
    expect(at(document, ['edges', 'node'])).toEqual(['id', 'title', 'year']);
  });

  it('stops at a fragment that spreads itself instead of looping', () => {
    const document = '{ innovations { edges { node { ...Loop } } } } fragment Loop on Innovation { id ...Loop }';
    expect(at(document, ['edges', 'node'])).toEqual(['id']);
  });

  it('finds nothing below a path the query does not select, or a fragment it does not define', () => {
    expect(at('{ innovations { totalCount } }', ['edges', 'node'])).toEqual([]);
    expect(at('{ innovations { edges { node { ...Missing } } } }', ['edges', 'node'])).toEqual([]);
  });

  it('counts fields under @skip and @include as selected, at worst fetching a list nobody reads', () => {
    expect(at('{ innovations { edges { node { id themes @skip(if: true) { id } } } } }', ['edges', 'node'])).toEqual(['id', 'themes']);
  });
});
