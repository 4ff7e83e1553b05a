import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { dataFileSchema, SECTION_SCHEMAS, SECTIONS, type Section, type SeedSet } from './seed-format.js';

/**
 * Reads seed data files, checks every record, merges records that several files give for the same
 * id, and checks every reference. Nothing here writes: the importer writes only a set that passed.
 */

export interface SeedProblem {
  readonly file: string;
  readonly record: string;
  readonly message: string;
}

export function formatProblem(problem: SeedProblem): string {
  return `${problem.file} ${problem.record}: ${problem.message}`;
}

export class SeedValidationError extends Error {
  constructor(readonly problems: readonly SeedProblem[]) {
    super(`The seed data has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'SeedValidationError';
  }
}

/** Every `*.json` file under a folder (or the file itself), `reference.json` first, then by path. */
export function listSeedFiles(target: string): string[] {
  if (statSync(target).isFile()) return [target];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) found.push(full);
    }
  };
  walk(target);
  const rank = (file: string) => (path.basename(file) === 'reference.json' ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

interface Located<T> {
  readonly value: T;
  readonly file: string;
  readonly record: string;
}

/** Fields whose values from several files are joined rather than required to agree. */
const JOINED_FIELDS = new Set(['aliases', 'sources']);

/**
 * Reads and checks the given files. Returns the merged set, or throws a
 * {@link SeedValidationError} listing every problem found, with file and record.
 */
export function readSeedSet(files: readonly string[], options: { baseDir?: string; knownIds?: KnownIds } = {}): SeedSet {
  const problems: SeedProblem[] = [];
  const merged = new Map<Section, Map<string, Located<Record<string, unknown>>>>(SECTIONS.map((s) => [s, new Map()]));
  const show = (file: string) => (options.baseDir ? path.relative(options.baseDir, file) : file);

  for (const file of files) {
    const shown = show(file);
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ file: shown, record: '(file)', message: `is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const shape = dataFileSchema.safeParse(content);
    if (!shape.success) {
      problems.push({ file: shown, record: '(file)', message: `must be an object with arrays among ${SECTIONS.join(', ')}: ${shape.error.issues.map((i) => i.message).join('; ')}` });
      continue;
    }
    for (const section of SECTIONS) {
      (shape.data[section] ?? []).forEach((raw, index) => {
        const rawId = (raw as { id?: unknown } | null)?.id;
        const record = `${section}[${index}]${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
        const parsed = SECTION_SCHEMAS[section].safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            problems.push({ file: shown, record, message: `${issue.path.join('.') || '(record)'} ${issue.message}` });
          }
          return;
        }
        mergeRecord(merged.get(section)!, section, { value: parsed.data as Record<string, unknown>, file: shown, record }, problems);
      });
    }
  }

  const set = Object.fromEntries(SECTIONS.map((s) => [s, [...merged.get(s)!.values()].map((l) => l.value)])) as unknown as SeedSet;
  checkReferences(set, merged, problems, options.knownIds);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return set;
}

function mergeRecord(
  byId: Map<string, Located<Record<string, unknown>>>,
  section: Section,
  next: Located<Record<string, unknown>>,
  problems: SeedProblem[],
): void {
  const id = next.value.id as string;
  const earlier = byId.get(id);
  if (!earlier) {
    byId.set(id, { ...next, value: { ...next.value } });
    return;
  }
  if (section === 'innovations') {
    problems.push({ file: next.file, record: next.record, message: `innovation id "${id}" is also defined at ${earlier.file} ${earlier.record}; innovation ids must be unique` });
    return;
  }
  for (const [field, value] of Object.entries(next.value)) {
    const before = earlier.value[field];
    if (JOINED_FIELDS.has(field)) {
      earlier.value[field] = joinUnique((before as unknown[] | undefined) ?? [], value as unknown[]);
    } else if (before === undefined) {
      earlier.value[field] = value;
    } else if (JSON.stringify(before) !== JSON.stringify(value)) {
      problems.push({
        file: next.file,
        record: next.record,
        message: `${field} is ${JSON.stringify(value)} here but ${JSON.stringify(before)} at ${earlier.file} ${earlier.record}; one ${section.replace(/s$/, '')} must have one value`,
      });
    }
  }
}

function joinUnique(a: unknown[], b: unknown[]): unknown[] {
  const seen = new Set(a.map((v) => JSON.stringify(v)));
  return [...a, ...b.filter((v) => !seen.has(JSON.stringify(v)))];
}

/** Ids that already exist in the database, for files that extend the graph rather than seed it. */
export interface KnownIds {
  readonly organisations: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
  readonly innovations: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly themes: ReadonlySet<string>;
  readonly sources: ReadonlySet<string>;
}

function checkReferences(
  set: SeedSet,
  located: Map<Section, Map<string, Located<Record<string, unknown>>>>,
  problems: SeedProblem[],
  known?: KnownIds,
): void {
  const ids = (section: Section, extra?: ReadonlySet<string>) => new Set([...set[section].map((r) => r.id), ...(extra ?? [])]);
  const organisations = ids('organisations', known?.organisations);
  const people = ids('people', known?.people);
  const innovations = ids('innovations', known?.innovations);
  const regions = ids('regions', known?.regions);
  const themes = ids('themes', known?.themes);
  const sources = ids('sources', known?.sources);
  const where = (section: Section, id: string) => located.get(section)!.get(id)!;
  const expect = (section: Section, id: string, field: string, value: string | undefined, pool: Set<string>, what: string) => {
    if (value !== undefined && !pool.has(value)) {
      const at = where(section, id);
      problems.push({ file: at.file, record: at.record, message: `${field} names unknown ${what} "${value}"` });
    }
  };

  const regionCountry = new Map(set.regions.map((r) => [r.id, r.country]));
  for (const org of set.organisations) {
    expect('organisations', org.id, 'region', org.region, regions, 'region');
    const country = org.region ? regionCountry.get(org.region) : undefined;
    if (country && org.country !== country) {
      const at = where('organisations', org.id);
      problems.push({ file: at.file, record: at.record, message: `country is ${JSON.stringify(org.country ?? null)} but region "${org.region}" lies in ${country}` });
    }
    expect('organisations', org.id, 'parent', org.parent, organisations, 'organisation');
    if (org.parent === org.id) expect('organisations', org.id, 'parent', `${org.id} (itself)`, organisations, 'organisation');
    org.sources?.forEach((s, i) => expect('organisations', org.id, `sources[${i}].document`, s.document, sources, 'source'));
  }
  checkParentCycles(set, problems, where);
  for (const theme of set.themes) expect('themes', theme.id, 'owner', theme.owner, organisations, 'organisation');
  for (const source of set.sources) expect('sources', source.id, 'publisher', source.publisher, organisations, 'organisation');
  for (const person of set.people) {
    expect('people', person.id, 'organisation', person.organisation, organisations, 'organisation');
    person.sources?.forEach((s, i) => expect('people', person.id, `sources[${i}].document`, s.document, sources, 'source'));
  }
  for (const inn of set.innovations) {
    const check = (field: string, value: string | undefined, pool: Set<string>, what: string) => expect('innovations', inn.id, field, value, pool, what);
    check('source.document', inn.source.document, sources, 'source');
    inn.themes?.forEach((t, i) => check(`themes[${i}]`, t, themes, 'theme'));
    inn.nominators?.forEach((o, i) => check(`nominators[${i}]`, o, organisations, 'organisation'));
    inn.makers?.forEach((o, i) => check(`makers[${i}]`, o, organisations, 'organisation'));
    inn.partners?.forEach((p, i) => check(`partners[${i}].organisation`, p.organisation, organisations, 'organisation'));
    inn.contacts?.forEach((c, i) => check(`contacts[${i}].person`, c.person, people, 'person'));
    const adopters = new Set<string>();
    inn.spreading?.forEach((fact, i) => {
      check(`spreading[${i}].adopter`, fact.adopter, organisations, 'organisation');
      check(`spreading[${i}].from`, fact.from, organisations, 'organisation');
      check(`spreading[${i}].buildsOn`, fact.buildsOn, innovations, 'innovation');
      const at = where('innovations', inn.id);
      if (fact.buildsOn === inn.id) problems.push({ file: at.file, record: at.record, message: `spreading[${i}].buildsOn names the innovation itself` });
      const incoming = fact.direction === 'INCOMING';
      if (incoming && fact.adopter) {
        problems.push({ file: at.file, record: at.record, message: `spreading[${i}] is INCOMING (taken up from elsewhere), so it names no adopter; name the source in from, buildsOn or audience` });
      }
      if (!fact.adopter && !fact.buildsOn && !fact.audience && !(incoming && fact.from)) {
        problems.push({ file: at.file, record: at.record, message: `spreading[${i}] must name an adopter, a buildsOn innovation or an audience` });
      }
      if (fact.adopter && !fact.buildsOn && [...(inn.nominators ?? []), ...(inn.makers ?? [])].includes(fact.adopter)) {
        problems.push({ file: at.file, record: at.record, message: `spreading[${i}].adopter "${fact.adopter}" is the innovation's own nominator or maker; for what it took up from elsewhere use direction INCOMING, for spread inside it use audience` });
      }
      if (fact.adopter) {
        const key = `${fact.buildsOn ?? inn.id} <- ${fact.adopter}`;
        if (adopters.has(key)) {
          problems.push({ file: at.file, record: at.record, message: `spreading[${i}].adopter "${fact.adopter}" is named twice for the same innovation; give one fact per adopting organisation` });
        }
        adopters.add(key);
      }
    });
    if (inn.kind === 'REFERENCED' && (inn.makers ?? []).length === 0) {
      const at = where('innovations', inn.id);
      problems.push({ file: at.file, record: at.record, message: 'makers must name at least one organisation for a REFERENCED innovation' });
    }
    if (inn.kind !== 'REFERENCED' && (inn.nominators ?? []).length === 0 && (inn.makers ?? []).length === 0) {
      const at = where('innovations', inn.id);
      problems.push({ file: at.file, record: at.record, message: 'nominators or makers must name at least one organisation' });
    }
  }
}

function checkParentCycles(set: SeedSet, problems: SeedProblem[], where: (s: Section, id: string) => Located<Record<string, unknown>>): void {
  const parentOf = new Map(set.organisations.map((o) => [o.id, o.parent]));
  for (const org of set.organisations) {
    const seen = new Set([org.id]);
    for (let p = org.parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        const at = where('organisations', org.id);
        problems.push({ file: at.file, record: at.record, message: `parent chain loops back (${[...seen, p].join(' -> ')})` });
        break;
      }
      seen.add(p);
    }
  }
}
