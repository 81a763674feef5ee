/** A calendar date without time or zone. Months are 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** Whole days since 1970-01-01 for a calendar date: date arithmetic without time zones. */
export function dayNumber(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

export function fromDayNumber(days: number): LocalDate {
  const date = new Date(days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(date: LocalDate): number {
  return ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * Norwegian public holidays (helligdager and 1 and 17 May): the fixed ones
 * and those that move with Easter: Maundy Thursday, Good Friday, Easter
 * Sunday and Monday, Ascension Day, Whit Sunday and Whit Monday.
 */
export function norwegianHolidays(year: number): Set<number> {
  const easter = dayNumber(easterSunday(year));
  const fixed = [
    [1, 1],
    [5, 1],
    [5, 17],
    [12, 25],
    [12, 26],
  ].map(([month, day]) => dayNumber({ year, month: month ?? 1, day: day ?? 1 }));
  const moving = [-3, -2, 0, 1, 39, 49, 50].map((offset) => easter + offset);
  return new Set([...fixed, ...moving]);
}

export function isWorkingDay(date: LocalDate): boolean {
  return isoWeekday(date) <= 5 && !norwegianHolidays(date.year).has(dayNumber(date));
}
