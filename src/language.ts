/**
 * The languages the API writes its own sentences in (reasons, explanations). Danish is the
 * default: the catalogue and most users are Danish.
 */
export type Language = 'DA' | 'EN';

/**
 * The caller's language from an Accept-Language header: the first of Danish or English in the
 * caller's order of preference (q-values honoured), Danish when neither is named.
 */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'DA';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { primary } of ranked) {
    if (primary === 'da' || primary === 'nb' || primary === 'no' || primary === 'nn') return 'DA';
    if (primary === 'en') return 'EN';
  }
  return 'DA';
}
