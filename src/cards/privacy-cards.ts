import type { Language } from '../content/languages';
import type { PulseText } from '../content/localize-pulse';
import type { ThemeLibrary } from '../content/theme-library';
import type { ThemeId } from '../content/theme-schema';
import type { Recipient } from '../domain/recipient';
import type { AdaptiveCard } from '../domain/turn';
import type { MyDataSummary } from '../engagement/summarise-my-data';
import { CATALOGUES, interpolate, type Catalogue } from '../i18n/catalogue';
import type { PersonalDelivery } from '../stores/delivery-store';
import type { ReportSummary } from '../stores/report-outbox-store';
import { when } from './campaign-cards';
import { ledgerFacts, reportFacts } from './my-data-facts';
import { reminderWhen } from './reminder-cards';
import type { CardRenderer } from './render-card';

export interface MyData {
  recipient?: Recipient;
  summary: MyDataSummary;
  /** Reminders waiting to be sent, from the reminder store. */
  reminders: { themeId: ThemeId; dueAt: Date }[];
  /** The person's rows in the delivery ledger: which tips and messages were sent to them, and when. */
  deliveries: PersonalDelivery[];
  /** Meld fra reports and «Spør IT» questions still in the outbox under the person's id. */
  reports: ReportSummary[];
  /** Files waiting in the person's open Meld fra form; undefined when no form is open. */
  reportDraftFiles?: number;
  minGroupSize: number;
  retentionMonths: number;
  /** The pulse's words, to show the person's own pulse answers. */
  pulse?: PulseText;
}

/** Everything refleks holds about the reader, in words: the right of access, made easy. */
export function myDataCard(
  render: CardRenderer,
  t: Catalogue,
  language: Language,
  themes: ThemeLibrary,
  data: MyData,
): AdaptiveCard {
  const m = t.engagement.myData;
  const title = (id: Parameters<ThemeLibrary['text']>[0]) => themes.text(id, language).title;
  const list = (items: string[]) => (items.length > 0 ? items.join('; ') : m.none);
  const checkAnswer = (value: string) => t.check.answers[value as keyof Catalogue['check']['answers']] ?? value;
  const { recipient, summary } = data;
  const person = recipient
    ? [
        {
          title: m.language,
          value: recipient.language ? CATALOGUES[recipient.language].languageName : m.languageFromTeams,
        },
        { title: m.paused, value: recipient.paused ? m.yes : m.no },
        { title: m.firstSeen, value: when(recipient.firstSeen, language) },
        { title: m.lastSeen, value: when(recipient.lastSeen, language) },
      ]
    : [];
  const facts = [
    ...person,
    ...ledgerFacts(t, language, themes, data.deliveries),
    { title: m.commitments, value: list(summary.commitments.map(title)) },
    {
      title: m.quiz,
      value: list(summary.quiz.map((q) => `${title(q.themeId)}: ${q.value === 'right' ? m.right : m.wrong}`)),
    },
    { title: m.checks, value: list(summary.checks.map((c) => `${title(c.themeId)}: ${checkAnswer(c.value)}`)) },
    { title: m.pauses, value: String(summary.pauses) },
    { title: m.pauseThemes, value: list(summary.pauseThemes.map(title)) },
    { title: m.meetingKits, value: list(summary.meetingKits.map(title)) },
    { title: m.reports, value: String(summary.reports) },
    ...reportFacts(t, data.reports, data.reportDraftFiles),
    { title: t.reminders.myData.title, value: list(reminderLines(t, language, title, data)) },
    { title: m.reportDelay, value: summary.reportDelay ? t.engagement.delay[summary.reportDelay] : m.none },
    { title: m.questions, value: interpolate(m.questionsValue, summary.questions) },
    {
      title: m.answerRatings,
      value: list(
        summary.answerRatings.map((r) => `${title(r.themeId)}: ${r.value === 'yes' ? m.helpful : m.notHelpful}`),
      ),
    },
    ...pulseFacts(t, data),
  ];
  const intro = interpolate(m.intro, { min: data.minGroupSize, months: data.retentionMonths });
  return render('my-data', { t, intro, facts });
}

/** Waiting reminders with their time; earlier ones (counted under the pseudonym) as sent. */
function reminderLines(t: Catalogue, language: Language, title: (id: ThemeId) => string, data: MyData): string[] {
  const r = t.reminders.myData;
  const waiting = data.reminders.map((reminder) =>
    interpolate(r.coming, { title: title(reminder.themeId), when: reminderWhen(reminder.dueAt, t, language) }),
  );
  const done = data.summary.reminders
    .filter((themeId) => !data.reminders.some((reminder) => reminder.themeId === themeId))
    .map((themeId) => interpolate(r.done, { title: title(themeId) }));
  return [...waiting, ...done];
}

/** The person's own pulse answers, e.g. "Før – Låser skjermen: Som regel"; nothing when there are none. */
function pulseFacts(t: Catalogue, data: MyData): { title: string; value: string }[] {
  const { pulse } = data;
  if (!pulse || data.summary.pulse.length === 0) return [];
  const answers = data.summary.pulse.map((a) => {
    const question = pulse.questions.find((q) => q.id === a.questionId)?.label ?? a.questionId;
    const answer = pulse.answers.find((option) => option.id === a.value)?.title ?? a.value;
    return `${t.pulse.phaseShort[a.phase]} – ${question}: ${answer}`;
  });
  return [{ title: t.pulse.name, value: answers.join('; ') }];
}

export function deleteDataCard(render: CardRenderer, t: Catalogue): AdaptiveCard {
  return render('delete-data', { t });
}
