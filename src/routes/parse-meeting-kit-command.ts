import { themeIdByNumberOrId } from '../content/theme-library';
import type { Theme, ThemeId } from '../content/theme-schema';
import aliases from '../i18n/command-aliases.json';
import { normalizeCommandText } from './match-command';

/** What the leader asked for: a theme when one was named and found; the words they used, if any. */
export interface MeetingKitRequest {
  theme?: ThemeId;
  argument?: string;
}

// Longest first, so "meeting kit" is not read as "meeting" plus an argument.
const WORDS = aliases.meetingKit.map(normalizeCommandText).sort((a, b) => b.length - a.length);

/** A theme by its number in the campaign (1–10), its id, or its title in any language. */
function themeNamed(argument: string, themes: readonly Theme[]): ThemeId | undefined {
  return (
    themeIdByNumberOrId(argument) ??
    themes.find((theme) => Object.values(theme.title).some((title) => normalizeCommandText(title) === argument))?.id
  );
}

/** "møteopplegg", "møteopplegg 3", "meeting kit passwords", "møteopplegg sterke passord". */
export function parseMeetingKitCommand(
  text: string | undefined,
  themes: readonly Theme[],
): MeetingKitRequest | undefined {
  const normalized = normalizeCommandText(text ?? '');
  // The word must end where a word ends: «møteopplegg: 3» yes, «møteoppleggene» no.
  const word = WORDS.find((w) => normalized.startsWith(w) && /^(?:$|[\s:,–-])/.test(normalized.slice(w.length)));
  if (word === undefined) return undefined;
  const argument = normalized
    .slice(word.length)
    .replace(/^[\s:,–-]+/, '')
    .trim();
  return argument ? { argument, theme: themeNamed(argument, themes) } : {};
}
