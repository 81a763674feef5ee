import type { ThemeId } from '../content/theme-schema';
import type { AskedTheme } from './detect-asks';
import type { FaqScore } from './score-faqs';

/** Themes within this share of the best score count as a tie, broken by what the user received last. */
const CLOSE_SHARE = 0.9;
/** A theme whose topic words the question uses may be a little further behind and still count as close. */
const NAMED_CLOSE_SHARE = 0.85;
const MAX_RELATED = 3;
/**
 * Another theme scoring at least this share of the answer's own sits between
 * two themes with it («I clicked the link and typed my password»: logging in
 * via links, or «Meld fra»?). Its closest entry is then offered too.
 */
const NEIGHBOUR_SHARE = 0.8;
/**
 * From this share of one of an entry's own question variants covered, the
 * question is that entry's question even without a topic word: "will I get
 * told off if I made a mistake?" is how the «Meld fra» theme asks it.
 */
export const ASKED_AS_WRITTEN = 0.9;
const MAX_TOPICS = 3;
/**
 * A theme the question's own ask points to («who do I tell?») answers, over the
 * theme it is mixed up with, when it ranks at least this share of the best: the
 * ask says what the person wants to know, the topic words only what it is about.
 */
const ASKED_SHARE = 0.7;
/** From this share of the question covered, an entry answers it. */
export const ANSWER_THRESHOLD = 0.5;

/** The best entry of each theme, best theme first. */
export function bestPerTheme(ranked: readonly FaqScore[]): FaqScore[] {
  const seen = new Set<ThemeId>();
  return ranked.filter((faq) => !seen.has(faq.theme) && seen.add(faq.theme));
}

/** Each theme's best entry within a tie of the best theme's, when two or more themes are that close; else none. */
function tiedEntries(themes: readonly FaqScore[]): FaqScore[] {
  const top = themes[0];
  const close = top ? themes.filter((faq) => faq.rank >= top.rank * CLOSE_SHARE) : [];
  return close.length > 1 ? close : [];
}

/** The themes that tie for the best answer, best first: the user's history decides between them. */
export const tiedThemes = (ranked: readonly FaqScore[]): ThemeId[] =>
  tiedEntries(bestPerTheme(ranked)).map((faq) => faq.theme);

/**
 * The entry to answer from: the best one, unless themes tie and the user
 * received one of them, then the one received last (within a tie this comes
 * first; outside one, what the user received plays no part). Unless the best entry was
 * asked as written, then: the theme the question asks for, over the theme it
 * is mixed up with ("who do I tell?" after a phishing link: «Meld fra»);
 * failing that, when the question names the topic words of exactly one nearly
 * as close theme and not of the best ("must I lock my PC to fetch a coffee?":
 * locking, not the home office), that theme.
 */
export function chooseFaq(
  ranked: readonly FaqScore[],
  preferred: readonly ThemeId[] = [],
  named: ReadonlySet<ThemeId> = new Set(),
  asked: readonly AskedTheme[] = [],
): FaqScore | undefined {
  const themes = bestPerTheme(ranked);
  const top = themes[0];
  if (!top) return undefined;
  const close = tiedEntries(themes);
  for (const id of preferred) {
    const match = close.find((faq) => faq.theme === id);
    if (match) return match;
  }
  if (top.variantCovered >= ASKED_AS_WRITTEN) return top;
  // Only over the theme it is easily mixed up with, and only an entry that can answer: a «not sure»
  // reply is no better an answer to «who do I tell?».
  const ask = asked.find((candidate) => candidate.over.includes(top.theme));
  const askedClose = themes.find(
    (faq) => faq.theme === ask?.theme && faq.rank >= top.rank * ASKED_SHARE && faq.score >= ANSWER_THRESHOLD,
  );
  if (askedClose) return askedClose;
  if (named.has(top.theme)) return top;
  const namedClose = themes.filter((faq) => named.has(faq.theme) && faq.rank >= top.rank * NAMED_CLOSE_SHARE);
  return namedClose.length === 1 ? (namedClose[0] ?? top) : top;
}

/** Other entries of the same theme, closest to the question first, then in the theme's own order. */
export function relatedFaqIds(ranked: readonly FaqScore[], chosen: FaqScore, themeFaqIds: readonly string[]): string[] {
  const byScore = ranked.filter((faq) => faq.theme === chosen.theme && faq.key !== chosen.key).map((faq) => faq.faqId);
  return [...new Set([...byScore, ...themeFaqIds])].filter((id) => id !== chosen.faqId).slice(0, MAX_RELATED);
}

/**
 * The closest entry of the best other theme, when that theme scores nearly as
 * well as the chosen entry's: the question may be as much about that theme,
 * so the answer card offers it one press away.
 */
export function neighbourFaq(ranked: readonly FaqScore[], chosen: FaqScore): FaqScore | undefined {
  const other = ranked.find((faq) => faq.theme !== chosen.theme);
  return other && chosen.rank > 0 && other.rank >= chosen.rank * NEIGHBOUR_SHARE ? other : undefined;
}

export function closestThemes(ranked: readonly FaqScore[]): ThemeId[] {
  return bestPerTheme(ranked)
    .slice(0, MAX_TOPICS)
    .map((faq) => faq.theme);
}
