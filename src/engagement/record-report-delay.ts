import type { RouteContext } from '../app/route';
import type { Turn } from '../domain/turn';
import { personOf, recordEvent } from './record-event';
import { delayBucket } from './report-delay';

/**
 * After a «Meld fra» report: the time since the person's most recent nudge,
 * as a bucket. "latest" keeps one value per person (their most recent
 * report), so the median describes people and someone who reports often
 * weighs no more than anyone else. Nobody is counted before their first nudge.
 * Like every count, it must never spoil the receipt the user is waiting for.
 */
export async function recordReportDelay(turn: Turn, ctx: RouteContext): Promise<void> {
  const { tenantId, aadObjectId } = personOf(turn);
  let nudgedAt: Date | undefined;
  try {
    nudgedAt = await ctx.services.engagement.lastNudgeSentAt(tenantId, aadObjectId, turn.receivedAt);
  } catch (error) {
    ctx.services.log.warn({ type: 'report-delay', err: { message: (error as Error).message } }, 'event not recorded');
    return;
  }
  if (!nudgedAt) return;
  const value = delayBucket(turn.receivedAt.getTime() - nudgedAt.getTime());
  await recordEvent(turn, ctx, { type: 'report-delay', value }, 'latest');
}
