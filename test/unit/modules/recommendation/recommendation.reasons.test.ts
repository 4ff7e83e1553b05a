import { describe, expect, it } from 'vitest';
import type { SimilarityFacts } from '../../../../src/graph/similar-innovations.cypher.js';
import type { ClosenessFacts, ContactCandidate, ContactLinkFacts } from '../../../../src/graph/who-to-call.cypher.js';
import { contactReason, similarityReasons } from '../../../../src/modules/recommendation/recommendation.reasons.js';

const noOverlap: SimilarityFacts = { themes: [], themeOverlap: 0, partners: [], partnerOverlap: 0, text: 0, words: [] };
const mentalHealth = { name: 'Psykiatri og mental sundhed', nameEn: 'Mental health', kind: 'THEME' };

describe('similarityReasons', () => {
  const facts: SimilarityFacts = { themes: [mentalHealth], themeOverlap: 0.5, partners: ['Gate 21'], partnerOverlap: 1, text: 0.5, words: ['ensomme', 'fællesskab'] };

  it('says in Danish what is shared, the overlap that weighs most first (0.6 x 0.5 wording, 0.3 x 0.5 themes, 0.1 x 1 partners)', () => {
    expect(similarityReasons(facts, 'DA')).toEqual(['Begge taler om ensomme og fællesskab', 'Begge handler om "Psykiatri og mental sundhed"', 'Har partneren Gate 21 til fælles']);
  });

  it('says it in English with the English theme names, or the Danish one where a theme has none', () => {
    expect(similarityReasons(facts, 'EN')).toEqual(['Both speak of ensomme and fællesskab', 'Both are about "Mental health"', 'Shares the partner Gate 21']);
    expect(similarityReasons({ ...noOverlap, themes: [{ ...mentalHealth, nameEn: null }], themeOverlap: 1 }, 'EN')).toEqual(['Both are about "Psykiatri og mental sundhed"']);
  });

  it('puts themes first when they outweigh the wording', () => {
    expect(similarityReasons({ ...facts, themeOverlap: 1, text: 0.2 }, 'EN')[0]).toBe('Both are about "Mental health"');
  });

  it('quotes theme names, which hold "and" themselves, and lists at most three themes or partners', () => {
    const themes = ['Telemedicine and remote care', 'Ageing', 'Loneliness', 'Housing'].map((name) => ({ name, nameEn: name, kind: 'THEME' }));
    expect(similarityReasons({ ...noOverlap, themes, themeOverlap: 1 }, 'EN')).toEqual(['Both are about "Telemedicine and remote care", "Ageing", "Loneliness" and 1 more']);
    expect(similarityReasons({ ...noOverlap, partners: ['A', 'B', 'C', 'D', 'E'], partnerOverlap: 1 }, 'DA')).toEqual(['Har partnerne A, B, C og 2 mere til fælles']);
    expect(similarityReasons({ ...noOverlap, partners: ['Region Hovedstaden', 'Gate 21'], partnerOverlap: 1 }, 'EN')).toEqual(['Shares the partners Region Hovedstaden and Gate 21']);
  });

  it('lists every shared word', () => {
    expect(similarityReasons({ ...noOverlap, words: ['a', 'b', 'c', 'd', 'e'], text: 1 }, 'EN')).toEqual(['Both speak of a, b, c, d and e']);
  });

  it('gives no reason where nothing is shared', () => {
    expect(similarityReasons(noOverlap, 'DA')).toEqual([]);
  });
});

function candidate(link: ContactLinkFacts, extra: Partial<ContactCandidate> = {}): ContactCandidate {
  return {
    person: { id: 'jens-bolwig', name: 'Jens Bolwig', role: null, email: 'jbol@aarhus.dk', phone: null, organisationId: 'aarhus-kommune', aliases: [] },
    organisation: null,
    organisationName: 'Aarhus Kommune',
    parentName: null,
    tier: 1,
    score: 1,
    link,
    closeness: null,
    ...extra,
  };
}

const reuse: ContactLinkFacts = { kind: 'CONTACT', purpose: 'REUSE' };

