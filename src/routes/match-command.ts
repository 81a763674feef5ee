import aliases from '../i18n/command-aliases.json';

export type CommandName = keyof typeof aliases;

/** Lower case, no surrounding punctuation or repeated spaces: "  Hjelp! " → "hjelp". */
export function normalizeCommandText(text: string): string {
  // Every route's select asks about the same turn text in turn; remember the last one.
  if (text === last.text) return last.normalized;
  last = { text, normalized: normalize(text) };
  return last.normalized;
}

let last = { text: '', normalized: '' };

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s!.,:;/«»"']+|[\s!.,:;«»"']+$/g, '')
    .trim();
}

const byAlias = new Map<string, CommandName>();
for (const [command, words] of Object.entries(aliases) as [CommandName, string[]][]) {
  for (const word of words) byAlias.set(normalizeCommandText(word), command);
}

/** Commands work in every language, whatever language the user has chosen. */
export function matchCommand(text: string | undefined): CommandName | undefined {
  if (!text) return undefined;
  return byAlias.get(normalizeCommandText(text));
}
