import { findBokmalInNynorsk, findNynorskInBokmal } from '../../src/content/written-standard-lint';

const words = (slips: { word: string }[]) => slips.map((s) => s.word);

describe('the nb/nn lint', () => {
  it('flags common bokmål forms in nynorsk text', () => {
    expect(words(findBokmalInNynorsk('Hvis du ikke vet hva du skal gjøre, spør noen hjemme.'))).toEqual(
      expect.arrayContaining(['hvis', 'ikke', 'vet', 'hva', 'gjøre', 'noen', 'hjemme']),
    );
    expect(words(findBokmalInNynorsk('Sjekk opplysninger og innstillinger.'))).toEqual([
      'opplysninger',
      'innstillinger',
    ]);
  });

  it('flags common nynorsk forms in bokmål text', () => {
    expect(words(findNynorskInBokmal('Eg veit ikkje korleis eg gjer det heime.'))).toEqual(
      expect.arrayContaining(['eg', 'veit', 'ikkje', 'korleis', 'gjer', 'heime']),
    );
  });

  it('accepts words that are right in both standards', () => {
    const shared = 'Dersom du er usikker, kan du også spørje andre. Det er riktig å melde frå.';
    expect(findBokmalInNynorsk(shared)).toEqual([]);
    expect(findNynorskInBokmal('Dersom du er usikker, kan du også spørre andre. Det er riktig å si fra.')).toEqual([]);
  });

  it('accepts real nynorsk and real bokmål', () => {
    expect(findBokmalInNynorsk('Lås skjermen kvar gong du går frå PC-en, òg når det berre er ein augeblink.')).toEqual(
      [],
    );
    expect(findNynorskInBokmal('Lås skjermen hver gang du går fra PC-en, også når det bare er et øyeblikk.')).toEqual(
      [],
    );
  });
});
