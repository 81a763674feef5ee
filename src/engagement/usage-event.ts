import type { ThemeId } from '../content/theme-schema';

/**
 * What refleks counts. Sent nudges are not events: the delivery ledger already
 * records every send exactly once, so statistics read "reached" from there.
 */
export const EVENT_TYPES = [
  'quiz-answered',
  'committed',
  'check-answered',
  'feedback',
  'paused',
  'report-sent',
  'meeting-kit',
  'reminder-set',
  'question-asked',
  'report-delay',
  'pulse-answered',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Events with a theme that do not make someone count as «took part» in it: a
 * question's theme is only where the answer came from (or the closest guess),
 * and a pause is the opposite of taking part. Both are counted on their own.
 */
export const NOT_TAKING_PART: readonly EventType[] = ['question-asked', 'paused'];

/** One thing a person did, under a pseudonym. Never names, e-mail or text they wrote. */
export interface UsageEvent {
  tenantId: string;
  pseudonym: string;
  type: EventType;
  themeId?: ThemeId;
  /**
   * What within the type and theme the event is about, when there can be
   * several: "before/lock-screen" for a pulse answer (phase/question).
   */
  subject?: string;
  /**
   * right|wrong, always|usually|rarely|never|unknown, yes|no, a report category,
   * answered|unanswered (question-asked) or a delay bucket (report-delay).
   */
  value?: string;
  at: Date;
}

/**
 * append: every occurrence counts. first: only the first per person, type,
 * theme and subject (a quiz answer after seeing the result says nothing).
 * latest: replaces the earlier one (someone who changes their check or pulse
 * answer meant the new one).
 */
export type RecordPolicy = 'append' | 'first' | 'latest';
