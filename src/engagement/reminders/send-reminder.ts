import { reminderCard } from '../../cards/reminder-cards';
import type { CardRenderer } from '../../cards/render-card';
import type { LocalRules } from '../../content/local-rules-schema';
import type { ThemeLibrary } from '../../content/theme-library';
import type { ProactiveSender } from '../../domain/proactive';
import { resolveLanguage } from '../../i18n/resolve-language';
import { textsFor } from '../../i18n/texts-for';
import type { Logger } from '../../log/create-logger';
import { LedgerWriteLeftForStop, retryLedgerWrite } from '../../rollout/ledger-write';
import { decideDelivery, type RetryBudget } from '../../rollout/retry-budget';
import type { RecipientStore } from '../../stores/recipient-store';
import type { ClaimedReminder, ReminderStore } from '../../stores/reminder-store';

/** What sending a reminder needs, built in the composition root. */
export interface ReminderSendDeps {
  reminders: ReminderStore;
  recipients: RecipientStore;
  proactive: ProactiveSender;
  themes: ThemeLibrary;
  cards: CardRenderer;
  localRules: LocalRules;
  /** The rollout's budget (SEND_RETRY_SECONDS, SEND_GIVE_UP_HOURS): a reminder is not lost to an outage either. */
  retry: RetryBudget;
  /** How long the delete after a send is tried again while the store refuses it (the scheduler's lease). */
  writeRetryMs: number;
  /** Aborted by the scheduler's stop(): the delete is then not tried again, so stop() does not wait out the lease. */
  stopSignal: AbortSignal;
  log: Logger;
}

/**
 * `throttleMs`: the Bot Connector asked for a pause (429), the sender waits
 * this long before the next send. `unrecorded`: sent, but the row could not
 * be deleted; the caller must not send it again.
 */
export type SendResult = { throttleMs?: number; unrecorded?: true };

/**
 * One attempt at one claimed reminder, in the user's language at sending
 * time. Sent, or given up for good (the user removed the app or blocked the
 * bot): the row is deleted with its address. Temporary failures (429, 5xx,
 * timeouts, network) are tried again as in the rollout: after Retry-After or
 * with backoff, until the give-up time has passed since the reminder's first
 * failure.
 *
 * Counted from the first failure, as the rollout counts, not from the due
 * time: a reminder sent late because refleks itself was down (it goes out at
 * start-up) may meet a connector outage too, and would then get few retries
 * or none. The user asked for it; late is better than lost, and the card says
 * why it came.
 *
 * Only a refused delete after a send is handled here, since that is the one
 * that would send a message twice. Any other store error is thrown: no send
 * is known to have arrived, so the reminder is tried again when its lease runs out.
 */
export async function sendReminder(deps: ReminderSendDeps, claim: ClaimedReminder, now: Date): Promise<SendResult> {
  const { tenantId, aadObjectId, themeId } = claim;
  const fields = { tenantId, themeId, attempt: claim.attempts + 1 };
  const recipient = await deps.recipients.get(tenantId, aadObjectId);
  if (recipient && !recipient.active) {
    await deps.reminders.finish(claim);
    deps.log.info({ ...fields, outcome: 'dropped', reason: 'recipient-inactive' }, 'reminder not sent');
    return {};
  }
  const language = resolveLanguage(recipient?.language, recipient?.locale, claim.language);
  const card = reminderCard(deps.cards, textsFor(language, deps.localRules), deps.themes.text(themeId, language));
  const outcome = await deps.proactive.send(recipient?.address ?? claim.address, { kind: 'card', card });
  const retryingSince = claim.retryingSince?.getTime();
  const decision = decideDelivery(outcome, { attempts: claim.attempts, retryingSince }, now.getTime(), deps.retry);
  const status = outcome.status === 'failed' ? outcome.httpStatus : 201;

  if (decision.action === 'sent') {
    const lateMs = Math.max(0, now.getTime() - claim.dueAt.getTime());
    try {
      // As the rollout's ledger: a refused write (SQLITE_BUSY, a full disk) usually works a moment later.
      const finished = await retryLedgerWrite(() => deps.reminders.finish(claim), deps.writeRetryMs, deps.stopSignal);
      deps.log.info({ ...fields, outcome: 'sent', lateMs, finished }, 'reminder sent');
      return {};
    } catch (error) {
      // Cut short by stop(): nothing is known to be wrong with the store, and stop() gives it a last try.
      if (error instanceof LedgerWriteLeftForStop) {
        deps.log.info(
          { ...fields, outcome: 'sent', lateMs },
          'reminder sent; recording it is left to the last try at stop',
        );
        return { unrecorded: true };
      }
      const err = { message: (error as Error).message };
      deps.log.error({ ...fields, outcome: 'sent', lateMs, err }, 'reminder sent but not recorded; not sent again');
      return { unrecorded: true };
    }
  }
  if (decision.action === 'retry') {
    await deps.reminders.retry(claim, new Date(now.getTime() + decision.delayMs), decision.countsAsAttempt, now);
    deps.log.warn({ ...fields, outcome: 'retrying', status, delayMs: decision.delayMs }, 'reminder not sent yet');
    return decision.throttle ? { throttleMs: decision.delayMs } : {};
  }
  await deps.reminders.finish(claim);
  if (decision.deactivate) await deps.recipients.markInactive(tenantId, aadObjectId, now);
  const failingSince = claim.retryingSince?.toISOString();
  const failure = { ...fields, outcome: 'failed', status, reason: decision.reason, failingSince };
  if (decision.loud) deps.log.error(failure, 'reminder could not be sent');
  else deps.log.info(failure, 'recipient unreachable; reminder dropped and recipient marked inactive');
  return {};
}
