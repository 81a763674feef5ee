import type { PulseText } from '../content/localize-pulse';
import type { PulseAnswer, PulsePhase, PulseQuestionId } from '../content/pulse-schema';
import type { AdaptiveCard } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import type { CardRenderer } from './render-card';

/** What one person chose, by question; skipped questions are simply absent. */
export type PulseAnswers = Partial<Record<PulseQuestionId, PulseAnswer>>;

const badgeOf = (t: Catalogue, phase: PulsePhase) => `${t.pulse.name} · ${t.pulse.phase[phase]}`;

/**
 * The pulse: every question as a compact choice, none required, because
 * skipping is fine. `values` keeps what the person chose when the card comes
 * back; `note` says kindly why it came back.
 */
export function pulseCard(
  render: CardRenderer,
  t: Catalogue,
  pulse: PulseText,
  phase: PulsePhase,
  input: { values?: PulseAnswers; note?: string } = {},
): AdaptiveCard {
  return render('pulse', {
    t,
    phase,
    badge: badgeOf(t, phase),
    intro: t.pulse.intro[phase],
    note: input.note ?? '',
    // Every value is a string so the template never shows an unexpanded ${...}.
    questions: pulse.questions.map((q) => ({ id: q.id, text: q.text, value: input.values?.[q.id] ?? '' })),
    answers: pulse.answers,
  });
}

/**
 * Replaces the pulse after sending: thanks, that answers count only in
 * aggregate, what was chosen, and a way to change it (the same phase again
 * replaces the earlier answers).
 */
export function pulseThanksCard(
  render: CardRenderer,
  t: Catalogue,
  pulse: PulseText,
  phase: PulsePhase,
  answers: PulseAnswers,
): AdaptiveCard {
  const facts = pulse.questions.flatMap((q) => {
    const title = pulse.answers.find((a) => a.id === answers[q.id])?.title;
    return title ? [{ title: q.label, value: title }] : [];
  });
  return render('pulse-thanks', {
    t,
    badge: badgeOf(t, phase),
    answeredLine: interpolate(t.pulse.thanksAnswered, { answered: facts.length, total: pulse.questions.length }),
    facts,
    next: t.pulse.thanksNext[phase],
    changeData: { phase, ...answers },
    changeSubmitData: { action: 'pulse-open', phase, ...answers },
  });
}
