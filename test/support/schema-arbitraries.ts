import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLUnionType,
} from 'graphql';

/**
 * Arbitraries (fast-check) for GraphQL operations read from the API's own schema, so that every
 * root field, argument and input type is exercised as the schema stands today, a field added
 * tomorrow included, with no list of operations to keep in step by hand.
 *
 * An operation is one of three kinds, since each promises something different:
 * - `valid`: every value fits its declared type. The API may still refuse it by its own rules
 *   (a slug, a range), but must answer with a documented code, never a fault.
 * - `invalid`: exactly one value breaks its declared type (wrong type, null for non-null, a
 *   required variable missing, an unknown input field, a bad enum value), so GraphQL itself must
 *   refuse the whole operation before any resolver runs.
 * - `hostile`: fits the types, but its lists are hundreds to thousands of items long.
 */
export type OperationKind = 'valid' | 'invalid' | 'hostile';

export interface GeneratedOperation {
  kind: OperationKind;
  operationType: 'query' | 'mutation';
  query: string;
  variables: Record<string, unknown>;
  /** The root fields asked for, each with its response key (alias or name). */
  rootFields: { name: string; key: string }[];
  /** For an invalid operation, what was made wrong, for the failure report. */
  defect?: string;
}

export interface SchemaArbitraryOptions {
  /**
   * Ids for an argument or input field, by its coordinate (`Query.innovation(id)`,
   * `CreateInnovationInput.id`): the caller decides which ids may be named where, e.g. that a
   * write only ever targets the test file's own namespace.
   */
  ids: (coordinate: string) => fc.Arbitrary<string>;
  /**
   * Coordinates that must always be sent with a value, though the schema allows leaving them out:
   * a create without `id` makes one from the name, outside the test's namespace.
   */
  mustSend?: (coordinate: string) => boolean;
  /** Deepest nesting of object selections under a root field. Defaults to 3. */
  maxDepth?: number;
}

/** One piece of operation text with the variables it uses, in the order their markers appear. */
interface Piece {
  text: string;
  variables: { type: string; value: unknown; missing?: boolean }[];
}

// Replaced by $v0, $v1, ... when an operation is put together; pieces are made independently and
// cannot number their variables themselves.
const VARIABLE_MARKER = '\u0000VAR\u0000';

/** Strings that have broken APIs before: control and bidi characters, Lucene and Cypher syntax, emoji, long text. */
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  // Lone surrogates and every other code unit, which JSON carries and UTF-8 cannot.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'Aarhus',
      'ensomhed ældre',
      'loneliness elderly',
      'Mandefællesskaber',
      // Long enough to pass the summary rule, so that some writes are accepted.
      'Et forløb for ældre mænd, der mødes og taler om det, der fylder i hverdagen.',
      'nul\u0000byte',
      'right\u202Eto-left',
      '\u2066isolate\u2069',
      'tab\there',
      'line\nbreak',
      '\u200B',
      '👩‍👩‍👧 familie',
      '"; MATCH (n) DETACH DELETE n //',
      "') RETURN 1 //",
      '$param {x}',
      'AND OR NOT',
      '*',
      '?',
      '~2',
      '"unbalanced',
      '[a TO',
      '\\',
      'title:x^9',
      '/regex.*/',
      '++--!!&&||',
      'x'.repeat(2_500),
    ),
  },
);

/** Whole numbers a client can send as Int: mostly small (pages, years, depths), sometimes the extremes of 32 bits. */
export const awkwardInt: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 20, 50, 100, 101, 200, 201, 1899, 2021, 2027) },
  { weight: 1, arbitrary: fc.constantFrom(2_147_483_647, -2_147_483_648) },
  { weight: 1, arbitrary: fc.integer() },
);

// Random values fail a write's own rules (a summary of 20 characters, a year from 1900, an ISO
// country) nearly every time, and then the paths after those checks are never reached: accepted
// writes, and refusals that come from the database after some work was done. So a value is,
// about half the time, one its field would plausibly take, chosen by the field's name.
const PLAUSIBLE_STRINGS: [RegExp, string[]][] = [
  [/summary/i, ['Et forløb for ældre mænd, der mødes og taler om det, der fylder i hverdagen.', 'A service that brings video consultations to people who live far from the hospital.']],
  [/countr/i, ['DK', 'NO', 'SE', 'dk', 'Danmark']],
  [/email/i, ['navn@example.dk', 'a.b@kommune.dk', 'not-an-email']],
  [/phone/i, ['+45 12 34 56 78', '12345678', '+47 22 00 00 00']],
  [/source$/i, ['lsf2:10-12', 'lsf2:4432-4435', 'interview 2024']],
  [/lang/i, ['da', 'en']],
  [/./, ['Aarhus', 'Testenhed for velfærd', 'Projektleder', 'ensomhed ældre', 'klimatilpasning', 'video consultation', 'Vi kopierede løsningen i 2023.']],
];
const PLAUSIBLE_INTS: [RegExp, fc.Arbitrary<number>][] = [
  [/year/i, fc.integer({ min: 1990, max: 2027 })],
  [/page|lines/i, fc.integer({ min: 1, max: 400 })],
  [/depth|maxLength/i, fc.integer({ min: 1, max: 4 })],
  [/first/i, fc.integer({ min: 1, max: 10 })],
];

