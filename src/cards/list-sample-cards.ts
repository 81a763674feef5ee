import type { Language } from '../content/languages';
import { LANGUAGES } from '../content/languages';
import type { LocalRules } from '../content/local-rules-schema';
import { localizeTheme } from '../content/localize-theme';
import { localizePulse } from '../content/localize-pulse';
import { PULSE_PHASES, type PulseSurvey } from '../content/pulse-schema';
import type { Theme, ThemeId } from '../content/theme-schema';
import type { AdaptiveCard } from '../domain/turn';
import { CATALOGUES } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';
import { createThemeLibrary } from '../content/theme-library';
import type { CampaignStatus } from '../rollout/campaign-service';
import { answerCard } from './answer-card';
import { campaignStatusCard, confirmPulseCard, confirmSendCard } from './campaign-cards';
import { itChannelCard } from './it-channel-card';
import { meetingKitCard, meetingKitChoiceCard } from './meeting-kit-cards';
import { URGENT_SITUATIONS } from '../questions/detect-urgent';
import { questionFallbackCard, topicSummaryCard, urgentCard } from './question-cards';
import { deleteDataCard, myDataCard } from './privacy-cards';
import { sampleReminderCards } from './sample-reminders';
import { sampleMyData, samplePulseAnswers, sampleStatistics } from './sample-engagement';
import { pulseCard, pulseThanksCard } from './pulse-cards';
import { statisticsCard } from './statistics-card';
import type { CardName, CardRenderer } from './render-card';
import { REPORT_CATEGORIES, reportFormCard, reportReceiptCard } from './report-cards';
import { checkCard, nudgeCard, quizCard, quizResultCard, type QuizAnswer } from './theme-cards';

/** One rendered card as reviewers and tests see it. */
export interface SampleCard {
  template: CardName;
  /** Distinguishes several samples of one template, e.g. quiz-result-wrong. */
  variant: string;
  language: Language;
  themeId?: ThemeId;
  card: AdaptiveCard;
}

export interface SampleOptions {
  languages?: readonly Language[];
  themeIds?: readonly ThemeId[];
  maxAttachmentMb?: number;
  /** The pulse survey (themes/pulse.yaml); without it there are no pulse samples. */
  pulse?: PulseSurvey;
}

/** A question the engine would not answer without guessing, for the fallback card. */
const SAMPLE_QUESTION: Record<Language, string> = {
  nb: 'Er det trygt å bruke Bluetooth-tastatur på kontoret?',
  nn: 'Er det trygt å bruke Bluetooth-tastatur på kontoret?',
  en: 'Is it safe to use a Bluetooth keyboard in the office?',
};

/** A Teams user id as it appears in a card's refresh.userIds. */
const SAMPLE_USER_ID = '29:1sample-user-id';

function commands(language: Language, rules: LocalRules) {
  const t = textsFor(language, rules);
  return [
    t.commands.help,
    t.commands.language,
    t.reports.command,
    t.commands.pause,
    t.engagement.command,
    t.meetingKit.command,
  ];
}

/** A campaign in progress: the pulse and one theme sent with some failures, its follow-up due next. */
function sampleStatus(themeId: ThemeId): CampaignStatus {
  const slot = new Date('2027-01-04T08:00:00Z');
  return {
    paused: false,
    scheduled: true,
    next: { id: 'x', themeId, kind: 'check', month: '2027-01', slot: new Date('2027-01-25T08:00:00Z') },
    messages: [
      {
        id: 'p',
        themeId,
        kind: 'pulse-before',
        slot: new Date(slot.getTime() - 3_600_000),
        state: 'started',
        counts: { sent: 4810, failed: 3, pending: 0, sending: 0, skipped: 43 },
      },
      {
        id: 'a',
        themeId,
        kind: 'nudge',
        slot,
        state: 'started',
        counts: { sent: 4812, failed: 3, pending: 0, sending: 0, skipped: 41 },
      },
      { id: 'b', themeId, kind: 'check', slot: new Date('2027-01-25T08:00:00Z'), state: 'upcoming' },
    ],
  };
}

/**
 * Every template with realistic data, for every chosen theme and language:
 * the card gallery renders these and the tests check each one.
 */
