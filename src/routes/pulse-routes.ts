import type { Route, RouteContext } from '../app/route';
import { pulseCard, pulseThanksCard, type PulseAnswers } from '../cards/pulse-cards';
import { localizePulse } from '../content/localize-pulse';
import { isPulseAnswer, isPulsePhase, PULSE_QUESTION_IDS, type PulsePhase } from '../content/pulse-schema';
import type { Turn } from '../domain/turn';
import { recordAnswer } from '../engagement/record-event';
import { pulseSubject } from '../engagement/pulse-subject';
import { textsFor } from '../i18n/texts-for';
import { respondWithCard } from './card-actions';

const isPulseAction = (turn: Turn, name: string) =>
  (turn.kind === 'submit' || turn.kind === 'invoke') &&
  turn.action?.name === name &&
  isPulsePhase(turn.action.data.phase);

/** The choices in a submit, by question id; anything that is not a known question and option is ignored. */
export function readPulseAnswers(data: Record<string, unknown>): PulseAnswers {
  const chosen = PULSE_QUESTION_IDS.flatMap((id) => (isPulseAnswer(data[id]) ? [[id, data[id]] as const] : []));
  return Object.fromEntries(chosen);
}

function phaseOf(turn: Turn): PulsePhase {
  const phase = turn.action?.data.phase;
  if (!isPulsePhase(phase)) throw new RangeError('route selected a turn without a valid pulse phase');
  return phase;
}

const pulseOf = (ctx: RouteContext) => localizePulse(ctx.services.pulse, ctx.language);

/**
 * The pulse sent. Skipped questions are fine; with nothing chosen at all, the
 * card comes back with a kind note. Each answer is one event under the
 * pseudonym, keyed by phase and question, so answering the same phase again
 * replaces the earlier answer: the latest wins. The thank-you lists the
 * answers, so it comes only once they are stored; a store error reaches the
 * turn's error handler (sending again is safe: the latest wins).
 */
export const answerPulse: Route = {
  name: 'pulse-answer',
  select: (turn) => isPulseAction(turn, 'pulse-answer'),
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules);
    const phase = phaseOf(turn);
    const answers = readPulseAnswers(turn.action?.data ?? {});
    const entries = Object.entries(answers) as [keyof PulseAnswers, string][];
    if (entries.length === 0) {
      return respondWithCard(turn, pulseCard(ctx.services.cards, t, pulseOf(ctx), phase, { note: t.pulse.empty }));
    }
    for (const [questionId, value] of entries) {
      await recordAnswer(
        turn,
        ctx,
        { type: 'pulse-answered', subject: pulseSubject(phase, questionId), value },
        'latest',
      );
    }
    return respondWithCard(turn, pulseThanksCard(ctx.services.cards, t, pulseOf(ctx), phase, answers));
  },
};

/** «Endre svarene» on the thank-you: the pulse again, with what the person chose filled in. */
export const reopenPulse: Route = {
  name: 'pulse-open',
  select: (turn) => isPulseAction(turn, 'pulse-open'),
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules);
    const values = readPulseAnswers(turn.action?.data ?? {});
    return respondWithCard(turn, pulseCard(ctx.services.cards, t, pulseOf(ctx), phaseOf(turn), { values }));
  },
};
