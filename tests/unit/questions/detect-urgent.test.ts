import { detectUrgent } from '../../../src/questions/detect-urgent';

describe('urgent situations', () => {
  it.each([
    ['kva gjer eg om eg har trykt på lenka?', 'clicked-link'],
    ['Jeg klikket på en lenke i en rar e-post', 'clicked-link'],
    ['jeg åpnet et vedlegg som så rart ut', 'clicked-link'],
    ['I clicked a phishing link, am I in trouble?', 'clicked-link'],
    ['Jeg har skrevet passordet mitt på en falsk side', 'typed-password'],
    ['eg tasta inn passordet på ei side som såg rar ut', 'typed-password'],
    ['I entered my password on a weird website', 'typed-password'],
    ['Jeg logget inn via en rar lenke', 'typed-password'],
    ['jeg har sagt passordet mitt til en kollega', 'typed-password'],
    ['jeg har mistet jobbmobilen', 'lost-device'],
    ['jobbtelefonen min er stjålet', 'lost-device'],
    ['eg har mista nettbrettet', 'lost-device'],
    ['jeg glemte pc-en på toget', 'lost-device'],
    ['tjenestetelefonen ble borte på hytta', 'lost-device'],
    ['I lost my work phone', 'lost-device'],
    ['jeg sendte en e-post med helseopplysninger til feil person', 'wrong-recipient'],
    ['mailen gikk til feil adresse', 'wrong-recipient'],
    ['I sent the report to the wrong recipient', 'wrong-recipient'],
  ])('"%s" → %s', (question, situation) => {
    expect(detectUrgent(question)).toBe(situation);
  });

  it('puts a typed password before the click that led to it', () => {
    expect(detectUrgent('jeg klikket på lenken og skrev inn passordet')).toBe('typed-password');
  });

  it.each([
    ['hvordan sjekker jeg en lenke før jeg klikker'],
    ['kan jeg klikke på lenker i nyhetsbrev'],
    ['jeg har ikke klikket på lenken'],
    ['Jeg klikket på lenken, men skrev ikke inn passordet'],
    ['glemte å låse pc-en i lunsjen'],
    ['hva gjør jeg hvis jeg mister mobilen'],
    ['mistet adgangskortet mitt'],
    ['PC-en låser seg når jeg er borte'],
    ['kan jeg sende personnummer på e-post'],
    ['jeg logget inn på Teams og fikk en rar melding'],
    ['IT ga meg et nytt passord i går'],
    ['IT told me to change my password'],
    ['what should I do before I click a link'],
  ])('"%s" is not urgent (or not about a password)', (question) => {
    expect(detectUrgent(question)).not.toBe('typed-password');
    if (!/klikket på lenken, men/.test(question)) expect(detectUrgent(question)).toBeUndefined();
  });
});
