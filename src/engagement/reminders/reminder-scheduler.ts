import { sendReminder, type ReminderSendDeps, type SendResult } from './send-reminder';
import { reminderKey, unrecordedSends } from './unrecorded-sends';
import { newLeaseHolder } from '../../domain/lease-holder';
import { createPeriodicPass } from '../../domain/periodic-pass';
import type { ClaimedReminder } from '../../stores/reminder-store';

export interface ReminderScheduler {
  /** Sends what is overdue at once (after downtime: late, but once), then wakes every interval. */
  start(): void;
  /**
   * Stops the timer, waits for the send in flight (a refused delete is then not tried again),
   * gives untried claims back and makes one last try to record unrecorded sends.
   */
  stop(): Promise<void>;
  /** One pass over everything due; for tests and start(). */
  runOnce(): Promise<void>;
}

export interface ReminderSchedulerDeps extends Omit<ReminderSendDeps, 'writeRetryMs' | 'stopSignal'> {
  intervalMs: number;
  clock?: () => Date;
  /** How long a refused delete after a send is tried again: a lease, as in the rollout; shorter in tests. */
  writeRetryMs?: number;
}

const BATCH = 10;
/** The Bot Connector timeout of one send (createProactiveSender's default). */
const SEND_TIMEOUT_MS = 15_000;
/**
 * Longer than a whole batch of sends that each run into the timeout, so a
 * live sender never loses a claim mid-batch; a crashed one's claims are
 * taken over when it runs out.
 */
export const REMINDER_LEASE_MS = 2 * BATCH * SEND_TIMEOUT_MS;
/**
 * A send starts only with this much of its claim's lease left: the whole
 * timeout and half as much again to record it, as in the rollout. Reached only
 * when an earlier reminder's delete was retried for long; the rest of the
 * batch is then given back instead of being sent after another sender may
 * have taken it.
 */
const SEND_WINDOW_MS = 1.5 * SEND_TIMEOUT_MS;

/**
 * Wakes regularly and sends the reminders that are due. Each is claimed with
 * a lease first (one atomic step in the store), so two instances never send
 * the same one, and one claimed by a sender that crashed is sent when its
 * lease runs out. Everything lives in the store, so restarts lose nothing.
 */
export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  const now = deps.clock ?? (() => new Date());
  const owner = newLeaseHolder();
  // A stop ends a refused delete's retries at once: the reminder is then remembered as sent, and stop() tries once more.
  const halt = new AbortController();
  const writeRetryMs = deps.writeRetryMs ?? REMINDER_LEASE_MS;
  const sendDeps: ReminderSendDeps = { ...deps, writeRetryMs, stopSignal: halt.signal };
  // Sent but not deleted: never sent again by this process, and deleted first on each pass.
  const unrecorded = unrecordedSends(deps.reminders, deps.log);
  let pausedUntil = 0;
  const paused = () => periodic.stopped || now().getTime() < pausedUntil;
  const ids = (claim: ClaimedReminder) => ({ tenantId: claim.tenantId, themeId: claim.themeId });

  /** Best effort: if the store refuses, the claim comes back when its lease runs out. */
  async function giveBack(claim: ClaimedReminder): Promise<void> {
    await deps.reminders.release(claim).catch((error: unknown) => {
      const err = { message: (error as Error).message };
      deps.log.warn({ ...ids(claim), err }, 'reminder claim not given back; free again when its lease runs out');
    });
  }

  /** One reminder's failure (a refused write, a card that cannot be built) must not end the pass for the rest. */
  async function attempt(claim: ClaimedReminder): Promise<SendResult> {
    return sendReminder(sendDeps, claim, now()).catch((error: unknown) => {
      const err = { message: (error as Error).message };
      deps.log.error({ ...ids(claim), err }, 'reminder not handled; tried again when its lease runs out');
      return {};
    });
  }

  async function pass(): Promise<void> {
    await unrecorded.finishAll();
    // Each reminder is tried at most once a pass. The first retries come within
    // a second, so in a long pass during an outage a reminder would otherwise
    // be due again before the pass ends, and the pass would hammer the
    // connector in a loop instead of waiting for the next wake-up.
    const tried = new Set<string>();
    while (!paused()) {
      const claimedAt = now();
      const claims = await deps.reminders.claimDue(claimedAt, REMINDER_LEASE_MS, owner, BATCH);
      const leaseEnds = claimedAt.getTime() + REMINDER_LEASE_MS;
      let triedAgain = false;
      for (const claim of claims) {
        const key = reminderKey(claim);
        const again = tried.has(key);
        triedAgain ||= again;
        if (unrecorded.has(claim))
          await unrecorded.finish(claim); // already sent by this process
        // Stopping, throttled by a 429, tried once this pass already, or too little lease left:
        // given back for the next pass or another sender.
        else if (again || paused() || leaseEnds - now().getTime() < SEND_WINDOW_MS) await giveBack(claim);
        else {
          tried.add(key);
          const { throttleMs, unrecorded: sentUnrecorded } = await attempt(claim);
          if (sentUnrecorded) unrecorded.remember(claim);
          if (throttleMs !== undefined) pausedUntil = now().getTime() + throttleMs;
        }
      }
      if (claims.length < BATCH || triedAgain) return;
    }
  }

  const periodic = createPeriodicPass(pass, {
    intervalMs: deps.intervalMs,
    onError: (error) =>
      deps.log.error({ err: { message: (error as Error).message } }, 'reminder pass failed; will try again'),
  });

  return {
    start: periodic.start,
    async stop() {
      halt.abort();
      await periodic.stop();
      // A last try: this memory ends with the process, and the row would then be sent again.
      await unrecorded.finishAll(true);
    },
    runOnce: periodic.run,
  };
}
