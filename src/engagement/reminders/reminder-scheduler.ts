import { sendReminder, type ReminderSendDeps } from './send-reminder';
import { newLeaseHolder } from '../../domain/lease-holder';
import { createPeriodicPass } from '../../domain/periodic-pass';
import type { ClaimedReminder } from '../../stores/reminder-store';

export interface ReminderScheduler {
  /** Sends what is overdue at once (after downtime: late, but once), then wakes every interval. */
  start(): void;
  /** Stops the timer, waits for the send in flight and gives untried claims back. */
  stop(): Promise<void>;
  /** One pass over everything due; for tests and start(). */
  runOnce(): Promise<void>;
}

export interface ReminderSchedulerDeps extends ReminderSendDeps {
  intervalMs: number;
  clock?: () => Date;
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

/** One reminder, not a newer one the user set for the same theme since. */
const reminderKey = (r: ClaimedReminder) => `${r.tenantId}/${r.aadObjectId}/${r.themeId}/${r.createdAt.toISOString()}`;

/**
 * Wakes regularly and sends the reminders that are due. Each is claimed with
 * a lease first (one atomic step in the store), so two instances never send
 * the same one, and one claimed by a sender that crashed is sent when its
 * lease runs out. Everything lives in the store, so restarts lose nothing.
 */
export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  const now = deps.clock ?? (() => new Date());
  const owner = newLeaseHolder();
  let pausedUntil = 0;
  const paused = () => periodic.stopped || now().getTime() < pausedUntil;

  async function pass(): Promise<void> {
    // Each reminder is tried at most once a pass. The first retries come within
    // a second, so in a long pass during an outage a reminder would otherwise
    // be due again before the pass ends, and the pass would hammer the
    // connector in a loop instead of waiting for the next wake-up.
    const tried = new Set<string>();
    while (!paused()) {
      const claims = await deps.reminders.claimDue(now(), REMINDER_LEASE_MS, owner, BATCH);
      let triedAgain = false;
      for (const claim of claims) {
        const key = reminderKey(claim);
        triedAgain ||= tried.has(key);
        // Stopping, throttled by a 429, or tried once this pass already: given back for the next pass or another sender.
        if (paused() || tried.has(key)) await deps.reminders.release(claim);
        else {
          tried.add(key);
          const { throttleMs } = await sendReminder(deps, claim, now());
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

  return { start: periodic.start, stop: periodic.stop, runOnce: periodic.run };
}
