import { describe, expect, it } from 'vitest';
import type { DraftInnovation } from '../../../../src/ingest/catalogue/draft-types.js';
import { draftSeeds, SUMMARY_PLACEHOLDER } from '../../../../src/ingest/catalogue/draft-seeds.js';
import { indexSeeds } from '../../../../src/ingest/catalogue/seed-index.js';
import { diffAgainstSeeds } from '../../../../src/ingest/catalogue/seed-diff.js';
import type { SeedSet } from '../../../../src/ingest/seed-format.js';

// A small made-up seed set: one municipality with a unit, one person, two catalogue entries.
const seeds: SeedSet = {
  regions: [{ id: 'nordjylland', name: 'Region Nordjylland', country: 'DK' }],
  sources: [{ id: 'lsf9', title: 'Prøvekatalog', file: 'edition.txt' }],
  themes: [],
  organisations: [
    { id: 'soebyhavn-kommune', name: 'Søbyhavn Kommune', kind: 'MUNICIPALITY', country: 'DK', region: 'nordjylland' },
    { id: 'soebyhavn-kommune-skole-og-fritid', name: 'Skole og Fritid', kind: 'UNIT', country: 'DK', region: 'nordjylland', parent: 'soebyhavn-kommune' },
  ],
  people: [{ id: 'mikkel-testrup', name: 'Mikkel Testrup', role: 'skolekonsulent', organisation: 'soebyhavn-kommune', email: 'mite@soebyhavn.example.dk' }],
  innovations: [
    {
      id: 'laanecykler',
      title: 'Lånecykler til skolevejen',
      kind: 'MAIN_CASE',
      sector: 'MUNICIPAL',
      summary: 'Skrevet med egne ord.',
      year: 2018,
      nominators: ['soebyhavn-kommune-skole-og-fritid'],
      contacts: [{ person: 'mikkel-testrup', purpose: 'REUSE' }],
      source: { document: 'lsf9', section: 'Kommunale indstillinger', lines: [10, 40] },
    },
    {
      id: 'madkasser',
      title: 'Madkasser fra lokale gårdbutikker',
      kind: 'MAIN_CASE',
      summary: 'Skrevet med egne ord.',
      nominators: ['soebyhavn-kommune'],
      source: { document: 'lsf9', lines: [41, 80] },
    },
  ],
};

const drafts: DraftInnovation[] = [
  {
    title: 'LÅNECYKLER TIL SKOLEVEJEN',
    kind: 'MAIN_CASE',
    nominator: 'Søbyhavn Kommune, Skole og Fritid',
    year: 2019,
    winner: false,
    contacts: [{ name: 'Mikkel Testrup', role: 'skolekonsulent', organisation: 'Søbyhavn Kommune', email: 'mite@soebyhavn.example.dk', phone: '+45 51 84 43 38' }],
    lines: [10, 40],
    section: 'Kommunale indstillinger',
  },
  {
    title: 'DIGITAL NØGLE TIL FÆLLESHUSET',
    kind: 'MAIN_CASE',
    nominator: 'Søbyhavn Kommune, Teknik og Miljø',
    winner: false,
    contacts: [],
    lines: [90, 120],
    section: 'Kommunale indstillinger',
  },
];

describe('draftSeeds', () => {
  const index = indexSeeds(seeds);
  const result = draftSeeds(drafts, index, { fileName: 'edition.txt' });
  const [cycles, key] = result.entries;

  it('keeps the id of a seed entry with the same title, ignoring the capitals', () => {
    expect(cycles?.id).toBe('laanecykler');
    expect(cycles?.matchedBy).toBe('title');
    expect(key?.id).toBe('digital-noegle-til-faelleshuset');
    expect(key?.matchedBy).toBe('new');
  });

  it('cites the registered source and writes the placeholder, never a summary', () => {
    expect(result.document).toBe('lsf9');
    expect(result.entries.map((e) => e.record.summary)).toEqual([SUMMARY_PLACEHOLDER, SUMMARY_PLACEHOLDER]);
  });

  it('resolves "Organisation, Unit" to the unit, and drafts a unit the seeds lack under its parent', () => {
    expect(cycles?.record.nominators).toEqual(['soebyhavn-kommune-skole-og-fritid']);
    expect(key?.record.nominators).toEqual(['soebyhavn-kommune-teknik-og-miljoe']);
    const organisations = result.files[0]?.data.organisations ?? [];
    expect(organisations).toEqual([
      expect.objectContaining({ id: 'soebyhavn-kommune-teknik-og-miljoe', kind: 'UNIT', parent: 'soebyhavn-kommune', region: 'nordjylland' }),
    ]);
    expect(result.notes.map((n) => n.message)).toContainEqual(expect.stringContaining('unit "Teknik og Miljø" of soebyhavn-kommune is not in the seeds'));
  });

  it('finds a contact by e-mail and gives the sector and award of the section', () => {
    expect(cycles?.record.contacts).toEqual([{ person: 'mikkel-testrup', purpose: 'REUSE' }]);
    expect(cycles?.record.sector).toBe('MUNICIPAL');
    expect(cycles?.record.awards).toEqual([{ prize: 'INNOVATIONSPRISERNE', level: 'SUBMITTED' }]);
  });
});

describe('diffAgainstSeeds', () => {
  const index = indexSeeds(seeds);
  const diff = diffAgainstSeeds(draftSeeds(drafts, index, { fileName: 'edition.txt' }), index);

  it('lists the new entry, the entry the edition no longer prints, and the changed fields', () => {
    expect(diff.added.map((a) => a.id)).toEqual(['digital-noegle-til-faelleshuset']);
    expect(diff.missing.map((m) => m.id)).toEqual(['madkasser']);
    expect(diff.changed).toEqual([
      {
        id: 'laanecykler',
        title: 'Lånecykler til skolevejen',
        changes: [
          { field: 'year', current: 2018, draft: 2019 },
          { field: 'awards', current: [], draft: ['INNOVATIONSPRISERNE SUBMITTED'] },
          { field: 'contact mikkel-testrup.phone', current: null, draft: '+45 51 84 43 38' },
        ],
      },
    ]);
    expect(diff.unchanged).toEqual([]);
  });
});
