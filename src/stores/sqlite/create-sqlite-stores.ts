import type { DeliveryStore } from '../delivery-store';
import { flushPending } from './commit-together';
import type { EventStore, PersonalDataStore } from '../event-store';
import type { RecipientStore, StorageHealth } from '../recipient-store';
import type { ReminderStore } from '../reminder-store';
import type { ItChannelStore, ReportDraftStore, ReportOutboxStore } from '../report-outbox-store';
import { openSqlite } from './open-sqlite';
import { createSqliteDeliveryStore } from './sqlite-delivery-store';
import { createSqliteEventStore, createSqlitePersonalDataStore } from './sqlite-event-store';
import { createSqliteRecipientStore } from './sqlite-recipient-store';
import { createSqliteReminderStore } from './sqlite-reminder-store';
import { createSqliteItChannelStore, createSqliteReportDraftStore } from './sqlite-report-draft-store';
import { createSqliteReportOutboxStore } from './sqlite-report-outbox-store';

export interface Stores {
  recipients: RecipientStore;
  deliveries: DeliveryStore;
  reportOutbox: ReportOutboxStore;
  reportDrafts: ReportDraftStore;
  itChannels: ItChannelStore;
  events: EventStore;
  personalData: PersonalDataStore;
  reminders: ReminderStore;
  health: StorageHealth;
}

/** The embedded default: one SQLite file in dataDir, no server needed. */
export function createSqliteStores(dataDir: string): Stores {
  const db = openSqlite(dataDir);
  return {
    recipients: createSqliteRecipientStore(db),
    deliveries: createSqliteDeliveryStore(db),
    reportOutbox: createSqliteReportOutboxStore(db),
    reportDrafts: createSqliteReportDraftStore(db),
    itChannels: createSqliteItChannelStore(db),
    events: createSqliteEventStore(db),
    personalData: createSqlitePersonalDataStore(db),
    reminders: createSqliteReminderStore(db),
    health: {
      async isReachable() {
        try {
          db.prepare('SELECT 1').get();
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        if (!db.open) return;
        flushPending(db); // events of the last turns, still waiting to be committed together
        db.close();
      },
    },
  };
}
