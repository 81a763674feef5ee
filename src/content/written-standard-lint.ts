/**
 * Catches the most common slips between the two Norwegian written standards:
 * bokmål words in nynorsk text and nynorsk words in bokmål text. The lists only
 * hold words that are wrong in the other standard; words that are correct in
 * both (dersom, også, andre, riktig, sånn, dem …) are left out on purpose.
 */

const BOKMAL_ONLY = [
  'ikke',
  'jeg',
  'hva',
  'hvordan',
  'hvis',
  'hvorfor',
  'hvem',
  'hvor',
  'hvilken',
  'hvilke',
  'hvilket',
  'hver',
  'hvert',
  'noen',
  'noe',
  'mye',
  'hjem',
  'hjemme',
  'hjemmekontor',
  'hjemmefra',
  'fra',
  'bare',
  'kun',
  'gjøre',
  'gjør',
  'mer',
  'selv',
  'uten',
  'være',
  'ble',
  'deres',
  'dere',
  'mens',
  'vet',
  'ennå',
  'sikkerhet',
  'sikkerheten',
  'mulighet',
  'muligheten',
  'enhet',
  'enheten',
  'enheter',
  'enhetene',
  'bruker',
  'brukeren',
  'brukere',
  'nettleser',
  'nettleseren',
  'kommer',
  'sier',
  'sammen',
] as const;

const NYNORSK_ONLY = [
  'ikkje',
  'eg',
  'kva',
  'korleis',
  'kvifor',
  'kven',
  'kvar',
  'kvart',
  'kvarandre',
  'noko',
  'nokon',
  'mykje',
  'heime',
  'heim',
  'heimekontor',
  'berre',
  'frå',
  'meir',
  'sjølv',
  'utan',
  'vere',
  'vore',
  'medan',
  'dykk',
  'dykkar',
  'eit',
  'ein',
  'dei',
  'sjå',
  'gjere',
  'gjer',
  'veit',
  'brukar',
  'brukaren',
  'brukarar',
  'nettlesar',
  'nettlesaren',
  'eining',
  'eininga',
  'einingar',
  'kjem',
  'seier',
  'gong',
  'saman',
  'tryggleik',
  'sikkerheit',
  'moglegheit',
  'òg',
  'heilt',
  'enno',
  'difor',
] as const;

/** Words that look like plural -inger (bokmål) but are fine in nynorsk. */
const INGER_EXCEPTIONS = new Set(['finger']);

export interface StandardSlip {
  word: string;
  reason: string;
}

const WORD = /[\p{L}]+/gu;

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

export function findBokmalInNynorsk(text: string): StandardSlip[] {
  const bokmal = new Set<string>(BOKMAL_ONLY);
  const slips: StandardSlip[] = [];
  for (const word of words(text)) {
    if (bokmal.has(word)) slips.push({ word, reason: 'bokmål form in nynorsk text' });
    else if (word.endsWith('inger') && !INGER_EXCEPTIONS.has(word)) {
      slips.push({ word, reason: 'bokmål plural -inger in nynorsk text (nynorsk: -ingar)' });
    }
  }
  return slips;
}

export function findNynorskInBokmal(text: string): StandardSlip[] {
  const nynorsk = new Set<string>(NYNORSK_ONLY);
  return words(text)
    .filter((word) => nynorsk.has(word))
    .map((word) => ({ word, reason: 'nynorsk form in bokmål text' }));
}
