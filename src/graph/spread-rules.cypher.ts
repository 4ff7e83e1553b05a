/**
 * What counts as spread, written once. COI: an innovation has spread when a solution made in one
 * place is taken into use in another, by copying it, adapting it or being inspired by it. So a
 * fact counts when its mode is COPY, ADAPT or INSPIRATION and its status is ADOPTED: a PLANNED,
 * TESTED or INTERESTED take-up has not (yet) happened, SHARED is a channel (handbook, course,
 * network) and INTEREST is not spread. The rule is the same for named adoptions (ADOPTED),
 * lineage (BUILDS_ON, where a missing mode reads as INSPIRATION) and unnamed signals
 * (SpreadSignal). The Cypher builders and the TypeScript predicate below are the two forms of it;
 * the listing filter, the researchers' statistics and the cascade metrics all use them.
 *
 * The Cypher is built from the constants here only (no caller value is spliced in), so it needs no
 * parameters and fits any query as it is.
 */

/** Modes that count as spread proper (COI); SHARED is a channel and INTEREST not yet spread. */
export const SPREAD_PROPER_MODES = ['COPY', 'ADAPT', 'INSPIRATION'] as const;

/** The one status at which a fact counts as spread: the adopter has taken the innovation into use. */
export const SPREAD_STATUS = 'ADOPTED';

/** The mode a lineage link (BUILDS_ON) is read as when none is stated: building on it is at least inspiration by it. */
export const LINEAGE_DEFAULT_MODE = 'INSPIRATION';

/** The mode of a channel of spread: it counts for active sharing, never as spread itself. */
export const CHANNEL_MODE = 'SHARED';

/**
 * Take-up that has not happened, from furthest to nearest: reported beside the spread measures,
 * never inside them. TESTED (a trial or pilot), PLANNED (decided or expected), INTERESTED (asked).
 */
export const UPTAKE_STATUSES = ['TESTED', 'PLANNED', 'INTERESTED'] as const;
export type UptakeStatus = (typeof UPTAKE_STATUSES)[number];

const SPREAD_PROPER: ReadonlySet<string> = new Set(SPREAD_PROPER_MODES);

/** True for a mode COI counts as spread: copy, adaptation, inspiration. */
const isSpreadProperMode = (mode: string): boolean => SPREAD_PROPER.has(mode);

/**
 * The rule in TypeScript: true when a fact of this mode and status counts as spread. Pass a
 * lineage link's mode already defaulted (`mode ?? LINEAGE_DEFAULT_MODE`).
 */
export const countsAsSpread = (mode: string, status: string | null): boolean => isSpreadProperMode(mode) && status === SPREAD_STATUS;

/**
 * Where a fact that does not count as spread stands as uptake: TESTED or PLANNED for copy,
 * adaptation or inspiration not (yet) in use; INTERESTED for interest (mode INTEREST or status
 * INTERESTED); null for spread itself, for sharing (a channel) and for a fact without a status.
 */
export function uptakeStatus(mode: string, status: string | null): UptakeStatus | null {
  if (mode === 'INTEREST' || status === 'INTERESTED') return 'INTERESTED';
  if (!isSpreadProperMode(mode)) return null;
  return status === 'TESTED' || status === 'PLANNED' ? status : null;
}

const VARIABLE = /^[a-z][A-Za-z0-9]*$/;
function variable(name: string): string {
  if (!VARIABLE.test(name)) throw new Error(`a Cypher variable must be a plain identifier such as "a" or "spreadFact", got ${JSON.stringify(name)}`);
  return name;
}

const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;
const PROPER_LIST = list(SPREAD_PROPER_MODES);

/**
 * A Cypher condition on the relationship or node bound to `fact` (an ADOPTED relationship or a
 * SpreadSignal node): true when it counts as spread.
 */
export function spreadFactCypher(fact: string): string {
  const v = variable(fact);
  return `(${v}.mode IN ${PROPER_LIST} AND ${v}.status = '${SPREAD_STATUS}')`;
}

/** The same condition on a BUILDS_ON relationship bound to `link`, whose mode may be missing. */
export function spreadLineageCypher(link: string): string {
  const v = variable(link);
  return `(coalesce(${v}.mode, '${LINEAGE_DEFAULT_MODE}') IN ${PROPER_LIST} AND ${v}.status = '${SPREAD_STATUS}')`;
}

/** A Cypher condition on `fact` (ADOPTED or SpreadSignal): it is sharing that took place, the channel `activelySharedShare` counts. */
export function channelFactCypher(fact: string): string {
  const v = variable(fact);
  return `(${v}.mode = '${CHANNEL_MODE}' AND ${v}.status = '${SPREAD_STATUS}')`;
}

/**
 * A Cypher condition on the innovation bound to `innovation`: true when it has spread, that is, a
 * named organisation adopted it, or another innovation builds on it, by the rule above. Unnamed
 * signals ("about 30 municipalities") are not counted here: they name no one reached.
 */
export function innovationSpreadCypher(innovation: string): string {
  const i = variable(innovation);
  return `(EXISTS { (${i})<-[spreadAdoption:ADOPTED]-(:Organisation) WHERE ${spreadFactCypher('spreadAdoption')} }
    OR EXISTS { (${i})<-[spreadLineage:BUILDS_ON]-(:Innovation) WHERE ${spreadLineageCypher('spreadLineage')} })`;
}

/**
 * A Cypher condition on `fact` (ADOPTED or SpreadSignal): it is take-up at `status` that has not
 * happened, as `uptakeStatus` sorts it (TESTED and PLANNED for copy, adaptation or inspiration;
 * INTERESTED for interest).
 */
export function uptakeFactCypher(fact: string, status: UptakeStatus): string {
  const v = variable(fact);
  return status === 'INTERESTED'
    ? `(${v}.mode = 'INTEREST' OR ${v}.status = 'INTERESTED')`
    : `(${v}.mode IN ${PROPER_LIST} AND ${v}.status = '${status}')`;
}