function stringFor(coordinate: string): fc.Arbitrary<string> {
  const [, plausible] = PLAUSIBLE_STRINGS.find(([pattern]) => pattern.test(coordinate))!;
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...plausible) }, { weight: 1, arbitrary: awkwardString });
}

function intFor(coordinate: string): fc.Arbitrary<number> {
  const plausible = PLAUSIBLE_INTS.find(([pattern]) => pattern.test(coordinate.replace(/.*[.(]/, '')))?.[1];
  return plausible ? fc.oneof({ weight: 1, arbitrary: plausible }, { weight: 1, arbitrary: awkwardInt }) : awkwardInt;
}

const awkwardFloat: fc.Arbitrary<number> = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -5, max: 5 }));

export function schemaArbitraries(schema: GraphQLSchema, options: SchemaArbitraryOptions) {
  const maxDepth = options.maxDepth ?? 3;
  const mustSend = options.mustSend ?? (() => false);

  // ---- values that fit their type -------------------------------------------------------------

  /** A value of the named scalar; IDs come from the caller, who knows which exist. */
  function scalarValue(name: string, coordinate: string): fc.Arbitrary<unknown> {
    switch (name) {
      case 'Int':
        return intFor(coordinate);
      case 'Float':
        return awkwardFloat;
      case 'Boolean':
        return fc.boolean();
      case 'ID':
        return options.ids(coordinate);
      default:
        return stringFor(coordinate);
    }
  }

  /** A value of a type, null now and then where the type allows it. */
  function value(type: GraphQLInputType, coordinate: string, lists: ListSize): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return present(type.ofType, coordinate, lists);
    if (mustSend(coordinate)) return present(type, coordinate, lists);
    // Half the nullable values null, each on its own: one value that breaks must not hide the rest.
    if (lists.nulls) return fc.oneof(fc.constant(null), present(type, coordinate, lists));
    return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: present(type, coordinate, lists) });
  }

  /** A value of a type that is not null. */
  function present(type: GraphQLInputType, coordinate: string, lists: ListSize): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return present(type.ofType, coordinate, lists);
    if (isListType(type)) return fc.array(value(type.ofType as GraphQLInputType, coordinate, lists), { minLength: lists.minLength ?? 0, maxLength: lists.maxLength });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    if (isInputObjectType(type)) return inputObject(type, lists);
    return scalarValue(type.name, coordinate);
  }

  /** An input object with every required field, and any of the optional ones. */
  function inputObject(type: GraphQLInputObjectType, lists: ListSize): fc.Arbitrary<Record<string, unknown>> {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((f) => [f.name, value(f.type, `${type.name}.${f.name}`, lists)]));
    const requiredKeys = fields.filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined) || mustSend(`${type.name}.${f.name}`) || lists.nulls).map((f) => f.name);
    return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
  }

  // ---- values that do not fit their type ------------------------------------------------------

  interface Corruption {
    value: unknown;
    defect: string;
    /** The variable is declared but not sent at all. */
    missing?: boolean;
  }

  /** A value GraphQL's own coercion must refuse for this type (never one it could accept). */
  function corrupt(type: GraphQLInputType, coordinate: string, topLevel: boolean): fc.Arbitrary<Corruption> {
    if (isNonNullType(type)) {
      // A wrong value inside weighs most: null and absence are one case each, a wrong value many.
      const choices: fc.WeightedArbitrary<Corruption>[] = [
        { weight: 1, arbitrary: fc.constant({ value: null, defect: `null for non-null ${coordinate}` }) },
        { weight: 4, arbitrary: corrupt(type.ofType, coordinate, false) },
      ];
      // Only a variable can be missing; a field inside an input object missing is a separate defect.
      if (topLevel) choices.push({ weight: 1, arbitrary: fc.constant({ value: undefined, missing: true, defect: `required variable for ${coordinate} not sent` }) });
      return fc.oneof(...choices);
    }
    if (isListType(type)) {
      // A single item is coerced to a list of one, so a list is wrong only through a wrong item.
      const itemType = type.ofType as GraphQLInputType;
      return fc
        .tuple(fc.array(present(itemType, coordinate, SMALL_LISTS), { maxLength: 2 }), corruptPresent(itemType, coordinate))
        .map(([good, bad]) => ({ value: [...good, bad.value], defect: `list item: ${bad.defect}` }));
    }
    return corruptPresent(type, coordinate);
  }

  /** A non-null value that does not fit a named (or list) type. */
  function corruptPresent(type: GraphQLInputType, coordinate: string): fc.Arbitrary<Corruption> {
    if (isNonNullType(type) || isListType(type)) return corrupt(type, coordinate, false).filter((c) => c.value !== null);
    if (isEnumType(type)) {
      const names = new Set(type.getValues().map((v) => v.name));
      return fc
        .oneof(
          fc.constantFrom(...[...names].map((n) => n.toLowerCase()), 'NOT_A_VALUE', '', ' WINNER', 'null'),
          awkwardString,
          fc.constantFrom(7, true, { name: 'WINNER' }),
        )
        .filter((v) => !names.has(v as string))
        .map((v) => ({ value: v, defect: `bad enum value for ${coordinate} (${type.name})` }));
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
      const choices: fc.Arbitrary<Corruption>[] = [
        fc.constantFrom('a string', 42, true).map((v) => ({ value: v, defect: `not an object for ${coordinate} (${type.name})` })),
        fc
          .tuple(inputObject(type, SMALL_LISTS), fc.constantFrom('unknownField', 'ID', '__proto__x', 'title_'))
          .filter(([, key]) => !(key in type.getFields()))
          .map(([object, key]) => ({ value: { ...object, [key]: 'x' }, defect: `unknown input field ${type.name}.${key}` })),
        fc
          .tuple(inputObject(type, SMALL_LISTS), fc.constantFrom(...fields))
          .chain(([object, field]) =>
            corrupt(field.type, `${type.name}.${field.name}`, false).map((bad) => ({ value: { ...object, [field.name]: bad.value }, defect: bad.defect })),
          ),
      ];
      if (required.length > 0) {
        choices.push(
          fc.tuple(inputObject(type, SMALL_LISTS), fc.constantFrom(...required)).map(([object, field]) => {
            const { [field.name]: _dropped, ...rest } = object;
            return { value: rest, defect: `required input field ${type.name}.${field.name} missing` };
          }),
        );
      }
      return fc.oneof(...choices);
    }
    return fc.constantFrom(...WRONG_SCALARS[type.name]!).map((v) => ({ value: v, defect: `wrong type for ${coordinate} (${type.name}): ${JSON.stringify(v)}` }));
  }

  // ---- operation text -------------------------------------------------------------------------

  /** An argument, written inline or passed as a variable, or left out where that is allowed. */
  function argument(arg: GraphQLArgument, coordinate: string, lists: ListSize): fc.Arbitrary<Piece | null> {
    const required = (isNonNullType(arg.type) && arg.defaultValue === undefined) || mustSend(coordinate);
    const given = fc.tuple(value(arg.type, coordinate, lists), fc.boolean()).map(([v, asVariable]): Piece => {
      // A null variable for a nullable argument is the same as inline null; both are worth sending.
      if (asVariable) return { text: `${arg.name}: ${VARIABLE_MARKER}`, variables: [{ type: String(arg.type), value: v }] };
      return { text: `${arg.name}: ${literal(v, arg.type)}`, variables: [] };
    });
    return required || lists.nulls ? given : fc.option(given, { freq: 2 });
  }

  function argumentList(field: GraphQLField<unknown, unknown>, parent: string, lists: ListSize): fc.Arbitrary<Piece> {
    if (field.args.length === 0) return fc.constant({ text: '', variables: [] });
    return fc.tuple(...field.args.map((arg) => argument(arg, `${parent}.${field.name}(${arg.name})`, lists))).map(joinArguments);
  }

  /** Selection of one field: an alias now and then, its arguments, and what is inside it. */
  function fieldSelection(field: GraphQLField<unknown, unknown>, parent: string, depth: number, lists: ListSize, extra = ''): fc.Arbitrary<Piece> {
    const inner = getNamedType(field.type);
    const sub: fc.Arbitrary<Piece> = isLeafType(inner) ? fc.constant({ text: '', variables: [] }) : selectionSet(inner as GraphQLObjectType | GraphQLUnionType, depth - 1, lists, extra);
    // Aliases are named after the field, so that two selections never claim one response key.
    return fc.tuple(fc.boolean(), argumentList(field, parent, lists), sub).map(([aliased, args, set]) => ({
      text: `${aliased ? `al_${field.name}: ` : ''}${field.name}${args.text} ${set.text}`.trimEnd(),
      variables: [...args.variables, ...set.variables],
    }));
  }

  /** A selection set of one to four fields; at the deepest level, only fields that need none. */
  function selectionSet(type: GraphQLObjectType | GraphQLUnionType, depth: number, lists: ListSize, extra = ''): fc.Arbitrary<Piece> {
    if (isUnionType(type)) {
      const members = [...type.getTypes()];
      return fc.subarray(members, { minLength: 1 }).chain((chosen) =>
        fc.tuple(...chosen.map((member) => selectionSet(member, depth, lists))).map((sets) => ({
          text: `{ __typename ${chosen.map((m, i) => `... on ${m.name} ${sets[i]!.text}`).join(' ')} }`,
          variables: sets.flatMap((s) => s.variables),
        })),
      );
    }
    const fields = Object.values(type.getFields()).filter((f) => depth > 0 || isLeafType(getNamedType(f.type)));
    // A type whose every field is an object (Lineage) still needs a selection at the bottom.
    if (fields.length === 0) return fc.constant({ text: '{ __typename }', variables: [] });
    return fc
      .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 4, selector: (f) => f.name })
      .chain((chosen) => fc.tuple(...chosen.map((f) => fieldSelection(f, type.name, depth, lists))))
      .map((parts) => ({ text: `{ ${extra}${parts.map((p) => p.text).join(' ')} }`, variables: parts.flatMap((p) => p.variables) }));
  }

  function rootField(operationType: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, index: number, lists: ListSize): fc.Arbitrary<Piece & { key: string }> {
    const root = operationType === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    const payload = getNamedType(field.type);
    // A write's payload always asks for its problem, so that a refusal given as data is seen.
    const extra = isObjectType(payload) && 'problem' in payload.getFields() ? 'problem { code field message } ' : '';
    const key = `r${index}_${field.name}`;
    return fieldSelection(field, root.name, maxDepth, lists, extra).map((piece) => ({
      key,
      text: `${key}: ${piece.text.replace(/^al_\w+: /, '')}`,
      variables: piece.variables,
    }));
  }

  function assemble(operationType: 'query' | 'mutation', fields: (Piece & { key: string; name: string })[], kind: OperationKind, defect?: string): GeneratedOperation {
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    let next = 0;
    const all = fields.flatMap((f) => f.variables);
    const body = fields
      .map((f) => f.text)
      .join(' ')
      .replaceAll(VARIABLE_MARKER, () => {
        const name = `v${next}`;
        const variable = all[next++]!;
        declarations.push(`$${name}: ${variable.type}`);
        if (!variable.missing) variables[name] = variable.value;
        return `$${name}`;
      });
    const query = `${operationType} Generated${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} { ${body} }`;
    return { kind, operationType, query, variables, rootFields: fields.map((f) => ({ name: f.name, key: f.key })), ...(defect ? { defect } : {}) };
  }

  function rootFieldsOf(operationType: 'query' | 'mutation'): GraphQLField<unknown, unknown>[] {
    const root = operationType === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(root?.getFields() ?? {});
  }

  /**
   * Operations whose values all fit their types. A query asks for one to three root fields; a
   * mutation for exactly one, so that "refused" and "accepted" mean one write each.
   */
  function validOperation(operationType: 'query' | 'mutation', kind: 'valid' | 'hostile' = 'valid'): fc.Arbitrary<GeneratedOperation> {
    const lists = kind === 'hostile' ? HUGE_LISTS : SMALL_LISTS;
    const candidates = rootFieldsOf(operationType).filter((f) => kind === 'valid' || f.args.some((a) => holdsList(a.type)));
    return fc
      .uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: operationType === 'query' ? 3 : 1, selector: (f) => f.name })
      .chain((chosen) => fc.tuple(...chosen.map((f, i) => rootField(operationType, f, i, lists).map((piece) => ({ ...piece, name: f.name })))))
      .map((fields) => assemble(operationType, fields, kind));
  }

  /**
   * An operation of one root field that sends every argument and input field the schema lets be
   * null, about half of them as an explicit null (inline or as a variable): for the API, null must mean absent, and
   * code that tells "not given" by `undefined` alone breaks on it.
   */
  function explicitNullOperation(operationType: 'query' | 'mutation', fieldName: string): fc.Arbitrary<GeneratedOperation> {
    const field = rootFieldsOf(operationType).find((f) => f.name === fieldName)!;
    return rootField(operationType, field, 0, EXPLICIT_NULLS).map((piece) => assemble(operationType, [{ ...piece, name: field.name }], 'valid'));
  }

  /** Operations of one root field with one argument, passed as a variable, that breaks its declared type. */
  function invalidOperation(operationType: 'query' | 'mutation'): fc.Arbitrary<GeneratedOperation> {
    const root = operationType === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    const candidates = rootFieldsOf(operationType).filter((f) => f.args.length > 0);
    return fc
      .constantFrom(...candidates)
      .chain((field) => fc.tuple(fc.constant(field), fc.constantFrom(...field.args)))
      .chain(([field, target]) => {
        const coordinate = `${root.name}.${field.name}(${target.name})`;
        const others = field.args.filter((a) => a !== target).map((a) => argument(a, `${root.name}.${field.name}(${a.name})`, SMALL_LISTS));
        const payload = getNamedType(field.type);
        const sub: fc.Arbitrary<Piece> = isLeafType(payload) ? fc.constant({ text: '', variables: [] }) : selectionSet(payload as GraphQLObjectType, 1, SMALL_LISTS);
        return fc.tuple(corrupt(target.type, coordinate, true), fc.tuple(...others), sub).map(([bad, rest, set]) => {
          const badPiece: Piece = { text: `${target.name}: ${VARIABLE_MARKER}`, variables: [{ type: String(target.type), value: bad.value, ...(bad.missing ? { missing: true } : {}) }] };
          const args = joinArguments([badPiece, ...rest]);
          const key = `r0_${field.name}`;
          const piece = { key, name: field.name, text: `${key}: ${field.name}${args.text} ${set.text}`.trimEnd(), variables: [...args.variables, ...set.variables] };
          return assemble(operationType, [piece], 'invalid', bad.defect);
        });
      });
  }

  return {
    /** Any operation of this type: mostly valid, a third invalid, some with oversized lists. */
    operation(operationType: 'query' | 'mutation'): fc.Arbitrary<GeneratedOperation> {
      return fc.oneof(
        { weight: 5, arbitrary: validOperation(operationType) },
        { weight: 4, arbitrary: invalidOperation(operationType) },
        { weight: 1, arbitrary: validOperation(operationType, 'hostile') },
      );
    },
    validOperation,
    invalidOperation,
    explicitNullOperation,
  };
}

