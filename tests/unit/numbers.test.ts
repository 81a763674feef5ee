import { statisticsCard } from '../../src/cards/statistics-card';
import { sampleStatistics } from '../../src/cards/sample-engagement';
import { createThemeLibrary } from '../../src/content/theme-library';
import { CATALOGUES, interpolate } from '../../src/i18n/catalogue';
import { formatMegabytes, formatNumber, formatPercent } from '../../src/i18n/format-number';
import { textsFor } from '../../src/i18n/texts-for';
import { sendStarted } from '../../src/routes/admin-routes';
import { render, themes } from '../support/content';

/** The space Norwegian puts between thousands and before %: one that never breaks a line. */
const NBSP = '\u00a0';

describe('numbers as each language writes them', () => {
  it('groups thousands and writes decimals and percentages the local way', () => {
    expect(formatNumber(4812, 'nb')).toBe(`4${NBSP}812`);
    expect(formatNumber(4812, 'nn')).toBe(`4${NBSP}812`);
    expect(formatNumber(4812, 'en')).toBe('4,812');
    expect(formatMegabytes(2_500_000, 'nb')).toBe('2,5');
    expect(formatMegabytes(2_500_000, 'en')).toBe('2.5');
    expect(formatMegabytes(3_000_000, 'nn')).toBe('3');
    expect(formatPercent(0.81, 'nb')).toBe(`81${NBSP}%`);
    expect(formatPercent(0.81, 'en')).toBe('81%');
  });

  it('says «1 mottaker», «2 mottakere» and «4 812 mottakere»', () => {
    const started = (language: 'nb' | 'nn' | 'en', queued: number) => {
      const [reply] = sendStarted(CATALOGUES[language], language, queued).replies;
      return reply?.kind === 'text' ? reply.text : '';
    };
    expect(started('nb', 1)).toBe('Utsendingen har startet: 1 mottaker står i kø. Skriv «status» for å følge med.');
    expect(started('nb', 2)).toBe('Utsendingen har startet: 2 mottakere står i kø. Skriv «status» for å følge med.');
    expect(started('nn', 1)).toContain(': 1 mottakar står i kø.');
    expect(started('en', 1)).toContain(': 1 recipient is queued.');
    expect(started('en', 0)).toContain(': 0 recipients are queued.');
    expect(started('nb', 4812)).toContain(`: 4${NBSP}812 mottakere står i kø.`);
    expect(started('en', 4812)).toContain(': 4,812 recipients are queued.');
    expect(interpolate('{n|one|other}', {})).toBe('{n|one|other}');
  });

  it("shows the statistics card's counts and shares the same way", () => {
    const card = (language: 'nb' | 'en') =>
      JSON.stringify(
        statisticsCard(
          render,
          textsFor(language, {}),
          language,
          createThemeLibrary(themes, {}),
          sampleStatistics('passwords'),
          5,
        ),
      );
    expect(card('nb')).toContain(`nådd 4${NBSP}812 · med 1${NBSP}290 · quiz 1${NBSP}022 (81${NBSP}% riktig)`);
    expect(card('en')).toContain('reached 4,812 · took part 1,290 · quiz 1,022 (81% right)');
  });
});
