import type { Language } from '../content/languages';
import { isShown, type Cell } from '../engagement/suppress';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export interface CellFormat {
  /** A count, or «færre enn k» when suppressed: never a zero that looks like a number. */
  count(cell: Cell): string;
  /** A share as a percentage, or «skjult» when it would describe a small group. */
  share(cell: Cell): string;
  number(value: number): string;
  /** "2027-01" → "januar 2027". */
  month(key: string): string;
  date(instant: Date): string;
}

export function cellFormat(language: Language, suppressed: string, hidden: string): CellFormat {
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });
  const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' });
  return {
    count: (cell) => (isShown(cell) ? numbers.format(cell) : suppressed),
    share: (cell) => (isShown(cell) ? percent.format(cell) : hidden),
    number: (value) => numbers.format(value),
    month(key) {
      const [year, month] = key.split('-').map(Number);
      return months.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 15)));
    },
    date: (instant) => dates.format(instant),
  };
}
