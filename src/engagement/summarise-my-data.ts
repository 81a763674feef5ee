import type { PulsePhase, PulseQuestionId } from '../content/pulse-schema';
import type { ThemeId } from '../content/theme-schema';
import { parsePulseSubject } from './pulse-subject';
import type { UsageEvent } from './usage-event';

export interface MyDataSummary {
  commitments: ThemeId[];
  quiz: { themeId: ThemeId; value: string }[];
  checks: { themeId: ThemeId; value: string }[];
  pauses: number;
  reports: number;
  /** The person's own pulse answers, before and after. */
  pulse: { phase: PulsePhase; questionId: PulseQuestionId; value: string }[];
}

const withTheme = (events: UsageEvent[], type: UsageEvent['type']) =>
  events.flatMap((e) => (e.type === type && e.themeId ? [{ themeId: e.themeId, value: e.value ?? '' }] : []));

/** A person's own events, grouped the way «mine data» shows them. */
export function summariseMyData(events: UsageEvent[]): MyDataSummary {
  return {
    commitments: withTheme(events, 'committed').map((e) => e.themeId),
    quiz: withTheme(events, 'quiz-answered'),
    checks: withTheme(events, 'check-answered'),
    pauses: events.filter((e) => e.type === 'paused').length,
    reports: events.filter((e) => e.type === 'report-sent').length,
    pulse: events.flatMap((e) => {
      const about = e.type === 'pulse-answered' ? parsePulseSubject(e.subject) : undefined;
      return about ? [{ ...about, value: e.value ?? '' }] : [];
    }),
  };
}
