import { ledgerFacts, reportFacts } from '../../src/cards/my-data-facts';
import { createThemeLibrary } from '../../src/content/theme-library';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { exampleRules, themes } from '../support/content';

const library = createThemeLibrary(themes, exampleRules);
const at = (iso: string) => new Date(iso);

describe('«mine data»: the ledger and Meld fra, in few lines', () => {
  it('counts what was sent per kind with the latest, and what is on its way or was never sent', () => {
    const facts = ledgerFacts(CATALOGUES.nn, 'nn', library, [
      { themeId: 'lock-devices', kind: 'pulse-before', status: 'sent', sentAt: at('2027-01-04T07:00:00Z') },
      { themeId: 'lock-devices', kind: 'nudge', status: 'sent', sentAt: at('2027-01-04T08:00:00Z') },
      { themeId: 'lock-devices', kind: 'check', status: 'sent', sentAt: at('2027-01-25T08:00:00Z') },
      { themeId: 'passwords', kind: 'nudge', status: 'sent', sentAt: at('2027-02-01T08:00:00Z') },
      { themeId: 'login-via-links', kind: 'nudge', status: 'skipped' },
      { themeId: 'personal-devices', kind: 'nudge', status: 'pending' },
    ]);
    expect(facts.map((f) => f.title)).toEqual([
      'Tips du har fått',
      'refleks-sjekk du har fått',
      'refleks-puls du har fått',
      'Meldingar som ventar eller ikkje vart sende',
    ]);
    expect(facts[0]?.value).toMatch(/^2 \(siste: Sterke passord, 1\. feb\. 2027.*09[:.]00\)$/);
    expect(facts[2]?.value).toMatch(/^1 \(siste: før kampanjen, /);
    expect(facts[3]?.value).toBe('på veg: 1, ikkje sende: 1');
  });

  it('says «none» for tips when nothing was sent, and leaves out the rest', () => {
    expect(ledgerFacts(CATALOGUES.en, 'en', library, [])).toEqual([{ title: 'Tips you have received', value: 'None' }]);
  });

  it('names the open form with its files and each reference with its category', () => {
    const reports = [
      {
        reference: 'MF-2027-000001',
        category: 'lost-device' as const,
        createdAt: at('2027-01-05T10:00:00Z'),
        delivered: true,
      },
      {
        reference: 'MF-2027-000002',
        category: 'question' as const,
        createdAt: at('2027-01-06T10:00:00Z'),
        delivered: false,
      },
    ];
    expect(reportFacts(CATALOGUES.en, reports, 2)).toEqual([
      { title: 'Report form you have open', value: 'files waiting: 2' },
      {
        title: 'Your references with IT',
        value: expect.stringMatching(
          /^MF-2027-000001: .+, delivered; MF-2027-000002: .+, not delivered yet$/,
        ) as string,
      },
    ]);
    expect(reportFacts(CATALOGUES.en, [], undefined)).toEqual([]);
  });
});
