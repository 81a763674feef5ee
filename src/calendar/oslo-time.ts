import type { LocalDate } from './norwegian-holidays';

export const CAMPAIGN_TIME_ZONE = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: CAMPAIGN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock date and time in Oslo at an instant. */
export function osloWallClock(instant: Date): LocalDate & { hour: number; minute: number } {
  const values = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
  };
}

/**
 * The instant when Oslo's clocks show this date and time. Oslo is UTC+1 in
 * winter and UTC+2 in summer; trying both offsets and keeping the one that
 * reads back correctly handles the DST changes. (A time that doesn't exist,
 * 02:30 on the spring-forward night, resolves to the later offset.)
 */
export function osloToInstant(date: LocalDate, hour: number, minute: number): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = osloWallClock(candidate);
    if (back.day === date.day && back.hour === hour && back.minute === minute) return candidate;
  }
  return new Date(asUtc - 3_600_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "YYYY-MM-DD HH:MM" in Norwegian time. The form's date and time pickers give
 * local time without a zone, and IT reads times the way the employee saw them.
 */
export function osloDateTime(date: Date): string {
  const { year, month, day, hour, minute } = osloWallClock(date);
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}

export const osloYear = (date: Date): number => osloWallClock(date).year;
