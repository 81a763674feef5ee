import type { ThemeId } from '../content/theme-schema';
import lexicon from './lexicon/asks.json';
import { foldLetters, splitWords } from './normalise-text';

/** How far after the lead word its verb may stand: «hvem skal jeg egentlig si fra til». */
const VERB_AFTER = 3;

interface Ask {
  theme: ThemeId;
  leads: ReadonlySet<string>;
  verbs: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

const folded = (words: readonly string[] = []) => new Set(words.map(foldLetters));
const ASKS: Ask[] = lexicon.asks.map((ask) => ({
  theme: ask.theme as ThemeId,
  leads: folded('leads' in ask ? ask.leads : []),
  verbs: folded('verbs' in ask ? ask.verbs : []),
  words: folded('words' in ask ? ask.words : []),
}));

function asks(tokens: readonly string[], ask: Ask): boolean {
  return tokens.some(
    (token, i) =>
      ask.words.has(token) ||
      (ask.leads.has(token) && tokens.slice(i + 1, i + 1 + VERB_AFTER).some((next) => ask.verbs.has(next))),
  );
}

/**
 * The themes a question's own ask points to, whatever it is about: «who do I
 * tell?» and «will I be told off?» are «Meld fra» questions, «where do I
 * save it?» a storage question.
 */
export function detectAsks(text: string): ReadonlySet<ThemeId> {
  const tokens = splitWords(text).map(foldLetters);
  return new Set(ASKS.filter((ask) => asks(tokens, ask)).map((ask) => ask.theme));
}
