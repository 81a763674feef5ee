import { tokenise } from '../../../src/questions/normalise-text';
import { createSpellingCorrector, editDistance } from '../../../src/questions/correct-spelling';
import { createWordLists } from '../../../src/questions/create-word-lists';
import { english, normaliseForComparison, norwegian } from '../../support/questions';

const terms = (text: string) => norwegian?.analyser.terms(text) ?? [];
const englishTerms = (text: string) => english?.analyser.terms(text) ?? [];
/** The term a single word stands for in the Norwegian index. */
const termOf = (word: string) => norwegian?.analyser.words(word)[0]?.term;

describe('normalising text', () => {
  it('lower-cases, drops punctuation and joins words across hyphens and apostrophes', () => {
    expect(tokenise('Kan jeg lagre dette på OneDrive?!')).toEqual(['kan', 'jeg', 'lagre', 'dette', 'pa', 'onedrive']);
    expect(tokenise("jobb-PC-en og pc'n")).toEqual(['jobbpcen', 'og', 'pcn']);
    expect(tokenise('Windows+L')).toEqual(['windows', 'l']);
  });

  it('spells æ, ø and å the way people type them without a Norwegian keyboard', () => {
    expect(normaliseForComparison('Hvordan låser jeg skjermen? Bør jeg være redd?')).toBe(
      normaliseForComparison('hvordan laaser jeg skjermen, boer jeg vaere redd'),
    );
    expect(normaliseForComparison('Café')).toBe('cafe');
  });
});

describe('analysing words', () => {
  it('finds the same stem for inflected and nynorsk forms', () => {
    expect(termOf('passordet')).toBe(termOf('passorda'));
    expect(termOf('låser')).toBe(termOf('låse'));
    expect(termOf('ringte')).toBe(termOf('ringer'));
    expect(termOf('bytte')).toBe(termOf('byte'));
    expect(englishTerms('passwords')).toEqual(englishTerms('password'));
  });

  it('drops words that carry no topic, in all three languages', () => {
    expect(terms('hvordan kan jeg')).toEqual([]);
    expect(terms('korleis kan eg')).toEqual([]);
    expect(englishTerms('how can I do it')).toEqual([]);
  });

  it('splits compounds into known parts, but not words that only look like compounds', () => {
    expect(terms('passordbehandleren')).toEqual(expect.arrayContaining(['passord']));
    expect(terms('jobbtelefonen')).toEqual(expect.arrayContaining(['jobb', 'mobil']));
    expect(terms('jobbmobilen')).not.toContain('bil');
    expect(terms('passord')).toEqual(['passord']);
    expect(terms('tofaktorautentisering')).toContain('tofaktor');
  });

  it('makes synonyms one term, single words and phrases alike', () => {
    const same = (words: string[]) => new Set(words.map(termOf)).size;
    expect(same(['PC', 'datamaskin', 'laptop', 'maskina', 'pc-en'])).toBe(1);
    expect(same(['lenke', 'link', 'url', 'lenka'])).toBe(1);
    expect(same(['e-post', 'epost', 'mail', 'e post'])).toBe(1);
    expect(same(['MFA', '2FA', 'tofaktor', 'to-faktor', 'totrinnsbekreftelse', 'to faktor'])).toBe(1);
    expect(terms('melder jeg fra')).toEqual(terms('melde fra'));
  });

  it('keeps apart words that only look alike once æ, ø and å are folded', () => {
    const lock = termOf('låse');
    expect(termOf('låst')).toBe(lock);
    // «lastet opp» is an upload, not «låst»; English "last night" is not about locking either.
    expect(terms('lastet opp filen')).not.toContain(lock);
    expect(englishTerms('I left it on the bus last night')).not.toContain(lock);
    expect(englishTerms('I locked it')).toContain(lock);
    // "missing" means lost only as a phrase: "did I miss something" is not a lost phone.
    const lost = englishTerms('I lost my phone').find((term) => !englishTerms('my phone').includes(term));
    expect(englishTerms('my phone has gone missing')).toContain(lost);
    expect(englishTerms('did I miss something')).not.toContain(lost);
  });

  it('reads a year in a password as a year and splits letters from digits', () => {
    expect(terms('Vinter2025!')).toEqual(terms('sommer 1999'));
  });
});

describe('the word lists', () => {
  it("never count the lexicon's own words as everyday ones", () => {
    // «profile picture» and «paper jam» are everyday phrases; «paper» reads like «pappa» in Norwegian.
    const lists = norwegian ? createWordLists(norwegian) : undefined;
    for (const word of ['bilde', 'foreldre', 'passord']) expect(lists?.outOfScope.has(termOf(word) ?? '')).toBe(false);
    expect(lists?.outOfScope.has(termOf('lunsj') ?? '')).toBe(true);
  });
});

describe('correcting typos', () => {
  const speller = createSpellingCorrector(
    new Map([
      ['passord', 10],
      ['passordfrase', 3],
      ['skjerm', 5],
    ]),
  );

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('passrod', 'passord', 2)).toBe(1);
    expect(editDistance('psasrod', 'passord', 2)).toBe(2);
    expect(editDistance('abcd', 'wxyz', 1)).toBe(2);
  });

  it('finds the known word one slip away, two in long words, and leaves short words alone', () => {
    expect(speller.correct('pasord')).toBe('passord');
    expect(speller.correct('skjremm')).toBeUndefined();
    expect(speller.correct('pasordfrsae')).toBe('passordfrase');
    expect(speller.correct('skjem')).toBe('skjerm');
    expect(speller.correct('pas')).toBeUndefined();
  });
});
