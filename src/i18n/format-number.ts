import type { Language } from '../content/languages';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const numbers = new Map<Language, Intl.NumberFormat>();
const percents = new Map<Language, Intl.NumberFormat>();

function formatter(cache: Map<Language, Intl.NumberFormat>, language: Language, options: Intl.NumberFormatOptions) {
  let format = cache.get(language);
  if (!format) cache.set(language, (format = new Intl.NumberFormat(LOCALES[language], options)));
  return format;
}

/**
 * A number as readers of the language write it: «4 812» and «2,5» in
 * Norwegian (with a space that never breaks the line), "4,812" and "2.5" in English.
 */
export function formatNumber(value: number, language: Language): string {
  return formatter(numbers, language, { maximumFractionDigits: 1 }).format(value);
}

/** A size limit in megabytes, for "{maxMb} MB": «2,5» in Norwegian, "2.5" in English. */
export function formatMegabytes(bytes: number, language: Language): string {
  return formatNumber(bytes / 1_000_000, language);
}

/** A share (0.81) as a whole percentage: «81 %» in Norwegian, "81%" in English. */
export function formatPercent(share: number, language: Language): string {
  return formatter(percents, language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
