import type { ThemeId } from '../content/theme-schema';
import lexicon from './lexicon/asks.json';
import { foldedWords as words, wordsAt } from './normalise-text';

/** How far after the lead word its phrase may start: "who should I tell", "hvem skal man si fra til". */
const PHRASE_AFTER = 3;

/** A theme the question asks for, and the themes it may take the answer from. */
export interface AskedTheme {
  theme: ThemeId;
  over: readonly ThemeId[];
}

interface Ask extends AskedTheme {
  leads: ReadonlySet<string>;
  phrases: readonly string[][];
}

const ASKS: Ask[] = (lexicon.asks as { theme: string; over: string[]; leads?: string[]; phrases: string[] }[]).map(
  (ask) => ({
    theme: ask.theme as ThemeId,
    over: ask.over as ThemeId[],
    leads: new Set((ask.leads ?? []).flatMap(words)),
    phrases: ask.phrases.map(words),
  }),
);

function asks(tokens: readonly string[], ask: Ask): boolean {
  const hasPhraseIn = (from: number, to: number) => {
    for (let i = from; i < Math.min(to, tokens.length); i++)
      if (ask.phrases.some((phrase) => wordsAt(tokens, i, phrase))) return true;
    return false;
  };
  if (ask.leads.size === 0) return hasPhraseIn(0, tokens.length);
  return tokens.some((token, i) => ask.leads.has(token) && hasPhraseIn(i + 1, i + 1 + PHRASE_AFTER));
}

/**
 * The themes a question's own ask points to, whatever it is about: «who do I
 * tell?» and «will I get in trouble?» after a link are «Meld fra» questions,
 * «where do I save the photos?» a storage question.
 */
export function detectAsks(text: string): AskedTheme[] {
  const tokens = words(text);
  return ASKS.filter((ask) => asks(tokens, ask)).map(({ theme, over }) => ({ theme, over }));
}
