import { detectLanguage, replyLanguage } from '../../../src/questions/detect-language';

describe('the language of a question', () => {
  it.each([
    ['kva gjer eg om eg har trykt på lenka?', 'nn'],
    ['Korleis låser eg skjermen når eg går frå kontoret?', 'nn'],
    ['Eg veit ikkje kvar eg skal lagre filene', 'nn'],
    ['hva gjør jeg hvis jeg har trykket på lenken?', 'nb'],
    ['Hvordan låser jeg skjermen når jeg går fra kontoret?', 'nb'],
    ['naar jeg jobber hjemmefra, maa jeg bruke vpn?', 'nb'],
    ['is Sommer2024! a good password?', 'en'],
    ['What should I do if I clicked a link?', 'en'],
  ])('"%s" is %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });

  it('reads hyphenated and apostrophe words whole, as the marker lists are written', () => {
    // "pc-en" is not the bokmål article "en", "to-faktor" not the English "to", and "I'm" is the marker "I'm".
    expect(detectLanguage('må eg logge ut av pc-en når vakta er ferdig')).toBe('nn');
    expect(detectLanguage('har bankid to-faktor')).toBe('norwegian');
    expect(detectLanguage("I'm locked out")).toBe('en');
  });

  it('says only what the words tell: nothing, or Norwegian without the standard', () => {
    expect(detectLanguage('VPN?')).toBeUndefined();
    expect(detectLanguage('Dropbox')).toBeUndefined();
    expect(detectLanguage('passord')).toBe('norwegian');
    expect(detectLanguage('er det trygt å bruke dropbox')).toBe('norwegian');
  });

  it("answers in the question's language when it can be told, else in the user's", () => {
    expect(replyLanguage(detectLanguage('kva er ein passordfrase'), 'nb')).toBe('nn');
    expect(replyLanguage(detectLanguage('what is a passphrase'), 'nn')).toBe('en');
    expect(replyLanguage(detectLanguage('VPN?'), 'nn')).toBe('nn');
    expect(replyLanguage(detectLanguage('VPN?'), 'en')).toBe('en');
    // Norwegian, but bokmål and nynorsk alike: the user's own standard, or bokmål for an English user.
    expect(replyLanguage(detectLanguage('er det trygt å bruke dropbox'), 'nn')).toBe('nn');
    expect(replyLanguage(detectLanguage('er det trygt å bruke dropbox'), 'en')).toBe('nb');
  });
});
