import type { Route } from '../app/route';
import { checkPickedDay, defaultReminderTime, type PickedDay } from '../calendar/reminder-time';
import { reminderChoiceCard, reminderSetCard } from '../cards/reminder-cards';
import type { Turn } from '../domain/turn';
import { personOf, recordEvent } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';
import { isThemeCardAction, respondWithCard, themeOf } from './card-actions';

/**
 * Only in the personal chat: the reminder is sent back where it was asked
 * for, and a reminder meant for one person must never land in a team.
 */
const isReminderAction = (turn: Turn, name: string) =>
  isThemeCardAction(turn, name) && (turn.conversationType === undefined || turn.conversationType === 'personal');

/**
 * The suggested Friday carries its day, so the user gets the day the button
 * showed. On a card left lying until that day has passed, the suggestion is
 * worked out again from today.
 */
function suggestedDay(day: unknown, now: Date): PickedDay {
  const checked = checkPickedDay(day, now);
  return checked.ok ? checked : { ok: true, at: defaultReminderTime(now) };
}

/** «Minn meg på det» on a nudge (or «Velg en annen dag» on the confirmation): when? */
export const openReminder: Route = {
  name: 'reminder-open',
  select: (turn) => isReminderAction(turn, 'remind'),
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules);
    return respondWithCard(
      turn,
      reminderChoiceCard(ctx.services.cards, t, ctx.language, themeOf(turn, ctx), turn.receivedAt),
    );
  },
};

/**
 * The chosen time: stored (replacing an earlier reminder for the same theme,
 * so pressing twice never means two messages), counted once per person and
 * theme, and confirmed with the exact day. A day that cannot be used brings
 * the choice back with a kind word and the user's day still in the field.
 */
export const setReminder: Route = {
  name: 'reminder-set',
  select: (turn) => isReminderAction(turn, 'remind-set'),
  async handle(turn, ctx) {
    const { services, language } = ctx;
    const t = textsFor(language, services.localRules);
    const theme = themeOf(turn, ctx);
    const data = turn.action?.data ?? {};
    const now = turn.receivedAt;
    const picked = data.choice === 'default' ? suggestedDay(data.defaultDay, now) : checkPickedDay(data.pickedDay, now);
    if (!picked.ok) {
      const pickedDay = typeof data.pickedDay === 'string' ? data.pickedDay : undefined;
      const card = reminderChoiceCard(services.cards, t, language, theme, now, { pickedDay, problem: picked.problem });
      return respondWithCard(turn, card);
    }
    const { tenantId, aadObjectId } = personOf(turn);
    const { replaced } = await services.engagement.reminders.set({
      tenantId,
      aadObjectId,
      themeId: theme.id,
      dueAt: picked.at,
      address: turn.address,
      language,
      createdAt: now,
    });
    await recordEvent(turn, ctx, { type: 'reminder-set', themeId: theme.id }, 'first');
    services.log.info({ themeId: theme.id, replaced }, 'reminder set');
    return respondWithCard(turn, reminderSetCard(services.cards, t, language, theme, picked.at, replaced));
  },
};
