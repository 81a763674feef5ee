import type { PulsePhase, PulseQuestionId } from '../content/pulse-schema';
import type { ThemeId } from '../content/theme-schema';
import { isDelayBucket, type DelayBucket } from './report-delay';
import { parsePulseSubject } from './pulse-subject';
import type { UsageEvent } from './usage-event';

export interface MyDataSummary {
  commitments: ThemeId[];
  quiz: { themeId: ThemeId; value: string }[];
  checks: { themeId: ThemeId; value: string }[];
  pauses: number;
  /** The theme each pause came after, when the person had received one. */
  pauseThemes: ThemeId[];
  meetingKits: ThemeId[];
  reports: number;
  /** Themes the person asked to be reminded of (the reminder itself is deleted once sent). */
  reminders: ThemeId[];
  /** How many questions were counted, and how many of them got «not sure»; never what was asked. */
  questions: { asked: number; unanswered: number };
  /** The latest 👍 ("yes") or 👎 ("no") per theme the person gave an answer. */
  answerRatings: { themeId: ThemeId; value: string }[];
  /** From the latest nudge to the latest report, if any. */
  reportDelay?: DelayBucket;
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
    pauseThemes: withTheme(events, 'paused').map((e) => e.themeId),
    meetingKits: withTheme(events, 'meeting-kit').map((e) => e.themeId),
    reports: events.filter((e) => e.type === 'report-sent').length,
    reminders: withTheme(events, 'reminder-set').map((e) => e.themeId),
    questions: {
      asked: events.filter((e) => e.type === 'question-asked').length,
      unanswered: events.filter((e) => e.type === 'question-asked' && e.value === 'unanswered').length,
    },
    answerRatings: withTheme(events, 'feedback'),
    // Stored as "latest", so there is at most one.
    reportDelay: events.map((e) => (e.type === 'report-delay' ? e.value : undefined)).find(isDelayBucket),
    pulse: events.flatMap((e) => {
      const about = e.type === 'pulse-answered' ? parsePulseSubject(e.subject) : undefined;
      return about ? [{ ...about, value: e.value ?? '' }] : [];
    }),
  };
}
