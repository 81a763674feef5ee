import type { RouteContext } from '../app/route';
import type { Turn } from '../domain/turn';
import type { RecordPolicy, UsageEvent } from './usage-event';

/** Who acts: in local mode (Agents Playground) ids may be missing, so fall back to the chat's user id. */
export const personOf = (turn: Turn) => ({
  tenantId: turn.tenantId ?? 'local',
  aadObjectId: turn.aadObjectId ?? turn.address.userId,
});

export const pseudonymFor = (turn: Turn, ctx: RouteContext) => {
  const { tenantId, aadObjectId } = personOf(turn);
  return ctx.services.engagement.pseudonymOf(tenantId, aadObjectId);
};

/**
 * Stores an answer the person gave (the pulse, a check or quiz answer, a
 * commitment), under their pseudonym. The stored answer is the whole point of
 * these actions, so a store error is not swallowed: it reaches the turn's
 * error handler, and the user hears that it may not have been saved instead
 * of a thank-you. Returns false only when the policy "first" found the answer
 * already stored.
 */
export async function recordAnswer(
  turn: Turn,
  ctx: RouteContext,
  event: Pick<UsageEvent, 'type' | 'themeId' | 'subject' | 'value'>,
  policy: RecordPolicy = 'append',
): Promise<boolean> {
  const { tenantId } = personOf(turn);
  const pseudonym = pseudonymFor(turn, ctx);
  return ctx.services.engagement.events.record({ ...event, tenantId, pseudonym, at: turn.receivedAt }, policy);
}

/**
 * Counts what the user did (a question asked, 👍/👎, a meeting kit opened),
 * under their pseudonym. A count must never spoil the answer the user is
 * waiting for, so a failing store is logged (type only) and the turn goes on.
 * Returns whether an event was stored.
 */
export async function recordEvent(
  turn: Turn,
  ctx: RouteContext,
  event: Pick<UsageEvent, 'type' | 'themeId' | 'subject' | 'value'>,
  policy: RecordPolicy = 'append',
): Promise<boolean> {
  try {
    return await recordAnswer(turn, ctx, event, policy);
  } catch (error) {
    ctx.services.log.warn({ type: event.type, err: { message: (error as Error).message } }, 'event not recorded');
    return false;
  }
}
