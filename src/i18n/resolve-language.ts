import type { Language } from '../content/languages';

/**
 * Maps a Teams client locale to one of our languages. Teams sends nb-NO for
 * bokmål and nn-NO for nynorsk; "no" is the old code for Norwegian (bokmål).
 */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  const tag = locale?.trim().toLowerCase().split(/[-_]/)[0];
  if (tag === 'nb' || tag === 'no') return 'nb';
  if (tag === 'nn') return 'nn';
  if (tag === 'en') return 'en';
  return undefined;
}

/** The user's choice wins, then the Teams locale, then the configured default. */
export function resolveLanguage(
  chosen: Language | undefined,
  locale: string | undefined,
  fallback: Language,
): Language {
  return chosen ?? languageFromLocale(locale) ?? fallback;
}
