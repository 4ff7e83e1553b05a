import { describe, expect, it } from 'vitest';
import type { InnovationNode } from '../../../src/graph/records.js';
import { scoreCandidates, SIMILARITY_THRESHOLD, SIMILARITY_WEIGHTS, type SimilaritySubject } from '../../../src/graph/similar-innovations.cypher.js';
import { countTerms } from '../../../src/graph/text-similarity.js';
import { innovationNode } from '../../support/nodes.js';

const innovation = (id: string, title: string, summary = ''): InnovationNode => innovationNode(id, { title, summary, year: 2021 });

const theme = (name: string, weight: number) => ({ name, nameEn: null, kind: 'THEME', weight });
const nothingShared = { themes: [], themeOverlap: 0, partners: [], partnerOverlap: 0 };

const fillers = ['cykelstier', 'skolemad', 'vejrdata', 'robotter', 'plejehjem', 'biblioteker', 'tandpleje', 'jobcentre', 'havne', 'sprogskoler'];
const stats = countTerms(['ensomme mænd', 'fællesskaber for unge', 'affald og genbrug', ...fillers]);
const subject: SimilaritySubject = { id: 'mandefaellesskaber', title: 'Ensomme mænd', targetGroup: null, summary: 'fællesskaber' };

describe('scoreCandidates', () => {
  it('weighs wording, themes and partners 0.6, 0.3 and 0.1, and sums to 1 at most', () => {
    expect(SIMILARITY_WEIGHTS.text + SIMILARITY_WEIGHTS.themes + SIMILARITY_WEIGHTS.partners).toBeCloseTo(1, 12);
    const [row] = scoreCandidates(subject, [{ innovation: innovation('twin', 'Ensomme mænd', 'fællesskaber'), facts: { ...nothingShared, themes: [theme('Ensomhed', 1)], themeOverlap: 1, partners: ['Ældre Sagen'], partnerOverlap: 1 } }], stats);
    expect(row!.score).toBeCloseTo(1, 12);
    expect(row!.facts.text).toBe(1);
  });

  it('keeps a theme overlap at the threshold and drops one below it', () => {
    expect(SIMILARITY_THRESHOLD).toBe(0.15);
    const rows = scoreCandidates(
      subject,
      [
        { innovation: innovation('at', 'Cykelstier'), facts: { ...nothingShared, themes: [theme('Ensomhed', 1)], themeOverlap: 0.5 } },
        { innovation: innovation('below', 'Skolemad'), facts: { ...nothingShared, themes: [theme('Ensomhed', 1)], themeOverlap: 0.4 } },
      ],
      stats,
    );
    expect(rows.map((r) => [r.innovation.id, r.score])).toEqual([['at', 0.3 * 0.5]]);
  });

  it('drops a partner overlap alone, which cannot reach the threshold', () => {
    expect(scoreCandidates(subject, [{ innovation: innovation('p', 'Robotter'), facts: { ...nothingShared, partners: ['KL'], partnerOverlap: 1 } }], stats)).toEqual([]);
  });

  it('judges a description on its wording alone', () => {
    const description = { ...subject, id: null };
    const rows = scoreCandidates(
      description,
      [
        { innovation: innovation('twin', 'Ensomme mænd', 'fællesskaber'), facts: nothingShared },
        { innovation: innovation('themed', 'Havne'), facts: { ...nothingShared, themes: [theme('Ensomhed', 1)], themeOverlap: 1 } },
      ],
      stats,
    );
    expect(rows.map((r) => [r.innovation.id, r.score])).toEqual([['twin', 1]]);
  });

  it('names the shared words as the subject writes them and the shared themes rarest first, without their weights', () => {
    const [row] = scoreCandidates(
      subject,
      [{ innovation: innovation('twin', 'Ensomme mænds fællesskaber'), facts: { ...nothingShared, themes: [theme('Sundhed', 0.2), theme('Ensomhed', 2)], themeOverlap: 0.5 } }],
      stats,
    );
    expect([...row!.facts.words].sort()).toEqual(['ensomme', 'fællesskaber', 'mænd']);
    expect(row!.facts.themes).toEqual([
      { name: 'Ensomhed', nameEn: null, kind: 'THEME' },
      { name: 'Sundhed', nameEn: null, kind: 'THEME' },
    ]);
  });

  it('orders the answers best first, then by title', () => {
    const facts = (overlap: number) => ({ ...nothingShared, themes: [theme('Ensomhed', 1)], themeOverlap: overlap });
    const rows = scoreCandidates(
      subject,
      [
        { innovation: innovation('b', 'Bravo'), facts: facts(0.6) },
        { innovation: innovation('c', 'Charlie'), facts: facts(0.9) },
        { innovation: innovation('a', 'Alfa'), facts: facts(0.6) },
      ],
      stats,
    );
    expect(rows.map((r) => r.innovation.id)).toEqual(['c', 'a', 'b']);
  });
});
