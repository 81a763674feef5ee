import { PULSE_QUESTION_IDS } from '../content/pulse-schema';
import type { ThemeId } from '../content/theme-schema';
import type { TenantStats } from '../engagement/aggregate';
import type { PulseAnswers } from './pulse-cards';
import type { MyData } from './privacy-cards';

/** Someone who answered four of the five pulse questions. */
export const samplePulseAnswers = (): PulseAnswers => ({
  'lock-screen': 'usually',
  'separate-passwords': 'rarely',
  'login-via-site': 'always',
  'two-factor': 'unknown',
});

/** Someone who has been around a while: a commitment, a quiz, a check answer. */
export function sampleMyData(themeId: ThemeId): MyData {
  const seen = new Date('2027-01-04T08:00:00Z');
  return {
    recipient: {
      tenantId: 't',
      aadObjectId: 'a',
      address: { serviceUrl: '', channelId: 'msteams', conversationId: '', userId: '', botId: '' },
      language: 'nn',
      active: true,
      paused: false,
      firstSeen: seen,
      lastSeen: new Date('2027-02-01T12:30:00Z'),
    },
    summary: {
      commitments: [themeId],
      quiz: [{ themeId, value: 'right' }],
      checks: [{ themeId, value: 'usually' }],
      pauses: 1,
      pauseThemes: [themeId],
      meetingKits: [themeId],
      reports: 1,
      reminders: [themeId],
      questions: { asked: 3, unanswered: 1 },
      answerRatings: [{ themeId, value: 'yes' }],
      reportDelay: '4-24h',
      pulse: [
        { phase: 'before', questionId: 'lock-screen', value: 'rarely' },
        { phase: 'before', questionId: 'two-factor', value: 'unknown' },
        { phase: 'after', questionId: 'lock-screen', value: 'usually' },
      ],
    },
    reminders: [{ themeId, dueAt: new Date('2027-02-05T09:00:00Z') }],
    deliveries: [
      { themeId, kind: 'pulse-before', status: 'sent', sentAt: new Date('2027-01-04T07:00:00Z') },
      { themeId, kind: 'nudge', status: 'sent', sentAt: new Date('2027-01-04T08:00:00Z') },
      { themeId, kind: 'check', status: 'sent', sentAt: new Date('2027-01-25T08:00:00Z') },
      { themeId, kind: 'nudge', status: 'skipped' },
    ],
    reports: [{ reference: 'MF-2027-000123', category: 'suspicious-email', createdAt: seen, delivered: true }],
    reportDraftFiles: 1,
    minGroupSize: 5,
    retentionMonths: 13,
  };
}

/** A mid-sized municipality: some cells large enough, some suppressed. */
export function sampleStatistics(themeId: ThemeId): TenantStats {
  const S = 'suppressed';
  return {
    tenantId: 't',
    paused: 37,
    reportsPerMonth: [
      { month: '2027-01', people: 23 },
      { month: '2027-02', people: S },
      { month: '2027-03', people: 41 },
    ],
    reportDelay: { people: 52, median: '1-2d' },
    themes: [
      {
        themeId,
        reached: 4812,
        interacted: 1290,
        quizAnswered: 1022,
        quizCorrectShare: 0.81,
        committed: 604,
        reminders: 233,
        checkAnswered: 412,
        checks: { always: 210, usually: 188, rarely: S, unknown: S },
        meetingKits: 23,
        paused: S,
        questionsAsked: 214,
        questionsUnansweredShare: 0.12,
        answersHelpfulShare: 0.86,
      },
    ],
    // Before: many answered; after: fewer, so more is hidden.
    pulse: PULSE_QUESTION_IDS.map((questionId) => ({
      questionId,
      before: { answered: 1204, answers: { always: 402, usually: 511, rarely: 190, never: 62, unknown: 39 } },
      after: { answered: 377, answers: { always: 190, usually: 150, rarely: 31, never: S, unknown: S } },
    })),
  };
}
