import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { callerHas } from '../../auth/caller.js';
import type { RequestContext } from '../../context.js';
import type { InnovationNode, OrganisationNode, PersonNode } from '../../graph/records.js';
import { Innovation } from '../innovation/innovation.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Person } from './person.type.js';

/** Synchronous on purpose: these fields sit on every contact of every list, beside batched loads. */
function mayShowContactDetails(ctx: RequestContext): boolean {
  return !ctx.settings.contactsRequireAuth || callerHas(ctx.caller, 'reader');
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by id; null when there is none with that id.' })
  person(@Arg('id', () => ID, { description: 'The person\'s id, e.g. `jens-bolwig`.' }) id: string, @Ctx() ctx: RequestContext): Promise<PersonNode | null> {
    return ctx.loaders.person.load(id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'E-mail address. Null for anonymous callers where the deployment keeps contact details for authenticated readers.' })
  email(@Root() person: Person, @Ctx() ctx: RequestContext): string | null {
    return mayShowContactDetails(ctx) ? person.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number in international form, e.g. "+45 29 20 84 25". Null for anonymous callers where the deployment keeps contact details for authenticated readers.' })
  phone(@Root() person: Person, @Ctx() ctx: RequestContext): string | null {
    return mayShowContactDetails(ctx) ? person.phone : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Where they work, as the source prints it.' })
  organisation(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return person.organisationId ? ctx.loaders.organisation.load(person.organisationId) : null;
  }

  @FieldResolver(() => [Innovation], { description: 'The innovations they are the contact for.' })
  innovations(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<InnovationNode[]> {
    return ctx.loaders.related('contactFor').load(person.id);
  }
}
