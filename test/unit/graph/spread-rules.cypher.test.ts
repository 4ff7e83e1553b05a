import { describe, expect, it } from 'vitest';
import { countsAsSpread, LINEAGE_DEFAULT_MODE, uptakeStatus } from '../../../src/graph/spread-rules.cypher.js';

const MODES = ['COPY', 'ADAPT', 'INSPIRATION', 'SHARED', 'INTEREST'];
const STATUSES = ['ADOPTED', 'TESTED', 'PLANNED', 'INTERESTED', null];

describe('countsAsSpread', () => {
  it('counts copy, adaptation and inspiration once adopted, and nothing else (COI)', () => {
    const counted = MODES.flatMap((mode) => STATUSES.filter((status) => countsAsSpread(mode, status)).map((status) => `${mode}/${status}`));
    expect(counted).toEqual(['COPY/ADOPTED', 'ADAPT/ADOPTED', 'INSPIRATION/ADOPTED']);
  });

  it('reads a lineage link without a mode as inspiration, which counts once adopted', () => {
    expect(LINEAGE_DEFAULT_MODE).toBe('INSPIRATION');
    expect(countsAsSpread(LINEAGE_DEFAULT_MODE, 'ADOPTED')).toBe(true);
  });
});

describe('uptakeStatus', () => {
  it('places every fact that is not spread, sharing or without a status as tested, planned or interested', () => {
    const table = Object.fromEntries(MODES.map((mode) => [mode, STATUSES.map((status) => uptakeStatus(mode, status))]));
    expect(table).toEqual({
      COPY: [null, 'TESTED', 'PLANNED', 'INTERESTED', null],
      ADAPT: [null, 'TESTED', 'PLANNED', 'INTERESTED', null],
      INSPIRATION: [null, 'TESTED', 'PLANNED', 'INTERESTED', null],
      SHARED: [null, null, null, 'INTERESTED', null],
      INTEREST: ['INTERESTED', 'INTERESTED', 'INTERESTED', 'INTERESTED', 'INTERESTED'],
    });
  });

  it('never calls a fact both spread and uptake', () => {
    for (const mode of MODES) for (const status of STATUSES) expect(countsAsSpread(mode, status) && uptakeStatus(mode, status) !== null, `${mode}/${status}`).toBe(false);
  });
});
