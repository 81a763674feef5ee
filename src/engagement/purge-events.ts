import cron from 'node-cron';
import { CAMPAIGN_TIME_ZONE } from '../calendar/oslo-time';
import type { Logger } from '../log/create-logger';
import type { EventStore } from '../stores/event-store';

/** The oldest moment kept: the same day and time, `months` calendar months back (UTC). */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function purgeExpiredEvents(events: EventStore, months: number, now: Date): Promise<number> {
  return events.purgeBefore(retentionCutoff(now, months));
}

/**
 * EVENT_RETENTION_MONTHS: purge at start-up and every night, so a service that
 * is restarted often or never both keep the promise made to employees.
 */
export function startEventPurge(
  events: EventStore,
  months: number,
  log: Logger,
  clock: () => Date = () => new Date(),
): { stop(): void } {
  const purge = () =>
    purgeExpiredEvents(events, months, clock()).then(
      (purged) => log.info({ purged, retentionMonths: months }, 'expired usage events purged'),
      (error: unknown) => log.error({ err: { message: (error as Error).message } }, 'event purge failed'),
    );
  const task = cron.schedule('17 3 * * *', purge, { timezone: CAMPAIGN_TIME_ZONE, name: 'refleks-event-purge' });
  void purge();
  return { stop: () => void task.stop() };
}
