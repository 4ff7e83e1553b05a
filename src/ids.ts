/**
 * Readable, stable ids, by the rules the seed data follows (seeds/README.md): lower case; æ, ø, å
 * spelled ae, oe, aa; other accents dropped; every other run of characters one dash.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
