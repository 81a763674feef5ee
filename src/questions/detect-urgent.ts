import urgent from './lexicon/urgent-phrases.json';
import { foldedWords, foldLetters, splitWords, wordsAt } from './normalise-text';
import { memoiseWord } from './memoise-word';
import { createStem } from './stemmers';

/** Something that has already happened and needs steps now, not an explanation. */
export const URGENT_SITUATIONS = ['typed-password', 'clicked-link', 'lost-device', 'wrong-recipient'] as const;
export type UrgentSituation = (typeof URGENT_SITUATIONS)[number];

/** How far from the action an object may stand: "trykte på den rare lenka" or "mobilen min er stjålet". */
const OBJECT_AFTER = 6;
const OBJECT_BEFORE = 4;
const NEGATION_BEFORE = 2;
const NEGATION_AFTER = 1;
const PLACE_AFTER_OBJECT = 3;
/** Objects this long also match as the end of a compound: "svindellenka", "jobbmobilen". */
const MIN_COMPOUND_OBJECT = 4;

const stems = [createStem('norwegian'), createStem('english')];
const formsOf = memoiseWord((word: string): ReadonlySet<string> => new Set([word, ...stems.map((stem) => stem(word))]));

interface Rule {
  situation: UrgentSituation;
  /** The action phrases by their first word: a question's word is looked up, not compared with every phrase. */
  actions: ReadonlyMap<string, string[][]>;
  objects: ReadonlySet<string>[][];
  needsPlace: boolean;
}

/** Lexicon entries are split and folded exactly like the question. */
const words = foldedWords;
const NEGATIONS = new Set(urgent.negations.flatMap(words));
const RECEIVED = new Set(urgent.receivedMarkers.flatMap(words));
const PLACES = new Set(urgent.places.flatMap(words));
function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const phrase of phrases) map.set(phrase[0] ?? '', [...(map.get(phrase[0] ?? '') ?? []), phrase]);
  return map;
}
const RULES: Rule[] = urgent.situations.flatMap((entry) =>
  entry.rules.map((rule) => ({
    situation: entry.situation as UrgentSituation,
    actions: byFirstWord(rule.actions.map(words)),
    objects: rule.objects.map((object) => words(object).map(formsOf)),
    needsPlace: 'needsPlace' in rule && rule.needsPlace === true,
  })),
);

function wordMatches(word: string, object: ReadonlySet<string>): boolean {
  for (const form of formsOf(word)) {
    if (object.has(form)) return true;
    for (const target of object) if (target.length >= MIN_COMPOUND_OBJECT && form.endsWith(target)) return true;
  }
  return false;
}

const objectAt = (tokens: string[], start: number, object: ReadonlySet<string>[]) =>
  object.every((forms, offset) => start + offset < tokens.length && wordMatches(tokens[start + offset] ?? '', forms));

function matchesRule(tokens: string[], raw: string[], rule: Rule): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const action = rule.actions.get(tokens[i] ?? '')?.find((phrase) => wordsAt(tokens, i, phrase));
    if (!action) continue;
    const end = i + action.length;
    // "klikket aldri", "har aldri gitt passordet": negated; "glemte å låse": something else.
    const near = tokens.slice(Math.max(0, i - NEGATION_BEFORE), end + NEGATION_AFTER);
    if (near.some((token) => NEGATIONS.has(token)) || urgent.infinitiveMarkers.includes(raw[end] ?? '')) continue;
    // "IT ga meg nytt passord": it happened to the user, who did nothing risky.
    if (RECEIVED.has(tokens[end] ?? '')) continue;
    for (let j = Math.max(0, i - OBJECT_BEFORE); j < Math.min(tokens.length, end + OBJECT_AFTER); j++) {
      if (j >= i && j < end) continue;
      const object = rule.objects.find((candidate) => objectAt(tokens, j, candidate));
      if (!object) continue;
      const after = tokens.slice(j + object.length, j + object.length + PLACE_AFTER_OBJECT);
      if (!rule.needsPlace || after.some((token) => PLACES.has(token))) return true;
    }
  }
  return false;
}

/**
 * Tells whether a question says the user already clicked a link or opened an
 * attachment, typed a password somewhere, lost a device or sent information
 * to the wrong person. Past tense only: "before I click" asks for advice.
 */
export function detectUrgent(text: string): UrgentSituation | undefined {
  const raw = splitWords(text);
  const tokens = raw.map(foldLetters);
  return RULES.find((rule) => matchesRule(tokens, raw, rule))?.situation;
}
