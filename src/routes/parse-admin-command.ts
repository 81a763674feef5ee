import { themeIdByNumberOrId } from '../content/theme-library';
import type { ThemeId } from '../content/theme-schema';
import { normalizeCommandText } from './match-command';

export type AdminCommand = { verb: 'preview' | 'send'; theme?: ThemeId };

/** The admin verbs in every language; the pulse commands use the same. */
export const ADMIN_VERBS: Record<string, AdminCommand['verb']> = {
  preview: 'preview',
  forhåndsvis: 'preview',
  førehandsvis: 'preview',
  send: 'send',
};

/** "send passwords", "forhåndsvis 3": theme by id or by its number in the campaign (1–10). */
export function parseAdminCommand(text: string | undefined): AdminCommand | undefined {
  // Every message passes through here; one word more than a command has is enough to tell it is none.
  const [verbWord, argument, ...rest] = normalizeCommandText(text ?? '').split(' ', 3);
  const verb = ADMIN_VERBS[verbWord ?? ''];
  if (!verb || argument === undefined || rest.length > 0) return undefined;
  return { verb, theme: themeIdByNumberOrId(argument) };
}
