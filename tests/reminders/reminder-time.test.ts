import {
  checkPickedDay,
  defaultReminderTime,
  MAX_REMINDER_DAYS,
  parseIsoDay,
  pickableDays,
  toIsoDay,
} from '../../src/calendar/reminder-time';

const at = (iso: string) => new Date(iso);
const utc = (date: Date) => date.toISOString();

describe('the default reminder: the coming Friday at 10:00 Oslo time', () => {
  // A week in June 2026 (summer time, UTC+2): 10:00 in Oslo is 08:00 UTC.
  it.each([
    ['Monday', '2026-06-08T07:00:00Z', '2026-06-12T08:00:00.000Z'],
    ['Tuesday', '2026-06-09T12:00:00Z', '2026-06-12T08:00:00.000Z'],
    ['Wednesday', '2026-06-10T12:00:00Z', '2026-06-12T08:00:00.000Z'],
    ['Thursday evening', '2026-06-11T19:00:00Z', '2026-06-12T08:00:00.000Z'],
    ['Friday before 10:00', '2026-06-12T06:00:00Z', '2026-06-19T08:00:00.000Z'],
    ['Friday after 10:00', '2026-06-12T09:00:00Z', '2026-06-19T08:00:00.000Z'],
    ['Saturday', '2026-06-13T12:00:00Z', '2026-06-19T08:00:00.000Z'],
    ['Sunday', '2026-06-14T12:00:00Z', '2026-06-19T08:00:00.000Z'],
  ])('on a %s', (_day, now, expected) => {
    expect(utc(defaultReminderTime(at(now)))).toBe(expected);
  });

  it('reads the weekday in Oslo, not in UTC', () => {
    // Thursday 23:30 UTC is already Friday 01:30 in Oslo: the next Friday, a week on.
    expect(utc(defaultReminderTime(at('2026-06-11T23:30:00Z')))).toBe('2026-06-19T08:00:00.000Z');
    // Sunday 22:30 UTC in winter is Sunday 23:30 in Oslo: still the weekend.
    expect(utc(defaultReminderTime(at('2026-11-15T22:30:00Z')))).toBe('2026-11-20T09:00:00.000Z');
  });

  it('is 10:00 local time across the spring change (last Sunday of March)', () => {
    // Monday 23 March 2026, winter time: Friday 27 March at 10:00 CET = 09:00 UTC.
    expect(utc(defaultReminderTime(at('2026-03-23T10:00:00Z')))).toBe('2026-03-27T09:00:00.000Z');
    // Saturday 27 March 2027 (winter time); the clocks change on Sunday 28 March;
    // Friday 2 April 2027 at 10:00 CEST = 08:00 UTC.
    expect(utc(defaultReminderTime(at('2027-03-27T10:00:00Z')))).toBe('2027-04-02T08:00:00.000Z');
    // In the hour that does not exist (02:00–03:00 on 28 March 2027; 01:30 UTC is 03:30 CEST).
    expect(utc(defaultReminderTime(at('2027-03-28T01:30:00Z')))).toBe('2027-04-02T08:00:00.000Z');
    // Saturday 28 March 2026: the Friday after the change is Good Friday, so 10 April, in summer time.
    expect(utc(defaultReminderTime(at('2026-03-28T10:00:00Z')))).toBe('2026-04-10T08:00:00.000Z');
  });

  it('is 10:00 local time across the autumn change (last Sunday of October)', () => {
    // 25 October 2026: clocks go back from 03:00 to 02:00. Asked on Saturday in summer time …
    expect(utc(defaultReminderTime(at('2026-10-24T10:00:00Z')))).toBe('2026-10-30T09:00:00.000Z');
    // … and in the hour that happens twice (02:30 CEST = 00:30 UTC, 02:30 CET = 01:30 UTC).
    expect(utc(defaultReminderTime(at('2026-10-25T00:30:00Z')))).toBe('2026-10-30T09:00:00.000Z');
    expect(utc(defaultReminderTime(at('2026-10-25T01:30:00Z')))).toBe('2026-10-30T09:00:00.000Z');
    // Thursday before the change (summer time) → Friday 23 October at 10:00 CEST = 08:00 UTC.
    expect(utc(defaultReminderTime(at('2026-10-22T10:00:00Z')))).toBe('2026-10-23T08:00:00.000Z');
  });

  it('skips a Friday that is a public holiday for the Friday after', () => {
    // Wednesday 1 April 2026 → Good Friday 3 April → Friday 10 April.
    expect(utc(defaultReminderTime(at('2026-04-01T10:00:00Z')))).toBe('2026-04-10T08:00:00.000Z');
    // Monday 21 December 2026 → Christmas Day (Friday 25) and New Year's Day (Friday 1 January) → 8 January.
    expect(utc(defaultReminderTime(at('2026-12-21T10:00:00Z')))).toBe('2027-01-08T09:00:00.000Z');
  });

  it('is never in the past, and always a Friday at 10:00 in Oslo, for every hour of a year', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let hour = 0; hour < 366 * 24; hour += 1) {
      const now = new Date(start + hour * 3_600_000);
      const due = defaultReminderTime(now);
      expect(due.getTime()).toBeGreaterThan(now.getTime());
      expect(due.getTime() - now.getTime()).toBeLessThanOrEqual(22 * 86_400_000);
      const oslo = due.toLocaleString('en-GB', {
        timeZone: 'Europe/Oslo',
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
      });
      expect(oslo).toBe('Friday 10:00');
    }
  });
});

describe('a day the user picks', () => {
  const wednesdayMorning = at('2026-06-10T07:00:00Z'); // 09:00 in Oslo
  const wednesdayNoon = at('2026-06-10T10:00:00Z'); // 12:00 in Oslo

  it('may be today until 10:00, then from tomorrow, and at most eight weeks ahead', () => {
    expect(pickableDays(wednesdayMorning)).toEqual({
      min: { year: 2026, month: 6, day: 10 },
      max: { year: 2026, month: 8, day: 5 },
    });
    expect(toIsoDay(pickableDays(wednesdayNoon).min)).toBe('2026-06-11');
    expect(MAX_REMINDER_DAYS).toBe(56);
  });

  it('is sent at 10:00 Oslo time on that day, summer or winter', () => {
    expect(checkPickedDay('2026-06-10', wednesdayMorning)).toEqual({ ok: true, at: at('2026-06-10T08:00:00Z') });
    expect(checkPickedDay('2026-08-05', wednesdayMorning)).toEqual({ ok: true, at: at('2026-08-05T08:00:00Z') });
    expect(checkPickedDay('2026-11-02', at('2026-10-20T10:00:00Z'))).toEqual({
      ok: true,
      at: at('2026-11-02T09:00:00Z'),
    });
  });

  it('is refused when it has passed, is too far ahead, or is not a day', () => {
    expect(checkPickedDay('2026-06-10', wednesdayNoon)).toEqual({ ok: false, problem: 'past' });
    expect(checkPickedDay('2026-06-09', wednesdayMorning)).toEqual({ ok: false, problem: 'past' });
    expect(checkPickedDay('2026-08-06', wednesdayMorning)).toEqual({ ok: false, problem: 'too-far' });
    for (const value of ['', undefined, 42, '2026-02-30', '10.06.2026', '2026-6-10'])
      expect(checkPickedDay(value, wednesdayMorning)).toEqual({ ok: false, problem: 'missing' });
  });

  it('reads only real calendar days', () => {
    expect(parseIsoDay(' 2028-02-29 ')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDay('2027-02-29')).toBeUndefined();
    expect(parseIsoDay('2027-13-01')).toBeUndefined();
  });
});
