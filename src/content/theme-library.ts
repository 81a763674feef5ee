import type { Language } from './languages';
import type { LocalRules } from './local-rules-schema';
import { localizeTheme, type ThemeText } from './localize-theme';
import { THEME_IDS, type Theme, type ThemeId } from './theme-schema';

/** The campaign content, loaded once; texts per language are built on first use. */
export interface ThemeLibrary {
  themes: readonly Theme[];
  text(id: ThemeId, language: Language): ThemeText;
}

export function isThemeId(value: unknown): value is ThemeId {
  return typeof value === 'string' && (THEME_IDS as readonly string[]).includes(value);
}

/** A theme as people type it in a command: its number in the campaign (1–10) or its id. */
export function themeIdByNumberOrId(word: string): ThemeId | undefined {
  if (/^\d+$/.test(word)) return THEME_IDS[Number(word) - 1];
  return isThemeId(word) ? word : undefined;
}

export function createThemeLibrary(themes: Theme[], rules: LocalRules): ThemeLibrary {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const cache = new Map<string, ThemeText>();
  return {
    themes,
    text(id, language) {
      const key = `${id}/${language}`;
      let text = cache.get(key);
      if (!text) {
        const theme = byId.get(id);
        if (!theme) throw new RangeError(`Unknown theme ${id}`);
        text = localizeTheme(theme, language, rules);
        cache.set(key, text);
      }
      return text;
    },
  };
}
