import type { Catalogue } from '../i18n/catalogue';

/** The commands shown on the welcome and help cards, in the user's language. */
export function commandList(texts: Catalogue): { word: string; description: string }[] {
  return [texts.commands.help, texts.commands.language, texts.reports.command];
}
