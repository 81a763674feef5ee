import type { Language } from '../content/languages';
import markers from './lexicon/language-markers.json';
import { splitWords } from './normalise-text';

const markerSet = (words: string[]) => new Set(words.flatMap(splitWords));
const NN = markerSet(markers.nn);
const NB = markerSet(markers.nb);
const NORWEGIAN = markerSet(markers.norwegian);
const EN = markerSet(markers.en);

/** What the words of a text say about its language; "norwegian" when it is Norwegian but could be either standard. */
export type DetectedLanguage = Language | 'norwegian' | undefined;

/**
 * Decides nb, nn or en from marker words: nynorsk (kva, korleis, berre …),
 * bokmål (hva, hvordan, bare …) and English function words. Letters æ, ø
 * and å count as Norwegian. Too few or evenly split markers: undefined.
 */
export function detectLanguage(text: string): DetectedLanguage {
  // Split as the marker lists are: "pc-en" is one word, not "pc" and the bokmål marker "en",
  // and "don't" meets the marker "don't".
  const words = splitWords(text);
  let nn = 0;
  let nb = 0;
  let en = 0;
  let norwegian = /[æøå]/.test(text.toLowerCase()) ? 1 : 0;
  for (const word of words) {
    if (NN.has(word)) nn += 1;
    if (NB.has(word)) nb += 1;
    if (NORWEGIAN.has(word)) norwegian += 1;
    if (EN.has(word)) en += 1;
  }
  norwegian += nn + nb;
  if (en > norwegian) return 'en';
  if (norwegian > en) return nn > nb ? 'nn' : nb > nn ? 'nb' : 'norwegian';
  return undefined;
}

/** The language to answer in: the question's own when it can be told, else the user's. */
export function replyLanguage(detected: DetectedLanguage, userLanguage: Language): Language {
  if (detected === 'norwegian') return userLanguage === 'en' ? 'nb' : userLanguage;
  return detected ?? userLanguage;
}