/** How long lists are, and whether every nullable value is sent as null. */
interface ListSize {
  minLength?: number;
  maxLength: number;
  nulls?: boolean;
}

const EXPLICIT_NULLS: ListSize = { maxLength: 2, nulls: true };

const SMALL_LISTS: ListSize = { maxLength: 3 };
// Long enough to find a missing bound, short enough to stay under the 100 kB body limit mostly.
const HUGE_LISTS: ListSize = { minLength: 300, maxLength: 2_000 };

/** Values of the wrong JSON type for each built-in scalar (an integer is a valid ID, so it is not here). */
const WRONG_SCALARS: Record<string, unknown[]> = {
  Int: ['12', 1.5, 2_147_483_648, -2_147_483_649, 1e20, true, {}, [1]],
  Float: ['1.5', true, {}, [1.5]],
  String: [5, true, {}, ['a']],
  ID: [true, 1.5, {}, ['a']],
  Boolean: ['true', 0, {}, [true]],
};

function holdsList(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (isNonNullType(type)) return holdsList(type.ofType, seen);
  if (isListType(type)) return true;
  if (isInputObjectType(type) && !seen.has(type.name)) {
    seen.add(type.name);
    return Object.values(type.getFields()).some((f) => holdsList(f.type, seen));
  }
  return false;
}

function joinArguments(pieces: (Piece | null)[]): Piece {
  const given = pieces.filter((p): p is Piece => p !== null);
  if (given.length === 0) return { text: '', variables: [] };
  return { text: `(${given.map((p) => p.text).join(', ')})`, variables: given.flatMap((p) => p.variables) };
}

/**
 * A value written as a GraphQL literal. Strings go through JSON.stringify, whose escapes GraphQL
 * shares; a lone surrogate becomes an escape GraphQL refuses to parse, which is a fair input too.
 */
export function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (isListType(type)) return Array.isArray(value) ? `[${value.map((v) => literal(v, type.ofType as GraphQLInputType)).join(', ')}]` : literal(value, type.ofType as GraphQLInputType);
  if (isEnumType(type)) return String(value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