describe('contactReason', () => {
  it('names an own contact, the purpose and where the person works', () => {
    expect(contactReason(candidate(reuse), 'Min Video', 'EN')).toBe('Listed as the reuse contact for "Min Video" (Aarhus Kommune).');
    expect(contactReason(candidate(reuse), 'Min Video', 'DA')).toBe('Står som kontakt for genbrug af "Min Video" (Aarhus Kommune).');
    expect(contactReason(candidate({ kind: 'CONTACT', purpose: 'FOLLOW' }, { organisationName: null }), 'Min Video', 'EN')).toBe('Listed as the contact to follow "Min Video".');
  });

  it('names a unit under the organisation it belongs to', () => {
    const inUnit = candidate(reuse, { organisationName: 'Sundhed og Omsorg', parentName: 'Aarhus Kommune' });
    expect(contactReason(inUnit, 'Min Video', 'DA')).toBe('Står som kontakt for genbrug af "Min Video" (Aarhus Kommune › Sundhed og Omsorg).');
  });

  it('says how the adopter took the innovation up, by mode and status, with the year', () => {
    const adopter = (mode: string, status: string, year: number | null) => candidate({ kind: 'ADOPTER', organisation: 'Vejle Kommune', mode, status, year }, { organisationName: 'Vejle Kommune', tier: 2 });
    expect(contactReason(adopter('COPY', 'ADOPTED', 2019), 'Min Video', 'EN')).toBe('Named in the record of how Vejle Kommune copied "Min Video" in 2019.');
    expect(contactReason(adopter('ADAPT', 'PLANNED', 2024), 'Min Video', 'EN')).toBe('Named in the record of how Vejle Kommune plans to adapt "Min Video" (2024).');
    expect(contactReason(adopter('INSPIRATION', 'TESTED', null), 'Min Video', 'EN')).toBe('Named in the record of how Vejle Kommune tested "Min Video".');
    expect(contactReason(adopter('INTEREST', 'INTERESTED', 2022), 'Min Video', 'EN')).toBe('Named in the record of how Vejle Kommune is interested in "Min Video" (2022).');
    expect(contactReason(adopter('COPY', 'ADOPTED', 2019), 'Min Video', 'DA')).toBe('Nævnt i beskrivelsen af, hvordan Vejle Kommune kopierede "Min Video" i 2019.');
    expect(contactReason(adopter('INSPIRATION', 'ADOPTED', 2020), 'Min Video', 'DA')).toBe('Nævnt i beskrivelsen af, hvordan Vejle Kommune lod sig inspirere af "Min Video" i 2020.');
  });

  it('names the unit of an adopter as part of the organisation the adoption names', () => {
    const inUnit = candidate({ kind: 'ADOPTER', organisation: 'Vejle Kommune', mode: 'ADAPT', status: 'ADOPTED', year: 2021 }, { organisationName: 'Sundhedsplejen' });
    expect(contactReason(inUnit, 'Min Video', 'EN')).toBe('Named in the record of how Sundhedsplejen, part of Vejle Kommune adapted "Min Video" in 2021.');
  });

  it('names the innovation that builds on this one and how', () => {
    const lineage = (mode: string | null, status: string | null, year: number | null) =>
      candidate({ kind: 'BUILDS_ON', innovation: 'Fif for unge', purpose: 'REUSE', mode, status, year }, { organisationName: 'Vejle Kommune' });
    expect(contactReason(lineage('ADAPT', 'ADOPTED', 2020), 'Mandefællesskaber', 'EN')).toBe('Listed as the reuse contact for "Fif for unge" (Vejle Kommune), which adapted "Mandefællesskaber" in 2020.');
    expect(contactReason(lineage(null, null, null), 'Mandefællesskaber', 'EN')).toBe('Listed as the reuse contact for "Fif for unge" (Vejle Kommune), which builds on "Mandefællesskaber".');
    expect(contactReason(lineage('COPY', 'PLANNED', 2025), 'Mandefællesskaber', 'DA')).toBe(
      'Står som kontakt for genbrug af "Fif for unge" (Vejle Kommune), som planlægger at bygge videre på "Mandefællesskaber" (2025).',
    );
  });

  it('explains a contact of a similar innovation by the strongest shared overlap, lower-cased into the sentence', () => {
    const facts: SimilarityFacts = { ...noOverlap, themes: [mentalHealth], themeOverlap: 1 };
    const similar = candidate({ kind: 'SIMILAR', innovation: 'Fif for unge', purpose: 'REUSE', similarity: 0.4, facts }, { organisationName: null, tier: 3 });
    expect(contactReason(similar, 'Mandefællesskaber', 'EN')).toBe('Listed as the reuse contact for "Fif for unge", an innovation similar to "Mandefællesskaber": both are about "Mental health".');
    const bare = candidate({ kind: 'SIMILAR', innovation: 'Fif for unge', purpose: 'REUSE', similarity: 0.2, facts: noOverlap }, { organisationName: null });
    expect(contactReason(bare, 'Mandefællesskaber', 'EN')).toBe('Listed as the reuse contact for "Fif for unge", an innovation similar to "Mandefællesskaber".');
  });

  it('adds how close the person works to the asker, the closest relation only', () => {
    const near = (closeness: ClosenessFacts, lang: 'DA' | 'EN' = 'EN') => contactReason(candidate(reuse, { closeness }), 'Min Video', lang);
    const far = { family: false, sameRegion: false, sameKind: false, hops: null };
    expect(near({ ...far, family: true, sameRegion: true, hops: 0 })).toBe('Listed as the reuse contact for "Min Video" (Aarhus Kommune); works in your organisation.');
    expect(near({ ...far, family: true, hops: 1 })).toMatch(/; in the same organisation as you\.$/);
    expect(near({ ...far, sameRegion: true, sameKind: true, hops: 2 })).toMatch(/; same region as you\.$/);
    expect(near({ ...far, sameKind: true }, 'DA')).toMatch(/; samme slags organisation som din\.$/);
    expect(near({ ...far, hops: 3 })).toMatch(/; 3 steps from your organisation in the graph\.$/);
    expect(near(far)).toBe('Listed as the reuse contact for "Min Video" (Aarhus Kommune).');
  });
});
