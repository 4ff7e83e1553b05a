/**
 * Danish words that synthetic titles, summaries and names are built from, so that the Danish
 * full-text analyzer stems and ranks them as it does the real catalogue's text.
 */

export const TITLE_WORDS = [
  'digital', 'borger', 'velfærd', 'sundhed', 'ældrepleje', 'rehabilitering', 'videokonsultation', 'hjemmepleje',
  'affaldssortering', 'genbrug', 'klima', 'energi', 'skole', 'dagtilbud', 'læring', 'trivsel', 'beskæftigelse',
  'jobcenter', 'socialpsykiatri', 'demens', 'sygehus', 'akutmodtagelse', 'telemedicin', 'app', 'platform',
  'samarbejde', 'partnerskab', 'frivillig', 'fællesskab', 'mobilitet', 'transport', 'byudvikling', 'natur',
  'vand', 'forebyggelse', 'kost', 'motion', 'søvn', 'ensomhed', 'ungdom', 'familie', 'anbringelse', 'integration',
  'sprog', 'bibliotek', 'kultur', 'idræt', 'robot', 'sensor', 'data', 'kunstig', 'intelligens', 'automatisering',
  'selvbetjening', 'medarbejder', 'ledelse', 'rekruttering', 'indkøb', 'udbud', 'innovation', 'netværk', 'model',
  'metode', 'forløb', 'koordinering', 'pårørende', 'patient', 'medicin', 'hjemmebehandling', 'genoptræning',
  'dokumentation', 'journal', 'sikkerhed', 'kvalitet', 'effektivisering', 'nytænkning', 'laboratorium', 'test',
] as const;

export const SUMMARY_WORDS = [
  ...TITLE_WORDS,
  'kommunen', 'regionen', 'borgerne', 'medarbejderne', 'løsningen', 'projektet', 'indsatsen', 'erfaringer', 'udviklet',
  'sammen', 'med', 'for', 'og', 'i', 'til', 'af', 'på', 'har', 'giver', 'bedre', 'mindre', 'mere', 'hurtigere',
  'tid', 'ressourcer', 'kvaliteten', 'hverdagen', 'tilbud', 'hjælp', 'brugere', 'evaluering', 'resultater',
  'udbredt', 'flere', 'kommuner', 'nationalt', 'lokalt', 'tværfagligt', 'helhedsorienteret', 'tidligt', 'opsporing',
] as const;

export const TARGET_GROUPS = [
  'Ældre borgere', 'Børn og unge', 'Familier', 'Ledige', 'Patienter', 'Medarbejdere', 'Pårørende',
  'Virksomheder', 'Borgere med handicap', 'Studerende', 'Alle borgere',
] as const;

const SYLLABLES_A = ['hol', 'ny', 'ran', 'vej', 'fre', 'sil', 'her', 'kol', 'hor', 'skan', 'tøn', 'ros', 'sor', 'næst', 'ring', 'gul', 'lem', 'bro', 'has', 'od'] as const;
const SYLLABLES_B = ['bæk', 'borg', 'ders', 'le', 'de', 'ke', 'ning', 'sens', 'ding', 'der', 'kilde', 'ø', 'vig', 'sted', 'rup', 'lev', 'by', 'holm', 'strup', 'høj'] as const;

/** A place name from two syllables, e.g. "Holbæk"; 400 of them, reused with a number when needed. */
export function placeName(n: number): string {
  const a = SYLLABLES_A[n % SYLLABLES_A.length]!;
  const b = SYLLABLES_B[Math.floor(n / SYLLABLES_A.length) % SYLLABLES_B.length]!;
  const round = Math.floor(n / (SYLLABLES_A.length * SYLLABLES_B.length));
  const name = `${a[0]!.toUpperCase()}${a.slice(1)}${b}`;
  return round === 0 ? name : `${name} ${round + 1}`;
}

export const FIRST_NAMES = [
  'Anne', 'Mette', 'Hanne', 'Lone', 'Susanne', 'Pia', 'Tina', 'Maria', 'Camilla', 'Louise', 'Jens', 'Peter',
  'Lars', 'Søren', 'Henrik', 'Thomas', 'Morten', 'Jesper', 'Anders', 'Rasmus', 'Mads', 'Ida', 'Emma', 'Sofie',
] as const;

export const LAST_NAMES = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Dybdal',
] as const;

export const ROLES = ['Projektleder', 'Konsulent', 'Chef', 'Udviklingskonsulent', 'Innovationskonsulent', 'Afdelingsleder', 'Sygeplejerske', 'Teamleder'] as const;

export const UNIT_WORDS = ['Sundhed og Omsorg', 'Børn og Unge', 'Teknik og Miljø', 'Beskæftigelse', 'Kultur og Fritid', 'Digitalisering', 'Social og Handicap', 'Klinik'] as const;
