import { DEV_SET, readQuestionSet } from '../../../scripts/qa/evaluate-questions';
import { THEME_IDS } from '../../../src/content/theme-schema';
import { chooseFaq } from '../../../src/questions/choose-answer';
import { detectAsks } from '../../../src/questions/detect-asks';
import type { FaqScore } from '../../../src/questions/score-faqs';
import { LANGUAGES } from '../../../src/content/languages';
import { answerer, answererWithRules, ask, library } from '../../support/questions';

describe('answering from the FAQ content', () => {
  it.each([
    ['kan jeg lagre dette på OneDrive?', 'data-storage'],
    ['is Sommer2024! a good password?', 'passwords'],
    ['hvordan laaser jeg pcen', 'lock-devices'],
    ['kan ungane spele på jobbnettbrettet?', 'personal-devices'],
    ['pasordbehandler', 'passwords'],
    ['what is 2FA', 'two-factor'],
    // An everyday word (holiday) next to a security topic is context, not the topic.
    ['lederen min vil ha passordet mitt mens jeg er på ferie, kan jeg gi det til henne?', 'passwords'],
    ['noen tips når jeg jobber fra hytta i vinterferien?', 'remote-and-travel'],
    ['fikk en rar sms fra «rådmannen» om å kjøpe gavekort', 'report-it'],
    ['hva er egentlig sikker kanal?', 'sensitive-email'],
    ['finnes det en passordapp vi kan bruke?', 'passwords'],
  ])('"%s" → %s', (question, theme) => {
    const result = ask(question);
    expect(result).toMatchObject({ kind: 'answer', theme });
    expect(result.answer).toBeTruthy();
    expect(result.score).toBeGreaterThanOrEqual(0.5);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('offers up to three other questions from the same theme, in the reply language', () => {
    const result = ask('korleis lagar eg eit godt passord');
    expect(result.language).toBe('nn');
    expect(result.related).toHaveLength(3);
    const passwordQuestions = answerer.answer('passord', { userLanguage: 'nn' });
    expect(passwordQuestions.theme).toBe('passwords');
    expect(
      result.related.every(({ question }) => question.length > 0 && !/\b(jeg|hvordan|ikke)\b/i.test(question)),
    ).toBe(true);
  });

  it('offers the closest entry of a theme scoring nearly as well as the last related question', () => {
    // A call asking for the password: the password answer, and «Meld fra» about such calls one press away.
    const between = ask('noen ringte og sa de var fra IT og ville ha passordet mitt');
    expect(between).toMatchObject({ kind: 'answer', theme: 'passwords' });
    expect(between.related).toHaveLength(3);
    expect(between.related.slice(0, 2).every((r) => r.theme === 'passwords')).toBe(true);
    expect(between.related[2]).toMatchObject({ theme: 'report-it', faqId: 'phone-calls' });
    expect(between.related[2]?.question).toBe(
      library.text('report-it', 'nb').faq.find((e) => e.id === 'phone-calls')?.questions[0],
    );
    // A question about one theme only keeps to that theme.
    expect(ask('kan jeg lagre dette på OneDrive?').related.every((r) => r.theme === 'data-storage')).toBe(true);
    // A pressed button meant its own entry: only that theme's questions follow.
    const picked = ask('noen ringte og sa de var fra IT og ville ha passordet mitt', {
      picked: { theme: 'passwords', faqId: between.faqId ?? '' },
    });
    expect(picked.related.every((r) => r.theme === 'passwords')).toBe(true);
  });

  it("answers an entry's own question, asked as written, from its theme, also without a topic word", () => {
    expect(ask('Får jeg kjeft hvis jeg har gjort en feil?')).toMatchObject({ kind: 'answer', theme: 'report-it' });
    const misses = library.themes.flatMap((theme) =>
      LANGUAGES.flatMap((language) =>
        library.text(theme.id, language).faq.flatMap((entry) => {
          const result = answerer.answer(entry.questions[0] ?? '', { userLanguage: language });
          return result.kind === 'answer' && result.theme === theme.id ? [] : [`${language} ${entry.questions[0]}`];
        }),
      ),
    );
    expect(misses).toEqual([]);
  });

  it('answers the entry a pressed question button names, and goes by the wording when there is no such entry', () => {
    // "Hvorfor" is a stop word: by wording alone, "what is two-factor" answers this just as well.
    const question = 'Hvorfor må vi ha to-faktor?';
    const picked = ask(question, { picked: { theme: 'two-factor', faqId: 'why-two-factor' } });
    expect(picked).toMatchObject({ kind: 'answer', theme: 'two-factor', faqId: 'why-two-factor' });
    expect(picked.related.map((r) => r.faqId)).not.toContain('why-two-factor');
    const unknown = ask(question, { picked: { theme: 'two-factor', faqId: 'no-such-entry' } });
    expect(unknown).toEqual(ask(question));
  });

  it('reads «trekke» as withdrawing in general, not only recalling an e-mail', () => {
    expect(ask('kan en forelder trekke samtykket til bildene?')).toMatchObject({ faqId: 'withdraw-consent' });
    expect(ask('hjelper det å trekke tilbake e-posten?')).toMatchObject({ faqId: 'recall-message' });
  });

  it('fills in the local rules', () => {
    const question = 'jeg har glemt passordet mitt';
    expect(answererWithRules.answer(question, { userLanguage: 'nb' }).answer).toContain('Servicedesken');
    expect(ask(question).answer).toContain('IT-brukerstøtte');
  });
});

describe('the language of the reply', () => {
  it('is the language of the question when it can be told', () => {
    expect(ask('kva gjer eg om eg har gløymt passordet?')).toMatchObject({ language: 'nn', theme: 'passwords' });
    expect(ask('I forgot my password, what now?', { userLanguage: 'nn' })).toMatchObject({ language: 'en' });
    const english = ask('how do I lock my computer?', { userLanguage: 'nb' });
    expect(english.answer).toMatch(/Windows/);
    expect(english.answer).not.toMatch(/\b(og|du)\b/);
  });

  it("is the user's language when the question does not tell", () => {
    expect(ask('VPN', { userLanguage: 'nn' }).language).toBe('nn');
    expect(ask('VPN', { userLanguage: 'en' }).language).toBe('en');
  });
});

describe('not guessing', () => {
  it.each([
    ['hva er det til lunsj i dag'],
    ['når kommer lønna'],
    ['kva blir vêret i morgon'],
    ['how many holidays do I have left'],
    ['kan jeg låne bilen til kommunen'],
    ['kan jeg bytte vakt med en kollega'],
  ])('says "%s" is outside what it knows', (question) => {
    expect(ask(question)).toMatchObject({ kind: 'out-of-scope', theme: null, answer: null, closestThemes: [] });
  });

  it.each([
    ['how do I change the ringtone on my work phone'],
    ['Hvordan booker jeg møterom i Outlook?'],
    ['hva er e-postadressen til lønningskontoret?'],
    ['skriveren på kontoret lager stripete utskrifter, hvem ringer jeg?'],
    ['how do I add a shared mailbox in Outlook?'],
    ['how do I share my screen in Teams?'],
  ])('gives no security answer to "%s", which only shares a device or channel with the content', (question) => {
    expect(ask(question)).toMatchObject({ theme: null, answer: null });
  });

  it.each([
    // «store» is big here, not the English topic word for saving files.
    ['hvor store er møterommene i tredje etasje?'],
    // Compounds the content never uses, starting with an everyday word.
    ['kaffemaskinen på pauserommet er ødelagt'],
    ['hva er mobilnummeret til lønningskontoret?'],
  ])('says "%s" is outside what it knows', (question) => {
    expect(ask(question)).toMatchObject({ kind: 'out-of-scope', theme: null });
  });

  it('still answers a device question when someone else would use the device', () => {
    expect(ask('kan ungane låne jobbtelefonen min i helga?')).toMatchObject({
      kind: 'answer',
      theme: 'personal-devices',
    });
  });

  it('offers the closest topics instead of a weak answer', () => {
    const result = ask('er det trygt å bruke bluetooth-tastatur på kontoret?');
    expect(result).toMatchObject({ kind: 'low-confidence', theme: null, answer: null });
    expect(result.score).toBeLessThan(0.5);
    expect(result.closestThemes.length).toBeGreaterThanOrEqual(2);
    expect(result.closestThemes.length).toBeLessThanOrEqual(3);
  });
});

describe('odd input', () => {
  it('answers emoji, punctuation and key mashing quickly, without guessing', () => {
    for (const question of ['😀😀😀', '????', 'a'.repeat(1000), 'ikke ikke ikke', '']) {
      const started = performance.now();
      expect(ask(question)).toMatchObject({ kind: 'out-of-scope', theme: null });
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});

describe('urgent questions', () => {
  it('flag the situation and still answer from the content', () => {
    expect(ask('jeg har trykket på en lenke i en svindelmail')).toMatchObject({
      urgent: 'clicked-link',
      kind: 'answer',
    });
    expect(ask('I lost the phone with my authenticator app')).toMatchObject({
      urgent: 'lost-device',
      theme: 'two-factor',
    });
    expect(ask('hvordan sjekker jeg en lenke').urgent).toBeUndefined();
  });
});

describe('two themes that answer equally well', () => {
  // A QR code is in three themes: "report it", "log in via the website" and two-factor set-up.
  // Its topic word belongs to "log in via the website", which answers when nothing else decides.
  const question = 'qr-kode';

  it('prefer the theme the user received most recently', () => {
    expect(ask(question).theme).toBe('login-via-links');
    expect(ask(question, { preferredThemeIds: ['report-it', 'login-via-links'] }).theme).toBe('report-it');
    expect(ask(question, { preferredThemeIds: ['two-factor'] }).theme).toBe('two-factor');
  });

  it('never let an old theme win over a clearly better one', () => {
    expect(ask('hvordan låser jeg pc-en', { preferredThemeIds: ['photo-consent', 'passwords'] }).theme).toBe(
      'lock-devices',
    );
  });

  const faq = (theme: FaqScore['theme'], rank: number): FaqScore => ({
    theme,
    faqId: `${theme}-entry`,
    key: `${theme}/${theme}-entry`,
    score: rank,
    variantCovered: rank,
    rank,
    missesOutOfScopeWord: false,
  });

  it('count as close within a tenth of the best', () => {
    const ranked = [faq('passwords', 0.8), faq('two-factor', 0.73), faq('report-it', 0.71)];
    expect(chooseFaq(ranked, ['report-it', 'two-factor'])?.theme).toBe('two-factor');
    expect(chooseFaq(ranked, ['report-it'])?.theme).toBe('passwords');
    expect(chooseFaq(ranked, [])?.theme).toBe('passwords');
    expect(chooseFaq([], ['passwords'])).toBeUndefined();
  });

  it('let the history decide only a tie: one close theme received lately does not outweigh a named one', () => {
    const ranked = [faq('remote-and-travel', 0.8), faq('lock-devices', 0.7)];
    expect(chooseFaq(ranked, ['remote-and-travel'], new Set(['lock-devices']))?.theme).toBe('lock-devices');
  });

  it('report which themes tie, so the bot reads the history only for those questions', () => {
    expect(answerer.rank('qr-kode', { userLanguage: 'nb' }).tiedThemes).toEqual(
      expect.arrayContaining(['login-via-links', 'report-it', 'two-factor']),
    );
    expect(answerer.rank('hvordan låser jeg pc-en', { userLanguage: 'nb' }).tiedThemes).toEqual([]);
    // Where nothing ties, any history gives the answer no history gives.
    for (const { question, language } of readQuestionSet(DEV_SET)) {
      const ranked = answerer.rank(question, { userLanguage: language });
      if (ranked.tiedThemes.length > 0) continue;
      const history = THEME_IDS.filter((_, i) => i % 2 === question.length % 2);
      expect(ranked.answer(history)).toEqual(ranked.answer([]));
    }
  });

  it('go to the one close theme whose topic the question names, after the most recent theme', () => {
    const ranked = [faq('remote-and-travel', 0.8), faq('lock-devices', 0.75), faq('passwords', 0.74)];
    expect(chooseFaq(ranked, [], new Set(['lock-devices']))?.theme).toBe('lock-devices');
    const askedAsWritten = [{ ...faq('remote-and-travel', 0.8), variantCovered: 0.95 }, faq('lock-devices', 0.75)];
    expect(chooseFaq(askedAsWritten, [], new Set(['lock-devices']))?.theme).toBe('remote-and-travel');
    expect(chooseFaq(ranked, ['passwords'], new Set(['lock-devices']))?.theme).toBe('passwords');
    // The best theme named too, two close themes named, or a named theme not close: the best stays.
    expect(chooseFaq(ranked, [], new Set(['remote-and-travel', 'lock-devices']))?.theme).toBe('remote-and-travel');
    expect(chooseFaq(ranked, [], new Set(['lock-devices', 'passwords']))?.theme).toBe('remote-and-travel');
    expect(
      chooseFaq([faq('remote-and-travel', 0.8), faq('lock-devices', 0.6)], [], new Set(['lock-devices']))?.theme,
    ).toBe('remote-and-travel');
  });

  it('go to the theme the question asks for, over the one it is mixed up with, when it can answer within 0.7 of the best', () => {
    const ranked = [faq('login-via-links', 0.85), faq('report-it', 0.6), faq('passwords', 0.55)];
    const asked = [{ theme: 'report-it', over: ['login-via-links'] }] as const;
    expect(chooseFaq(ranked, [], new Set(['login-via-links', 'report-it']), asked)?.theme).toBe('report-it');
    // Too far behind, unable to answer (a «not sure» is no answer to «who do I tell?»), or the best asked as written.
    expect(chooseFaq([faq('login-via-links', 0.85), faq('report-it', 0.55)], [], new Set(), asked)?.theme).toBe(
      'login-via-links',
    );
    const weak = [faq('login-via-links', 0.6), { ...faq('report-it', 0.45), rank: 0.5 }];
    expect(chooseFaq(weak, [], new Set(), asked)?.theme).toBe('login-via-links');
    const asWritten = [{ ...faq('login-via-links', 0.9), variantCovered: 0.95 }, faq('report-it', 0.8)];
    expect(chooseFaq(asWritten, [], new Set(), asked)?.theme).toBe('login-via-links');
    // Any other best theme keeps the answer: «I lost my phone, who do I tell?» is about the phone.
    const phone = [faq('personal-devices', 0.85), faq('report-it', 0.8)];
    expect(chooseFaq(phone, [], new Set(['personal-devices']), asked)?.theme).toBe('personal-devices');
    // The theme the user received last still comes first.
    expect(chooseFaq(ranked, ['passwords'], new Set(), asked)?.theme).toBe('report-it');
    expect(chooseFaq([faq('passwords', 0.8), faq('report-it', 0.75)], ['passwords'], new Set(), asked)?.theme).toBe(
      'passwords',
    );
  });

  it.each([
    ['hvem melder jeg fra til hvis jeg har trykket på en rar lenke', 'report-it'],
    ['kven skal eg eigentleg seie frå til no?', 'report-it'],
    ['I clicked it but closed the page, do I still need to tell anyone?', 'report-it'],
    ['Får jeg kjeft hvis jeg sier at jeg klikket?', 'report-it'],
    ['Will I get in trouble for clicking?', 'report-it'],
    ['Where should I save the photos from the trip?', 'data-storage'],
    ['kvar skal bileta liggje no?', 'data-storage'],
  ])('read what «%s» asks for: %s', (question, theme) => {
    expect(detectAsks(question).map((asked) => asked.theme)).toEqual([theme]);
  });

  it.each([
    'Jeg klikket på en lenke i en rar e-post, hva gjør jeg?',
    'Can I reply with the special needs report attached?',
    'hvor lang må passordfrasen være?',
    'Hva skal jeg si hvis noen ringer og spør om passordet mitt?',
    'I have trouble logging in',
  ])('find no ask in «%s»', (question) => {
    expect(detectAsks(question)).toEqual([]);
  });

  it('answer «who do I tell?» after a phishing link from «Meld fra», and «where do I save the photos?» from storage', () => {
    expect(ask('hvem melder jeg fra til hvis jeg har klikket på en rar lenke').theme).toBe('report-it');
    expect(ask('Where should I save the photos from the kindergarten trip?').theme).toBe('data-storage');
  });

  it('answer «must I report that I clicked a link?» with reporting what you clicked, not with helping a colleague', () => {
    expect(ask('Må jeg melde fra om jeg har klikket på en lenke?')).toMatchObject({
      theme: 'report-it',
      faqId: 'already-clicked',
    });
  });

  it.each([
    ['Jeg har mistet telefonen, hvem må jeg si fra til?', 'personal-devices'],
    ['I lost my phone, who do I tell?', 'personal-devices'],
    ['Hvor skal jeg lagre passordene mine?', 'passwords'],
    ['Where should I keep my passwords?', 'passwords'],
    ['Who do I contact to reset my password?', 'passwords'],
    ['Må jeg si passordet mitt til IT når de ringer?', 'passwords'],
  ])('leave «%s» with the theme it is about (%s)', (question, theme) => {
    expect(ask(question).theme).toBe(theme);
  });

  it('answer «må jeg låse når jeg henter kaffe» from locking, not from the home office', () => {
    expect(ask('må jeg låse pcen når jeg bare henter kaffe?')).toMatchObject({ theme: 'lock-devices' });
  });
});
