import type { ThemeId } from '../content/theme-schema';
import { dayNumber, fromDayNumber, isWorkingDay, type LocalDate } from './norwegian-holidays';
import { osloToInstant } from './oslo-time';

/**
 * A message kind the rollout engine can deliver: each theme has a nudge and a
 * check; the campaign has one pulse before and one after (see pulse-schedule.ts).
 */
export type MessageKind = 'nudge' | 'check' | 'pulse-before' | 'pulse-after';

export interface CampaignSettings {
  /** First campaign month, e.g. { year: 2026, month: 9 }. */
  start: { year: number; month: number };
  themeOrder: readonly ThemeId[];
  /** Send on the n-th working day of the month (1 = the first). */
  sendWorkingDay: number;
  sendTime: { hour: number; minute: number };
  /** Months (1–12) without a theme; the schedule shifts past them. */
  pauseMonths: readonly number[];
  /** Weeks from a theme's nudge to its follow-up check; 0 turns follow-ups off. */
  followUpWeeks: number;
}

export interface ScheduledMessage {
  /** Stable id, the same whether sent on schedule or by an admin: "<start>/<theme>/<kind>". */
  id: string;
  themeId: ThemeId;
  kind: MessageKind;
  /** Campaign month of the theme, "YYYY-MM". */
  month: string;
  slot: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const campaignKey = (settings: CampaignSettings) => `${settings.start.year}-${pad(settings.start.month)}`;
export const messageId = (settings: CampaignSettings, themeId: ThemeId, kind: MessageKind) =>
  `${campaignKey(settings)}/${themeId}/${kind}`;

function nthWorkingDay(year: number, month: number, n: number): LocalDate {
  let day = dayNumber({ year, month, day: 1 });
  let found = 0;
  for (;;) {
    const date = fromDayNumber(day);
    if (date.month !== month) throw new RangeError(`${year}-${pad(month)} has fewer than ${n} working days`);
    if (isWorkingDay(date) && ++found === n) return date;
    day += 1;
  }
}

export function firstWorkingDayFrom(date: LocalDate): LocalDate {
  let day = dayNumber(date);
  while (!isWorkingDay(fromDayNumber(day))) day += 1;
  return fromDayNumber(day);
}

/** The campaign months in order, skipping pause months: one per theme. */
function campaignMonths(settings: CampaignSettings): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let { year, month } = settings.start;
  while (months.length < settings.themeOrder.length) {
    if (!settings.pauseMonths.includes(month)) months.push({ year, month });
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
}

/** Every message of the campaign with its send slot, ordered by slot. Pure. */
export function buildSchedule(settings: CampaignSettings): ScheduledMessage[] {
  const { hour, minute } = settings.sendTime;
  const messages = campaignMonths(settings).flatMap(({ year, month }, index) => {
    const themeId = settings.themeOrder[index] as ThemeId;
    const nudgeDay = nthWorkingDay(year, month, settings.sendWorkingDay);
    const key = `${year}-${pad(month)}`;
    const nudge: ScheduledMessage = {
      id: messageId(settings, themeId, 'nudge'),
      themeId,
      kind: 'nudge',
      month: key,
      slot: osloToInstant(nudgeDay, hour, minute),
    };
    if (settings.followUpWeeks <= 0) return [nudge];
    const checkDay = firstWorkingDayFrom(fromDayNumber(dayNumber(nudgeDay) + settings.followUpWeeks * 7));
    return [
      nudge,
      {
        ...nudge,
        id: messageId(settings, themeId, 'check'),
        kind: 'check' as const,
        slot: osloToInstant(checkDay, hour, minute),
      },
    ];
  });
  return messages.sort((a, b) => a.slot.getTime() - b.slot.getTime());
}

/** Messages whose slot has passed, no longer ago than the catch-up window. */
export function dueMessages(schedule: ScheduledMessage[], now: Date, catchUpMs: number): ScheduledMessage[] {
  return schedule.filter((m) => m.slot.getTime() <= now.getTime() && now.getTime() - m.slot.getTime() <= catchUpMs);
}

/** Messages whose slot passed longer ago than the catch-up window. */
export function missedMessages(schedule: ScheduledMessage[], now: Date, catchUpMs: number): ScheduledMessage[] {
  return schedule.filter((m) => now.getTime() - m.slot.getTime() > catchUpMs);
}

export function nextMessage(schedule: ScheduledMessage[], now: Date): ScheduledMessage | undefined {
  return schedule.find((m) => m.slot.getTime() > now.getTime());
}
