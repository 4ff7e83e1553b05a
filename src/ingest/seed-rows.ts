import { emptySeedRows, type SeedRows } from '../graph/seed-writer.cypher.js';
import type { SeedSet, SourceRef } from './seed-format.js';

/** Human names of the prizes the catalogue records. */
const PRIZE_NAMES: Record<string, string> = {
  NYT_SAMMEN_BEDRE: 'NYT SAMMEN BEDRE-prisen',
  PUBLIKUMSPRISEN: 'Publikumsprisen',
  INNOVATIONSPRISERNE: 'Innovationspriserne (indstillet)',
};

/** `lsf2:117-300`: a short, checkable pointer to where a fact stands in a source document. */
export function sourceLocator(document: string, lines?: readonly [number, number]): string {
  return lines ? `${document}:${lines[0]}-${lines[1]}` : document;
}

function refs(sources: readonly SourceRef[] | undefined): string[] {
  return (sources ?? []).map((s) => sourceLocator(s.document, s.lines));
}

/** Turns a validated seed set into the flat rows the writer sends to Neo4j. */
export function toSeedRows(set: SeedSet, awardYear = 2021): SeedRows {
  const rows: SeedRows = {
    ...emptySeedRows(),
    regions: set.regions.map((r) => ({ id: r.id, name: r.name, nameEn: r.nameEn ?? null, country: r.country })),
    sources: set.sources.map((s) => ({ id: s.id, title: s.title, year: s.year ?? null, file: s.file ?? null, language: s.language ?? null, url: s.url ?? null, publisher: s.publisher ?? null })),
    prizes: [...new Set(set.innovations.flatMap((i) => (i.awards ?? []).map((a) => a.prize)))].map((id) => ({ id, name: PRIZE_NAMES[id] ?? id })),
    organisations: set.organisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      country: o.country ?? null,
      region: o.region ?? null,
      parent: o.parent ?? null,
      code: o.code ?? null,
      aliases: o.aliases ?? [],
      aliasText: (o.aliases ?? []).join(' | '),
      sourceRefs: refs(o.sources),
    })),
    themes: set.themes.map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn ?? null, kind: t.kind, summary: t.summary ?? null, owner: t.owner ?? null })),
    people: set.people.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role ?? null,
      email: p.email?.toLowerCase() ?? null,
      phone: p.phone ?? null,
      organisation: p.organisation ?? null,
      aliases: p.aliases ?? [],
      sourceRefs: refs(p.sources),
    })),
  };

  for (const inn of set.innovations) {
    const source = sourceLocator(inn.source.document, inn.source.lines);
    rows.innovations.push({
      id: inn.id,
      title: inn.title,
      summary: inn.summary,
      year: inn.year ?? null,
      targetGroup: inn.targetGroup ?? null,
      kind: inn.kind,
      sector: inn.sector ?? null,
      types: inn.types ?? [],
      coronaRelated: inn.coronaRelated ?? false,
      sourceDocument: inn.source.document,
      sourceSection: inn.source.section ?? null,
      sourceLines: inn.source.lines ? [...inn.source.lines] : null,
      sourcePage: inn.source.page ?? null,
    });
    for (const organisation of inn.nominators ?? []) rows.nominations.push({ innovation: inn.id, organisation, source });
    for (const organisation of inn.makers ?? []) rows.makers.push({ innovation: inn.id, organisation, source });
    for (const p of inn.partners ?? []) rows.partnerships.push({ innovation: inn.id, organisation: p.organisation, role: p.role ?? null, source });
    for (const c of inn.contacts ?? []) rows.contacts.push({ innovation: inn.id, person: c.person, purpose: c.purpose, source });
    for (const theme of inn.themes ?? []) rows.themeLinks.push({ innovation: inn.id, theme });
    for (const a of inn.awards ?? []) rows.awards.push({ innovation: inn.id, prize: a.prize, level: a.level, year: awardYear });
    (inn.effects ?? []).forEach((e, ordinal) => rows.effects.push({ innovation: inn.id, id: `${inn.id}#effect-${ordinal + 1}`, dimension: e.dimension, fact: e.fact, ordinal }));
    (inn.spreading ?? []).forEach((fact, index) => {
      const common = {
        innovation: inn.id,
        mode: fact.mode,
        status: fact.status,
        year: fact.year ?? null,
        evidence: fact.evidence,
        source: sourceLocator(inn.source.document, fact.lines ?? inn.source.lines),
        from: fact.from ?? null,
      };
      // With buildsOn, the fact tells how another innovation spread into this one: this one builds
      // on it, and the adopter (usually this one's own maker) took that other innovation up.
      if (fact.buildsOn) rows.lineage.push({ ...common, buildsOn: fact.buildsOn });
      if (fact.adopter) rows.adoptions.push({ ...common, innovation: fact.buildsOn ?? inn.id, adopter: fact.adopter });
      if (!fact.adopter && !fact.buildsOn) {
        rows.signals.push({
          ...common,
          id: `${inn.id}#signal-${index + 1}`,
          direction: fact.direction ?? 'OUTGOING',
          audience: fact.audience ?? null,
          expectedCount: fact.expectedCount ?? null,
        });
      }
    });
  }
  return rows;
}
