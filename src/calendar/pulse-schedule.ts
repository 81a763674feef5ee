import type { PulsePhase } from '../content/pulse-schema';
import { THEME_IDS, type ThemeId } from '../content/theme-schema';
import {
  campaignKey,
  firstWorkingDayFrom,
  type CampaignSettings,
  type MessageKind,
  type ScheduledMessage,
} from './campaign-schedule';
import { dayNumber, fromDayNumber } from './norwegian-holidays';
import { osloToInstant, osloWallClock } from './oslo-time';

/** The "before" pulse goes out this long before the first nudge, so the baseline can be answered first. */
export const PULSE_LEAD_MS = 3_600_000;
/** The "after" pulse waits this many days past the campaign's last message, then the next working day. */
export const PULSE_AFTER_DAYS = 7;

export const pulseKind = (phase: PulsePhase) => `pulse-${phase}` as const;

export function pulsePhaseOf(kind: MessageKind): PulsePhase | undefined {
  if (kind === 'pulse-before') return 'before';
  if (kind === 'pulse-after') return 'after';
  return undefined;
}

/**
 * A pulse as a ledger message: one id per campaign and phase, the same
 * whether it goes out on schedule or by hand, so nobody gets it twice. The
 * rollouts table needs a theme, so a pulse carries the theme it goes out
 * with (the first or the last); readers that count themes filter on kind.
 */
export function pulseMessage(
  settings: CampaignSettings | undefined,
  phase: PulsePhase,
): { id: string; themeId: ThemeId; kind: MessageKind } {
  const order = settings?.themeOrder ?? THEME_IDS;
  const themeId = (phase === 'before' ? order[0] : order[order.length - 1]) ?? THEME_IDS[0];
  const campaign = settings ? campaignKey(settings) : 'manual';
  return { id: `${campaign}/pulse/${phase}`, themeId, kind: pulseKind(phase) };
}

/** The themes' schedule (ordered by slot) with the pulse before the first nudge and after the last message. Pure. */
export function withPulse(settings: CampaignSettings, themed: ScheduledMessage[]): ScheduledMessage[] {
  const first = themed[0];
  const last = themed.at(-1);
  if (!first || !last) return themed;
  const afterDay = firstWorkingDayFrom(fromDayNumber(dayNumber(osloWallClock(last.slot)) + PULSE_AFTER_DAYS));
  const { hour, minute } = settings.sendTime;
  return [
    { ...pulseMessage(settings, 'before'), month: first.month, slot: new Date(first.slot.getTime() - PULSE_LEAD_MS) },
    ...themed,
    { ...pulseMessage(settings, 'after'), month: last.month, slot: osloToInstant(afterDay, hour, minute) },
  ];
}