export function listSampleCards(
  render: CardRenderer,
  themes: Theme[],
  rules: LocalRules,
  options: SampleOptions = {},
): SampleCard[] {
  const languages = options.languages ?? LANGUAGES;
  const chosen = themes.filter((theme) => !options.themeIds || options.themeIds.includes(theme.id));
  const samples: SampleCard[] = [];
  for (const language of languages) {
    const t = textsFor(language, rules);
    const add = (template: CardName, variant: string, card: AdaptiveCard, themeId?: ThemeId) =>
      samples.push({ template, variant, language, themeId, card });
    add('welcome', 'welcome', render('welcome', { t, commands: commands(language, rules) }));
    add('help', 'help', render('help', { t, commands: commands(language, rules) }));
    const choices = LANGUAGES.map((code) => ({ code, name: CATALOGUES[code].languageName }));
    add('language-choice', 'language-choice', render('language-choice', { t, choices }));
    for (const theme of chosen) {
      const text = localizeTheme(theme, language, rules);
      const right = text.quiz.options.findIndex((o) => o.correct);
      const wrong = text.quiz.options.findIndex((o) => !o.correct);
      add('nudge', 'nudge', nudgeCard(render, t, text), theme.id);
      add('nudge', 'nudge-expanded', nudgeCard(render, t, text, true), theme.id);
      add('check', 'check', checkCard(render, t, text), theme.id);
      add('quiz', 'quiz', quizCard(render, t, text, SAMPLE_USER_ID), theme.id);
      const result = (answer: QuizAnswer) => quizResultCard(render, t, text, answer, SAMPLE_USER_ID);
      add('quiz-result', 'quiz-result-right', result({ option: right }), theme.id);
      add('quiz-result', 'quiz-result-wrong', result({ option: wrong }), theme.id);
      // A refresh that knows only "wrong" (the chat reopened on another device).
      add('quiz-result', 'quiz-result-wrong-remembered', result({ right: false }), theme.id);
      const [first, ...others] = text.faq;
      if (first) {
        const related = others
          .slice(0, 3)
          .map((entry) => ({ theme: text.id, faqId: entry.id, question: entry.questions[0] ?? '' }));
        add(
          'answer',
          'answer',
          answerCard(render, t, { answer: first.answer, theme: text, faqId: first.id, related }),
          theme.id,
        );
      }
      add('topic-summary', 'topic-summary', topicSummaryCard(render, t, text), theme.id);
      add('meeting-kit', 'meeting-kit', meetingKitCard(render, t, text), theme.id);
      for (const sample of sampleReminderCards(render, t, language, text, theme === chosen[0]))
        add(sample.template, sample.variant, sample.card, theme.id);
    }
    for (const situation of URGENT_SITUATIONS) add('urgent', `urgent-${situation}`, urgentCard(render, t, situation));
    const topics = chosen.slice(0, 3).map((theme) => localizeTheme(theme, language, rules));
    const all = themes.map((theme) => localizeTheme(theme, language, rules));
    add('meeting-kit-choice', 'meeting-kit-choice', meetingKitChoiceCard(render, t, all));
    add('meeting-kit-choice', 'meeting-kit-choice-not-found', meetingKitChoiceCard(render, t, all, true));
    const fallback = questionFallbackCard(render, t, SAMPLE_QUESTION[language], topics, rules.itSupport);
    add('question-fallback', 'question-fallback', fallback);
    const maxAttachmentBytes = (options.maxAttachmentMb ?? 3) * 1_000_000;
    const form = { values: {}, errors: [], maxAttachmentBytes, language };
    add('report-form', 'report-form', reportFormCard(render, t, form));
    add('report-form', 'report-form-no-files', reportFormCard(render, t, { ...form, maxAttachmentBytes: 0 }));
    add(
      'report-form',
      'report-form-errors',
      reportFormCard(render, t, {
        ...form,
        values: { description: 'x'.repeat(20), details: 'noreply@example.com' },
        errors: [t.report.categoryRequired],
      }),
    );
    const library = createThemeLibrary(themes, rules);
    const first = chosen[0];
    if (first) {
      add('confirm-send', 'confirm-send', confirmSendCard(render, t, first.id, first.title[language]));
      add('confirm-send', 'confirm-send-pulse', confirmPulseCard(render, t, 'after'));
      add(
        'campaign-status',
        'campaign-status',
        campaignStatusCard(render, t, language, library, sampleStatus(first.id)),
      );
      const pulseText = options.pulse && localizePulse(options.pulse, language);
      const myData = { ...sampleMyData(first.id), pulse: pulseText };
      add('my-data', 'my-data', myDataCard(render, t, language, library, myData));
      const stats = sampleStatistics(first.id);
      add('statistics', 'statistics', statisticsCard(render, t, language, library, stats, 5, pulseText));
      add('statistics', 'statistics-empty', statisticsCard(render, t, language, library, undefined, 5));
    }
    add('delete-data', 'delete-data', deleteDataCard(render, t));
    if (options.pulse) {
      const pulse = localizePulse(options.pulse, language);
      for (const phase of PULSE_PHASES) add('pulse', `pulse-${phase}`, pulseCard(render, t, pulse, phase));
      const note = { values: { 'lock-screen': 'usually' as const }, note: t.pulse.empty };
      add('pulse', 'pulse-empty-submit', pulseCard(render, t, pulse, 'before', note));
      add('pulse-thanks', 'pulse-thanks', pulseThanksCard(render, t, pulse, 'before', samplePulseAnswers()));
      add('pulse-thanks', 'pulse-thanks-after', pulseThanksCard(render, t, pulse, 'after', samplePulseAnswers()));
    }
    for (const category of REPORT_CATEGORIES) {
      add('report-receipt', `report-receipt-${category}`, reportReceiptCard(render, t, 'MF-2026-000123', category));
    }
    const report = {
      reference: 'MF-2026-000123',
      kind: 'report' as const,
      category: t.report.categories['suspicious-email'],
      happenedAt: '2026-03-04 14:30',
      reportedBy: 'Kari Nordmann',
      content: {
        description: t.report.descriptionPlaceholder,
        details: 'noreply@example.com',
        attachmentNames: ['skjermbilde.png'],
      },
      fullText: 'mail' as const,
    };
    add('it-channel-report', 'it-channel-report', itChannelCard(render, t, report));
    // A description longer than the card's budget, as a reporter pasting a whole e-mail would send it.
    const long = { ...report.content, description: `${t.report.descriptionPlaceholder} `.repeat(200) };
    add('it-channel-report', 'it-channel-report-shortened', itChannelCard(render, t, { ...report, content: long }));
    // «Behandlet» after delivery: refleks has deleted the content, and the card says where it is.
    const handled = { ...report, content: undefined, handledAt: '2026-03-04 15:02' };
    add('it-channel-report', 'it-channel-report-handled', itChannelCard(render, t, handled));
  }
  return samples;
}
