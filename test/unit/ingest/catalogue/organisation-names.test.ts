import { describe, expect, it } from 'vitest';
import { splitIntoKnown } from '../../../../src/ingest/catalogue/organisation-names.js';

const known = new Map([
  ['Styrelsen for Dataforsyning og Effektivisering', 'sdfe'],
  ['Miljøstyrelsen', 'miljoestyrelsen'],
  ['KL', 'kl'],
  ['Danske Regioner', 'danske-regioner'],
  ['Børne-, Uddannelses- og Arbejdsmarkedsforvaltningen', 'buaf'],
  ['Socialforvaltningen', 'socialforvaltningen'],
  ['Test og Udviklingscenter for Velfærdsteknologi', 'tuv'],
  ['Test', 'test'],
]);
const resolve = (name: string) => known.get(name);

describe('splitIntoKnown', () => {
  it('splits a list whose first name holds "og" itself into the four organisations it names', () => {
    expect(splitIntoKnown('Styrelsen for Dataforsyning og Effektivisering, Miljøstyrelsen, KL og Danske Regioner', resolve)).toEqual([
      'sdfe',
      'miljoestyrelsen',
      'kl',
      'danske-regioner',
    ]);
  });

  it('splits two names joined by "&" and keeps a name whose comma follows a hyphen whole', () => {
    expect(splitIntoKnown('Socialforvaltningen & Børne-, Uddannelses- og Arbejdsmarkedsforvaltningen', resolve)).toEqual([
      'socialforvaltningen',
      'buaf',
    ]);
  });

  it('takes the whole name over a split into shorter known names', () => {
    expect(splitIntoKnown('Test og Udviklingscenter for Velfærdsteknologi', resolve)).toEqual(['tuv']);
  });

  it('finds nothing when any part names no known organisation', () => {
    expect(splitIntoKnown('Miljøstyrelsen og Ukendt Forening', resolve)).toBeUndefined();
  });
});
