import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, type DraftInnovation } from '../../src/ingest/catalogue-reader.js';
import { describeWithSharedSeed } from '../support/shared-seeds.js';

const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/catalogue');
const curatedCatalogueDir = path.resolve(import.meta.dirname, '../../seeds/catalogue');

function fixture(name: string): string {
  return readFileSync(path.join(fixtureDir, name), 'utf8');
}

/** The 1-based number of the first line of `text` that contains `snippet`. */
function lineOf(text: string, snippet: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(snippet));
  if (index < 0) throw new Error(`fixture has no line with "${snippet}"`);
  return index + 1;
}

function byTitle(innovations: DraftInnovation[], title: string): DraftInnovation {
  const found = innovations.find((innovation) => innovation.title === title);
  if (!found) throw new Error(`no entry titled "${title}" among: ${innovations.map((i) => i.title).join(' | ')}`);
  return found;
}

describe('readCatalogue on main cases', () => {
  const text = fixture('main-cases.txt');
  const { innovations, warnings } = readCatalogue(text);

  it('finds every entry that has an INDSTILLER line, and nothing else', () => {
    expect(innovations.map((i) => [i.kind, i.title])).toEqual([
      ['MAIN_CASE', 'LÅNECYKLER TIL SKOLEVEJEN'],
      ['MAIN_CASE', 'DIGITAL NØGLE TIL FÆLLESHUSET'],
      ['MAIN_CASE', 'MADKASSER FRA LOKALE GÅRDBUTIKKER'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the title, nominator, target group and year of a case', () => {
    const bikes = byTitle(innovations, 'LÅNECYKLER TIL SKOLEVEJEN');
    expect(bikes.nominator).toBe('Søbyhavn Kommune, Skole og Fritid');
    expect(bikes.targetGroup).toBe('Elever i 4.-6. klasse med lang skolevej og deres forældre');
    expect(bikes.year).toBe(2018);
  });

  it('joins a nominator that wraps onto a second line', () => {
    expect(byTitle(innovations, 'MADKASSER FRA LOKALE GÅRDBUTIKKER').nominator).toBe(
      'Åbjerg Kommune, Center for Sundhed og Pleje',
    );
  });

  it('marks the case printed with VINDER as the winner and no other', () => {
    expect(innovations.filter((i) => i.winner).map((i) => i.title)).toEqual(['LÅNECYKLER TIL SKOLEVEJEN']);
  });

  it('reads two contacts with name, role, organisation, phone and e-mail', () => {
    expect(byTitle(innovations, 'LÅNECYKLER TIL SKOLEVEJEN').contacts).toEqual([
      {
        name: 'Mikkel Testrup',
        role: 'skolekonsulent',
        organisation: 'Søbyhavn Kommune',
        phone: '+45 51 84 43 38',
        email: 'mite@soebyhavn.example.dk',
      },
      {
        name: 'Lærke Prøvesen',
        role: 'cykelmekaniker og projektleder',
        organisation: 'Søbyhavn Kommune, Skole og Fritid',
        phone: '+45 40 11 22 33',
        email: 'laerke.proevesen@soebyhavn.example.dk',
      },
    ]);
  });

  it('drops a spurious https:// before an e-mail and lower-cases it', () => {
    const [first] = byTitle(innovations, 'LÅNECYKLER TIL SKOLEVEJEN').contacts;
    expect(first?.email).toBe('mite@soebyhavn.example.dk');
  });

  it('normalises a phone number printed as 5184 4338 and one printed with +45', () => {
    expect(byTitle(innovations, 'LÅNECYKLER TIL SKOLEVEJEN').contacts[0]?.phone).toBe('+45 51 84 43 38');
    expect(byTitle(innovations, 'MADKASSER FRA LOKALE GÅRDBUTIKKER').contacts[0]?.phone).toBe('+45 71 72 73 74');
  });

  it('starts an entry at the pull quote above its title and ends it with its contacts', () => {
    expect(byTitle(innovations, 'LÅNECYKLER TIL SKOLEVEJEN').lines).toEqual([
      lineOf(text, 'Vi regnede med'),
      lineOf(text, 'Laerke.Proevesen@'),
    ]);
  });

  it('keeps a column printed after the contacts inside its entry', () => {
    expect(byTitle(innovations, 'DIGITAL NØGLE TIL FÆLLESHUSET').lines).toEqual([
      lineOf(text, 'DIGITAL NØGLE TIL'),
      lineOf(text, 'måned og sammenligner med året før'),
    ]);
  });

  it('names the section from the layout on the opening pages and from the headings after them', () => {
    expect(innovations.map((i) => i.section)).toEqual([
      'NYT SAMMEN BEDRE jury-finalister',
      'Publikumsprisen, nominerede',
      'Kommunale indstillinger',
    ]);
  });
});

describe('readCatalogue on small innovations', () => {
  const text = fixture('small-innovations.txt');
  const { innovations, warnings } = readCatalogue(text);

  it('finds the entries of the INNOVATIVER section by their capital titles', () => {
    expect(innovations.map((i) => [i.kind, i.title])).toEqual([
      ['SMALL_INNOVATION', 'TELEFONKÆDE FOR ENSOMME ÆLDRE'],
      ['SMALL_INNOVATION', 'REGNVAND TIL PLANTEKASSERNE'],
      ['SMALL_INNOVATION', 'STÅMØDER VED KAFFEMASKINEN'],
    ]);
    expect(innovations.every((i) => i.section === 'Innovativer')).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('gives the contacts printed together after the second entry to the first and second in order', () => {
    expect(byTitle(innovations, 'TELEFONKÆDE FOR ENSOMME ÆLDRE').contacts).toEqual([
      {
        name: 'Bodil Opdigtet',
        role: 'frivilligkoordinator',
        organisation: 'Lilleå Kommune',
        phone: '+45 31 41 59 26',
        email: 'bodil@lillea.example.dk',
      },
    ]);
    expect(byTitle(innovations, 'REGNVAND TIL PLANTEKASSERNE').contacts).toEqual([
      {
        name: 'Carsten Påfund',
        role: 'pædagog',
        organisation: 'Børnehaven Mælkebøtten',
        phone: '+45 27 18 28 18',
        email: 'carsten@maelkeboetten.example.dk',
      },
    ]);
  });

  it('does not give an entry the e-mail of another entry repeated as a stray link', () => {
    expect(byTitle(innovations, 'STÅMØDER VED KAFFEMASKINEN').contacts).toEqual([
      { name: 'Dorthe Digtning', role: 'teamleder', organisation: 'Sydvig Sygehus', email: 'dorthe.digtning@sydvig.example.dk' },
    ]);
  });

  it('warns when a grouped contact belongs by its organisation to another entry of the group', () => {
    const swapped = [
      'INNOVATIVER',
      'SUPPE PÅ TORSDAGE',
      'Kantinen i Vestby Rådhus koger suppe af dagens rester.',
      'BYTTEREOL FOR LEGETØJ',
      'Familierne i Nordby Bibliotek bytter legetøj på en reol.',
      'GENBRUG',
      'Hvis du vil genbruge løsningen, så kontakt:',
      'Ole Opfundet, bibliotekar, Nordby Bibliotek',
      '  22 33 44 55 ole@nordby.example.dk',
      'GENBRUG',
      'Hvis du vil genbruge løsningen, så kontakt:',
      'Pia Påhit, kantineleder, Vestby Rådhus',
      '  66 77 88 99 pia@vestby.example.dk',
    ].join('\n');
    const result = readCatalogue(swapped);
    expect(result.innovations.map((i) => i.contacts[0]?.email)).toEqual(['ole@nordby.example.dk', 'pia@vestby.example.dk']);
    expect(result.warnings.join('\n')).toMatch(/Ole Opfundet .*BYTTEREOL FOR LEGETØJ/);
  });
});

describe('readCatalogue on the watch list', () => {
  const text = fixture('watch-list.txt');
  const { innovations, warnings } = readCatalogue(text);

  it('finds the entries of the HOLD ØJE MED section with the people to follow them', () => {
    expect(innovations.map((i) => [i.kind, i.title, i.section])).toEqual([
      ['WATCH_LIST', 'GRØNNE TAGE PÅ BUSSKURENE', 'Hold øje med ...'],
      ['WATCH_LIST', 'LYDBØGER PÅ VENTEVÆRELSET', 'Hold øje med ...'],
    ]);
    expect(byTitle(innovations, 'GRØNNE TAGE PÅ BUSSKURENE').contacts).toEqual([
      {
        name: 'Frederik Tænkt',
        role: 'landskabsarkitekt',
        organisation: 'Storeby Kommune',
        phone: '+45 61 62 63 64',
        email: 'frederik@storeby.example.dk',
      },
    ]);
  });

  it('leaves out a phone number that lost a digit and says so in the warnings', () => {
    const [gitte] = byTitle(innovations, 'LYDBØGER PÅ VENTEVÆRELSET').contacts;
    expect(gitte).toEqual({
      name: 'Gitte Grundig',
      role: 'bibliotekar',
      organisation: 'Storeby Bibliotek',
      email: 'gitte@storeby.example.dk',
    });
    expect(warnings).toEqual([expect.stringContaining('Gitte Grundig')]);
  });
});

describe('readCatalogue on procurement cases', () => {
  const text = fixture('procurement.txt');
  const { innovations, warnings } = readCatalogue(text);

  it('finds a COI-INDSIGTER entry by its HVEM line and reads its buyer and contacts', () => {
    expect(innovations).toEqual([
      {
        title: 'FÆLLES INDKØB AF ELCYKLER TIL HJEMMEPLEJEN',
        kind: 'PROCUREMENT_CASE',
        nominator: 'Nordmark Kommune, Sundhed og Omsorg',
        winner: false,
        contacts: [
          {
            name: 'Hanne Hypotese',
            role: 'indkøbskonsulent',
            organisation: 'Nordmark Kommune',
            phone: '+45 88 77 66 55',
            email: 'hanne@nordmark.example.dk',
          },
          {
            name: 'Ivan Imaginær',
            role: 'direktør',
            organisation: 'Cykelværket ApS',
            phone: '+45 12 34 56 78',
            email: 'ivan@cykelvaerket.example.dk',
          },
        ],
        lines: [lineOf(text, 'FÆLLES INDKØB AF'), lineOf(text, 'mailto:hanne@')],
        section: 'COI-indsigter: Innovative offentlige indkøb',
      },
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('readCatalogue on odd input', () => {
  it('returns nothing for text without entries', () => {
    expect(readCatalogue('')).toEqual({ innovations: [], warnings: [] });
  });

  it('reports an entry without contacts instead of throwing', () => {
    const { innovations, warnings } = readCatalogue(
      ['TÆNKT PROJEKT', '', 'INDSTILLER: Prøveby Kommune', 'MÅLGRUPPE: Alle', 'ÅRSTAL: 2021'].join('\n'),
    );
    expect(innovations).toHaveLength(1);
    expect(innovations[0]?.contacts).toEqual([]);
    expect(warnings.join('\n')).toMatch(/no GENBRUG block for "TÆNKT PROJEKT"/);
  });
});

describeWithSharedSeed('004_f855d06ff6616d57.txt', 'readCatalogue on the real catalogue text', (catalogueFile) => {
  let innovations: DraftInnovation[] = [];
  let warnings: string[] = [];
  beforeAll(() => {
    ({ innovations, warnings } = readCatalogue(readFileSync(catalogueFile, 'utf8')));
  });
  const ofKind = (kind: DraftInnovation['kind']) => innovations.filter((i) => i.kind === kind);
  const withContact = (name: string) => innovations.filter((i) => i.contacts.some((c) => c.name === name));

  it('finds all 77 entries: 57 main cases, 8 small innovations, 9 watch-list and 3 procurement cases', () => {
    expect(innovations).toHaveLength(77);
    expect(ofKind('MAIN_CASE')).toHaveLength(57);
    expect(ofKind('SMALL_INNOVATION')).toHaveLength(8);
    expect(ofKind('WATCH_LIST')).toHaveLength(9);
    expect(ofKind('PROCUREMENT_CASE')).toHaveLength(3);
  });

  it('gives every entry at least one contact with an e-mail', () => {
    const without = innovations.filter((i) => !i.contacts.some((c) => c.email)).map((i) => i.title);
    expect(without).toEqual([]);
  });

  it('gives every main case a title, a nominator and a year', () => {
    const incomplete = ofKind('MAIN_CASE').filter((i) => !i.title || !i.nominator || !i.year);
    expect(incomplete.map((i) => i.lines)).toEqual([]);
  });

  it('reads the case whose contact is Jens Bolwig', () => {
    const [minVideo, ...others] = withContact('Jens Bolwig');
    expect(others).toEqual([]);
    expect(minVideo?.nominator).toMatch(/^Aarhus Kommune/);
    expect(minVideo?.year).toBe(2017);
    expect(minVideo?.contacts).toEqual([
      { name: 'Jens Bolwig', role: 'it-konsulent', organisation: 'Aarhus Kommune', phone: '+45 29 20 84 25', email: 'jbol@aarhus.dk' },
    ]);
  });

  it('marks BEDRE SØVN UDEN MEDICIN as the winner', () => {
    expect(innovations.filter((i) => i.winner).map((i) => i.title)).toEqual(['BEDRE SØVN UDEN MEDICIN']);
  });

  it('normalises the phone number printed as 5184 4338', () => {
    const contact = innovations.flatMap((i) => i.contacts).find((c) => c.name === 'Marianne Becker Andersen');
    expect(contact?.phone).toBe('+45 51 84 43 38');
  });

  it('gives the two small innovations printed before their contacts one contact each, in order', () => {
    expect(byTitle(innovations, 'BORGERSERVICE PÅ SIKKER AFSTAND').contacts.map((c) => c.email)).toEqual([
      'slan@haderslev.dk',
    ]);
    expect(byTitle(innovations, 'VIDEOHILSENER TIL BØRN GIVER OMSORG').contacts.map((c) => c.email)).toEqual([
      'pia.oddershede@koege.dk',
    ]);
  });

  it('keeps stray https:// links of other entries out of an entry', () => {
    expect(withContact('Martin Paldrup Rojen').flatMap((i) => i.contacts.map((c) => c.email))).toEqual([
      'martin.paldrup.rojen@regionh.dk',
    ]);
  });

  it('warns about the phone number that lost a digit and little else', () => {
    expect(warnings).toContainEqual(expect.stringContaining('Helle Knudsen'));
    expect(warnings.length).toBeLessThanOrEqual(5);
  });

  it('finds at least 95% of the main-case contact e-mails that the curated seed files hold', () => {
    const people = new Map<string, string>();
    const contactIds = new Set<string>();
    for (const file of readdirSync(curatedCatalogueDir).filter((name) => name.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(path.join(curatedCatalogueDir, file), 'utf8')) as {
        people?: { id: string; email?: string }[];
        innovations?: { kind: string; contacts?: { person: string }[] }[];
      };
      for (const person of data.people ?? []) if (person.email) people.set(person.id, person.email.toLowerCase());
      for (const innovation of data.innovations ?? []) {
        if (innovation.kind !== 'MAIN_CASE') continue;
        for (const contact of innovation.contacts ?? []) contactIds.add(contact.person);
      }
    }
    const curated = new Set([...contactIds].flatMap((id) => people.get(id) ?? []));
    const found = new Set(ofKind('MAIN_CASE').flatMap((i) => i.contacts.flatMap((c) => c.email ?? [])));
    const missing = [...curated].filter((email) => !found.has(email)).sort();
    const extra = [...found].filter((email) => !curated.has(email)).sort();
    const union = new Set([...curated, ...found]);
    const agreement = (union.size - missing.length - extra.length) / union.size;
    expect(
      agreement,
      `curated e-mails the reader missed: ${missing.join(', ') || 'none'}; ` +
        `e-mails the reader found that are not curated: ${extra.join(', ') || 'none'}`,
    ).toBeGreaterThanOrEqual(0.95);
  });
});
