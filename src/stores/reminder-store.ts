import type { Language } from '../content/languages';
import type { ThemeId } from '../content/theme-schema';
import type { ConversationAddress } from '../domain/conversation-address';

/** «Minn meg på det»: one reminder per person and theme, until it is sent. */
export interface Reminder {
  tenantId: string;
  aadObjectId: string;
  themeId: ThemeId;
  dueAt: Date;
  /** Where to send it: the chat the user pressed the button in (ids only, no names). */
  address: ConversationAddress;
  /** The user's language when they asked; the sender prefers their language at sending time. */
  language: Language;
  createdAt: Date;
}

/** A reminder leased to one sender; only the owner may finish it, and only while no one else has taken it. */
export interface ClaimedReminder extends Reminder {
  owner: string;
  attempts: number;
  /** When this reminder first failed with a temporary error; undefined before that. */
  retryingSince?: Date;
}

/**
 * Reminders waiting to be sent. Every method is one atomic step, so the
 * store can live in SQLite or in a network store (Azure Table Storage with
 * ETags) and several instances can share it.
 */
export interface ReminderStore {
  /**
   * Sets the person's reminder for the theme, replacing an earlier one (also
   * one being sent: its sender can then no longer finish it). Returns whether
   * an earlier one was replaced.
   */
  set(reminder: Reminder): Promise<{ replaced: boolean }>;
  /** The person's reminders not yet sent, soonest first: for «mine data». */
  listFor(tenantId: string, aadObjectId: string): Promise<Reminder[]>;
  /**
   * Leases up to `limit` reminders whose next attempt is due and that no one
   * else holds (or whose holder's lease ran out, e.g. it crashed mid-send).
   */
  claimDue(now: Date, leaseMs: number, owner: string, limit: number): Promise<ClaimedReminder[]>;
  /** Sent (or given up): the row is deleted, with the address in it. False if the lease was lost. */
  finish(claim: ClaimedReminder): Promise<boolean>;
  /**
   * Not sent yet: try again at `nextAttemptAt`. `failedAt` is kept as the
   * first failure if there was none before, so the give-up time survives restarts.
   */
  retry(claim: ClaimedReminder, nextAttemptAt: Date, countsAsAttempt: boolean, failedAt: Date): Promise<void>;
  /** Gives a claim back untried (graceful shutdown), so another sender takes it at once. */
  release(claim: ClaimedReminder): Promise<void>;
}
