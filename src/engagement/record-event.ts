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
 * Records what the user did, under their pseudonym. Counting must never spoil
 * the answer the user is waiting for, so a failing store is logged (type only)
 * and the turn goes on. Returns whether an event was stored.
 */
export async function recordEvent(
  turn: Turn,
  ctx: RouteContext,
  event: Pick<UsageEvent, 'type' | 'themeId' | 'subject' | 'value'>,
  policy: RecordPolicy = 'append',
): Promise<boolean> {
  try {
    const { tenantId } = personOf(turn);
    const pseudonym = pseudonymFor(turn, ctx);
    return await ctx.services.engagement.events.record({ ...event, tenantId, pseudonym, at: turn.receivedAt }, policy);
  } catch (error) {
    ctx.services.log.warn({ type: event.type, err: { message: (error as Error).message } }, 'event not recorded');
    return false;
  }
}
