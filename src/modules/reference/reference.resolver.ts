import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import type { OrganisationNode } from '../../graph/records.js';
import { Organisation } from '../organisation/organisation.type.js';
import { SourceDocument, Theme } from './reference.type.js';

@Resolver(() => Theme)
export class ThemeResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'For a mission: the organisation whose strategy sets it.' })
  owner(@Root() theme: Theme, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return theme.ownerId ? ctx.loaders.organisation.load(theme.ownerId) : null;
  }
}

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that published the document.' })
  publisher(@Root() source: SourceDocument, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return source.publisherId ? ctx.loaders.organisation.load(source.publisherId) : null;
  }
}
