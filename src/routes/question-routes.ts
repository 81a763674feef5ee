import type { Route, RouteContext } from '../app/route';
import { topicSummaryCard } from '../cards/question-cards';
import { MAX_DESCRIPTION_LENGTH } from '../cards/report-cards';
import { isThemeId } from '../content/theme-library';
import type { Turn, TurnResult } from '../domain/turn';
import { questionEvent } from '../engagement/question-event';
import { recordEvent } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';
import type { AskOptions } from '../questions/question-answer';
import { repliesFor } from './question-replies';

/** Longer text is cut before it reaches the engine: a question fits well within this. */
const MAX_QUESTION_LENGTH = 1000;

const isSubmit = (turn: Turn, name: string) => turn.kind === 'submit' && turn.action?.name === name;
const questionIn = (turn: Turn) => {
  const question = turn.action?.data.question;
  return typeof question === 'string' ? question.trim() : '';
};

/** The entry a pressed question button names; anything else there is ignored and the wording decides. */
const pickedIn = (turn: Turn): AskOptions['picked'] => {
  const { theme, faq } = turn.action?.data ?? {};
  return isThemeId(theme) && typeof faq === 'string' && faq !== '' ? { theme, faqId: faq } : undefined;
};

async function answer(
  question: string,
  turn: Turn,
  ctx: RouteContext,
  picked?: AskOptions['picked'],
): Promise<TurnResult> {
  const { services, language } = ctx;
  const ranked = services.questions.rank(question.slice(0, MAX_QUESTION_LENGTH), { userLanguage: language, picked });
  // What the user received only breaks a tie, and most questions have one clear theme: no read for those.
  const { tenantId, aadObjectId } = turn;
  const tied = ranked.tiedThemes.length > 1 && tenantId && aadObjectId;
  const result = ranked.answer(tied ? await services.recentThemeIds(tenantId, aadObjectId) : []);
  const asked = questionEvent(result);
  if (asked) await recordEvent(turn, ctx, asked);
  // «Spør IT» on a «not sure» card forwards what the user wrote, not only the part the engine read.
  return { replies: repliesFor({ ...result, question: question.slice(0, MAX_DESCRIPTION_LENGTH) }, services) };
}

/** Any text that is not a command is a question. Commands come earlier in the route list. */
export const answerQuestion: Route = {
  name: 'question',
  select: (turn) => turn.kind === 'message',
  async handle(turn, ctx) {
    const question = turn.text?.trim() ?? '';
    if (!question) {
      return { replies: [{ kind: 'text', text: textsFor(ctx.language, ctx.services.localRules).fallback.text }] };
    }
    return answer(question, turn, ctx);
  },
};

/** A related question or a topic's example question, pressed on a card. */
export const askFollowUp: Route = {
  name: 'question-follow-up',
  select: (turn) => isSubmit(turn, 'ask') && questionIn(turn) !== '',
  handle: (turn, ctx) => answer(questionIn(turn), turn, ctx, pickedIn(turn)),
};

/** A topic offered when the engine would not guess: its habit and a few questions to ask. */
export const showTopic: Route = {
  name: 'question-topic',
  select: (turn) => isSubmit(turn, 'ask-topic') && isThemeId(turn.action?.data.theme),
  async handle(turn, { services, language }) {
    const id = turn.action?.data.theme;
    if (!isThemeId(id)) throw new RangeError('route selected a turn without a valid theme');
    const t = textsFor(language, services.localRules);
    return {
      replies: [{ kind: 'card', card: topicSummaryCard(services.cards, t, services.themes.text(id, language)) }],
    };
  },
};

/**
 * 👍/👎 on an answer card. The card sends a boolean; anything else (a button
 * made by hand) is an unknown button rather than a 👎 the user never gave.
 */
export const thankForFeedback: Route = {
  name: 'question-feedback',
  select: (turn) => isSubmit(turn, 'feedback') && typeof turn.action?.data.helpful === 'boolean',
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules);
    const helpful = turn.action?.data.helpful === true;
    const theme = turn.action?.data.theme;
    // Counted in aggregate only; the latest vote per person and theme stands.
    if (isThemeId(theme))
      await recordEvent(turn, ctx, { type: 'feedback', themeId: theme, value: helpful ? 'yes' : 'no' }, 'latest');
    return {
      replies: [{ kind: 'text', text: helpful ? t.questions.feedback.helpful : t.questions.feedback.notHelpful }],
    };
  },
};
