/** The records the catalogue reader produces (one draft per entry, for a person to review) and the notes drafting adds. */

export interface DraftContact {
  name: string;
  role?: string;
  organisation?: string;
  /** normalised '+45 xx xx xx xx' */
  phone?: string;
  /** lower case, no https:// */
  email?: string;
}

export interface DraftInnovation {
  title: string;
  kind: 'MAIN_CASE' | 'SMALL_INNOVATION' | 'WATCH_LIST' | 'PROCUREMENT_CASE';
  /** text after INDSTILLER, raw, trimmed (for procurement cases: HVEM and HVOR) */
  nominator?: string;
  targetGroup?: string;
  year?: number;
  winner: boolean;
  contacts: DraftContact[];
  /** 1-based first and last line of the entry */
  lines: [number, number];
  section: string;
}

export interface CatalogueReadResult {
  innovations: DraftInnovation[];
  warnings: string[];
}

type Kind = DraftInnovation['kind'];

/** Builds a draft without keys for the optional fields that were not found. */
export function draft(fields: {
  title: string;
  kind: Kind;
  nominator?: string | undefined;
  targetGroup?: string | undefined;
  year?: number | undefined;
  winner: boolean;
  contacts: DraftContact[];
  lines: [number, number];
  section: string;
}): DraftInnovation {
  const { nominator, targetGroup, year, ...rest } = fields;
  return {
    ...rest,
    ...(nominator ? { nominator } : {}),
    ...(targetGroup ? { targetGroup } : {}),
    ...(year !== undefined ? { year } : {}),
  };
}

/** Something the drafting could not place, with the catalogue line it concerns where known. */
export interface DraftNote {
  readonly line?: number;
  readonly entry?: string;
  readonly message: string;
}
