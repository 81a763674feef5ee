import cron from 'node-cron';
import { CAMPAIGN_TIME_ZONE } from '../calendar/oslo-time';
import type { Logger } from '../log/create-logger';
import type { EventStore, PersonalDataStore } from '../stores/event-store';

/** The oldest moment kept: the same day and time, `months` calendar months back (UTC). */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function purgeExpiredEvents(events: EventStore, months: number, now: Date): Promise<number> {
  return events.purgeBefore(retentionCutoff(now, months));
}

/** What the nightly purge deletes from. */
export interface RetentionStores {
  events: EventStore;
  personalData: PersonalDataStore;
}

/**
 * EVENT_RETENTION_MONTHS: purge at start-up and every night, so a service that
 * is restarted often or never both keep the promise made to employees. Events
 * older than the period go, and so does everyone who removed the app (or
 * cannot be reached) and has neither been seen nor sent anything for as long,
 * with their ledger rows, reminders and Meld fra form: otherwise an uninstall
 * would keep their ids and chat address for ever. Counts only in the log.
 */
export function startNightlyPurge(
  stores: RetentionStores,
  months: number,
  log: Logger,
  clock: () => Date = () => new Date(),
): { stop(): void } {
  const failed = (what: string) => (error: unknown) =>
    log.error({ err: { message: (error as Error).message } }, `${what} purge failed`);
  const purge = async () => {
    const cutoff = retentionCutoff(clock(), months);
    await stores.events
      .purgeBefore(cutoff)
      .then((purged) => log.info({ purged, retentionMonths: months }, 'expired usage events purged'), failed('event'));
    await stores.personalData
      .purgeInactive(cutoff)
      .then(
        (purged) => log.info({ purged, retentionMonths: months }, 'inactive recipients purged'),
        failed('recipient'),
      );
  };
  const task = cron.schedule('17 3 * * *', purge, { timezone: CAMPAIGN_TIME_ZONE, name: 'refleks-nightly-purge' });
  void purge();
  return { stop: () => void task.stop() };
}
