import type { Logger } from '../../log/create-logger';
import type { ClaimedReminder, ReminderStore } from '../../stores/reminder-store';

/** One reminder, not a newer one the user set for the same theme since. */
export const reminderKey = (r: ClaimedReminder) =>
  `${r.tenantId}/${r.aadObjectId}/${r.themeId}/${r.createdAt.toISOString()}`;

/**
 * Reminders this process sent whose rows the store would not delete, even
 * after retrying for a lease. Only this memory stops a second send once the
 * lease runs out, so the scheduler checks it before every send and deletes the
 * rows first on each pass (and on stop). Like the rollout's unrecorded sends:
 * lost if the process exits before the store takes the write.
 */
export interface UnrecordedSends {
  remember(claim: ClaimedReminder): void;
  has(claim: ClaimedReminder): boolean;
  /** One try to delete the row; never throws. If the store still refuses, it stays remembered. */
  finish(claim: ClaimedReminder): Promise<void>;
  /**
   * One try for each remembered reminder. `lastTry`: the process is stopping,
   * so a reminder still refused is lost from memory and may be sent again.
   */
  finishAll(lastTry?: boolean): Promise<void>;
}

export function unrecordedSends(store: ReminderStore, log: Logger): UnrecordedSends {
  const sent = new Map<string, ClaimedReminder>();

  async function finish(claim: ClaimedReminder, lastTry = false): Promise<void> {
    const fields = { tenantId: claim.tenantId, themeId: claim.themeId };
    let finished: boolean;
    try {
      finished = await store.finish(claim);
    } catch (error) {
      // One try a pass is enough: the next pass (REMINDER_INTERVAL_SECONDS) is the retry, and it never sends this one.
      const err = { message: (error as Error).message };
      if (lastTry)
        log.error({ ...fields, err }, 'a sent reminder is not recorded at stop; it may be sent again after its lease');
      else log.warn({ ...fields, err }, 'a sent reminder is still not recorded; it is not sent again, tried next pass');
      return;
    }
    sent.delete(reminderKey(claim));
    if (finished) log.info(fields, 'an earlier reminder send recorded now that the store takes writes');
    // The user replaced or deleted it, or another instance took it over after the lease: no longer ours.
    else log.warn(fields, 'an earlier reminder send not recorded: the reminder was replaced or taken over');
  }

  return {
    remember: (claim) => void sent.set(reminderKey(claim), claim),
    has: (claim) => sent.has(reminderKey(claim)),
    finish: (claim) => finish(claim),
    async finishAll(lastTry = false) {
      for (const claim of [...sent.values()]) await finish(claim, lastTry);
    },
  };
}
