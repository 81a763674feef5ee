import { dayNumber, fromDayNumber, isoWeekday, isWorkingDay, type LocalDate } from './norwegian-holidays';
import { osloToInstant, osloWallClock } from './oslo-time';

/** Reminders arrive at 10:00 Oslo time: the working day has started, and there is time to act on them. */
export const REMINDER_HOUR = 10;
/** How far ahead a user may pick a day. Further out, the reminder would come after the next theme. */
export const MAX_REMINDER_DAYS = 56;

const FRIDAY = 5;

/** "YYYY-MM-DD", the format of Adaptive Cards' Input.Date. */
export const toIsoDay = (date: LocalDate): string =>
  `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/** A real calendar day written as YYYY-MM-DD, or undefined (2027-02-30 is not one). */
export function parseIsoDay(value: unknown): LocalDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const back = fromDayNumber(dayNumber(date));
  return back.year === date.year && back.month === date.month && back.day === date.day ? date : undefined;
}

const osloToday = (now: Date): LocalDate => {
  const { year, month, day } = osloWallClock(now);
  return { year, month, day };
};

/** The instant a reminder for this day is sent: 10:00 Oslo time, summer or winter. */
export const reminderInstant = (day: LocalDate): Date => osloToInstant(day, REMINDER_HOUR, 0);

/**
 * The default reminder time: the coming Friday at 10:00 Oslo time, the
 * first Friday after today. On a Friday itself the next week's Friday is
 * chosen, also before 10:00: a reminder the same morning would come before
 * the user has had any chance to forget, which is not what «later» means.
 * Saturday and Sunday also give the Friday after. A Friday that is a public
 * holiday (Good Friday, 17 May, Christmas Day) is skipped for the Friday a
 * week later, since nobody is at work to act on it. Never in the past.
 */
export function defaultReminderTime(now: Date): Date {
  const today = osloToday(now);
  let friday = dayNumber(today) + ((FRIDAY - isoWeekday(today) + 7) % 7 || 7);
  while (!isWorkingDay(fromDayNumber(friday))) friday += 7;
  return reminderInstant(fromDayNumber(friday));
}

/**
 * The days a user may pick: from today (if 10:00 has not passed yet) or
 * tomorrow, up to MAX_REMINDER_DAYS ahead.
 */
export function pickableDays(now: Date): { min: LocalDate; max: LocalDate } {
  const today = dayNumber(osloToday(now));
  const first = reminderInstant(fromDayNumber(today)).getTime() > now.getTime() ? today : today + 1;
  return { min: fromDayNumber(first), max: fromDayNumber(today + MAX_REMINDER_DAYS) };
}

export type PickedDay = { ok: true; at: Date } | { ok: false; problem: 'missing' | 'past' | 'too-far' };

/** Checks a day the user picked; the card's min and max are only a hint, the server decides. */
export function checkPickedDay(value: unknown, now: Date): PickedDay {
  const day = parseIsoDay(value);
  if (!day) return { ok: false, problem: 'missing' };
  const { min, max } = pickableDays(now);
  if (dayNumber(day) < dayNumber(min)) return { ok: false, problem: 'past' };
  if (dayNumber(day) > dayNumber(max)) return { ok: false, problem: 'too-far' };
  return { ok: true, at: reminderInstant(day) };
}
