import type { Catalogue } from '../i18n/catalogue';

/** The commands shown on the welcome and help cards, in the user's language. */
export function commandList(texts: Catalogue, allowOptOut: boolean): { word: string; description: string }[] {
  const pause = allowOptOut ? [texts.commands.pause] : [];
  return [
    texts.commands.help,
    texts.commands.language,
    texts.reports.command,
    ...pause,
    texts.engagement.command,
    texts.meetingKit.command,
  ];
}
