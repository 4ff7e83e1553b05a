/**
 * The catalogue names organisations in free text: "Organisation, Unit", two organisations joined
 * by "og" or "&", or a list ("Styrelsen for Dataforsyning og Effektivisering, Miljøstyrelsen, KL og
 * Danske Regioner"). Since "og" also occurs inside names, a text is split into as few consecutive
 * parts as possible that each name a known organisation.
 */

const SEPARATOR = /(,\s*|\s+og\s+|\s+&\s+)/;

/**
 * Splits `text` into the fewest consecutive parts that `resolve` knows, and returns their ids in
 * order; undefined when no such split exists. A separator after a hyphen ("Børne-, Uddannelses- og
 * Arbejdsmarkedsforvaltningen") is part of one name and never splits.
 */
export function splitIntoKnown(text: string, resolve: (name: string) => string | undefined): string[] | undefined {
  const pieces = text.split(SEPARATOR);
  const tokens: string[] = [];
  const separators: string[] = [];
  for (let k = 0; k < pieces.length; k += 2) {
    const token = pieces[k] ?? '';
    const separatorBefore = pieces[k - 1];
    if (tokens.length > 0 && separatorBefore !== undefined && /-$/.test(tokens[tokens.length - 1] ?? '')) {
      tokens[tokens.length - 1] += separatorBefore + token;
    } else {
      if (separatorBefore !== undefined && tokens.length > 0) separators.push(separatorBefore);
      tokens.push(token);
    }
  }
  const join = (from: number, to: number) =>
    tokens.slice(from, to).reduce((text, token, k) => (k === 0 ? token : text + (separators[from + k - 1] ?? ' ') + token), '');

  // best[i]: the fewest known parts covering tokens[0, i), as their ids.
  const best: (string[] | undefined)[] = [[]];
  for (let to = 1; to <= tokens.length; to += 1) {
    for (let from = 0; from < to; from += 1) {
      const before = best[from];
      if (!before) continue;
      const id = resolve(join(from, to).trim());
      if (id && (!best[to] || before.length + 1 < best[to]!.length)) best[to] = [...before, id];
    }
  }
  return best[tokens.length];
}
