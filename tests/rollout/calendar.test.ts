import {
  buildSchedule,
  dueMessages,
  missedMessages,
  nextMessage,
  type CampaignSettings,
} from '../../src/calendar/campaign-schedule';
import { easterSunday, isWorkingDay } from '../../src/calendar/norwegian-holidays';
import { osloToInstant, osloWallClock } from '../../src/calendar/oslo-time';
import { campaignSettings } from '../support/campaign-settings';

const settings = campaignSettings;
const iso = (d: Date) => d.toISOString();
const nudges = (s: CampaignSettings) => buildSchedule(s).filter((m) => m.kind === 'nudge');

describe('Norwegian holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, expected) => {
    const e = easterSunday(year);
    expect(`${e.year}-${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`).toBe(expected);
  });

  it('knows the fixed and the moving holidays', () => {
    const off = (year: number, month: number, day: number) => !isWorkingDay({ year, month, day });
    expect(off(2026, 1, 1)).toBe(true); // New Year's Day (Thursday)
    expect(off(2026, 4, 2)).toBe(true); // Maundy Thursday
    expect(off(2026, 4, 3)).toBe(true); // Good Friday
    expect(off(2026, 4, 6)).toBe(true); // Easter Monday
    expect(off(2026, 5, 14)).toBe(true); // Ascension Day
    expect(off(2026, 5, 25)).toBe(true); // Whit Monday
    expect(off(2026, 5, 1)).toBe(true);
    expect(off(2026, 5, 17)).toBe(true);
    expect(off(2026, 12, 25)).toBe(true);
    expect(off(2026, 12, 28)).toBe(false); // an ordinary Monday
    expect(off(2026, 11, 28)).toBe(true); // a Saturday
  });
});

describe('Oslo time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(iso(osloToInstant({ year: 2027, month: 1, day: 4 }, 9, 0))).toBe('2027-01-04T08:00:00.000Z');
    expect(iso(osloToInstant({ year: 2027, month: 6, day: 1 }, 9, 0))).toBe('2027-06-01T07:00:00.000Z');
  });
  it('handles the days the clocks change', () => {
    expect(iso(osloToInstant({ year: 2026, month: 3, day: 29 }, 9, 0))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(osloToInstant({ year: 2026, month: 10, day: 25 }, 9, 0))).toBe('2026-10-25T08:00:00.000Z');
    expect(osloWallClock(new Date('2026-10-25T08:00:00Z'))).toMatchObject({ hour: 9, minute: 0, day: 25 });
  });
});

describe('the campaign schedule', () => {
  it('sends each theme on the first working day at 09:00 Oslo time, skipping July', () => {
    const slots = nudges(settings()).map((m) => `${m.themeId} ${iso(m.slot)}`);
    expect(slots).toEqual([
      'lock-devices 2026-09-01T07:00:00.000Z', // Tuesday, summer time
      'passwords 2026-10-01T07:00:00.000Z',
      'login-via-links 2026-11-02T08:00:00.000Z', // 1 Nov is a Sunday; winter time
      'personal-devices 2026-12-01T08:00:00.000Z',
      'sensitive-email 2027-01-04T08:00:00.000Z', // 1 Jan holiday, 2–3 Jan weekend
      'data-storage 2027-02-01T08:00:00.000Z',
      'remote-and-travel 2027-03-01T08:00:00.000Z',
      'two-factor 2027-04-01T07:00:00.000Z', // Thursday 1 April 2027 is not Easter (Easter is 28 March)
      'photo-consent 2027-05-03T07:00:00.000Z', // 1 May Saturday, 2 May Sunday
      'report-it 2027-06-01T07:00:00.000Z',
    ]);
  });

  it('skips Easter when it falls at the start of a month', () => {
    // 2027: Easter Monday is 29 March. 2029: Maundy Thursday 29 March, Easter Monday 2 April.
    const april2029 = nudges(settings({ start: { year: 2029, month: 4 } }))[0];
    expect(iso(april2029!.slot)).toBe('2029-04-03T07:00:00.000Z');
  });

  it('shifts past pause months, also over a year end', () => {
    const s = settings({ start: { year: 2026, month: 11 }, pauseMonths: [12, 7] });
    expect(nudges(s).map((m) => m.month)).toEqual([
      '2026-11',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-08',
      '2027-09',
      '2027-10',
    ]);
  });

  it('sends the follow-up check three weeks later on a working day, and can turn it off', () => {
    const schedule = buildSchedule(settings());
    const check = schedule.find((m) => m.themeId === 'lock-devices' && m.kind === 'check');
    expect(iso(check!.slot)).toBe('2026-09-22T07:00:00.000Z');
    // 2027-04-01 + 21 days = Thursday 22 April
    expect(iso(schedule.find((m) => m.themeId === 'two-factor' && m.kind === 'check')!.slot)).toBe(
      '2027-04-22T07:00:00.000Z',
    );
    expect(buildSchedule(settings({ followUpWeeks: 0 })).every((m) => m.kind === 'nudge')).toBe(true);
  });

  it('supports another working day, time and theme order', () => {
    const s = settings({
      sendWorkingDay: 2,
      sendTime: { hour: 13, minute: 30 },
      themeOrder: ['report-it', 'two-factor'],
    });
    const list = nudges(s);
    expect(list.map((m) => m.themeId)).toEqual(['report-it', 'two-factor']);
    expect(iso(list[0]!.slot)).toBe('2026-09-02T11:30:00.000Z');
  });

  it('answers what is due, what was missed and what comes next', () => {
    const schedule = buildSchedule(settings());
    const hour = 3_600_000;
    const justAfter = new Date('2026-10-01T08:00:00Z');
    expect(dueMessages(schedule, justAfter, 48 * hour).map((m) => m.id)).toEqual(['2026-09/passwords/nudge']);
    expect(dueMessages(schedule, new Date('2026-10-04T08:00:00Z'), 48 * hour)).toEqual([]);
    expect(missedMessages(schedule, justAfter, 48 * hour).map((m) => m.id)).toEqual([
      '2026-09/lock-devices/nudge',
      '2026-09/lock-devices/check',
    ]);
    expect(nextMessage(schedule, justAfter)?.id).toBe('2026-09/passwords/check');
    expect(dueMessages(schedule, new Date('2026-10-01T06:59:59Z'), 48 * hour)).toEqual([]);
  });
});
