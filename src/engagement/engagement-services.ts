import type { PersonalDelivery } from '../stores/delivery-store';
import type { EventStore, PersonalDataStore } from '../stores/event-store';
import type { ReminderStore } from '../stores/reminder-store';

/** What the engagement routes need: events, erasure, and the key for pseudonyms. */
export interface EngagementServices {
  events: EventStore;
  personalData: PersonalDataStore;
  /** «Minn meg på det»: reminders waiting to be sent (personal data: they hold the chat address). */
  reminders: ReminderStore;
  /** HMAC-SHA256 under ANALYTICS_PEPPER of tenant and Entra object id. */
  pseudonymOf(tenantId: string, aadObjectId: string): string;
  /** MIN_GROUP_SIZE: statistics never describe fewer people than this. */
  minGroupSize: number;
  /** When the person's most recent nudge before `before` was sent (delivery ledger), for the report delay. */
  lastNudgeSentAt(tenantId: string, aadObjectId: string, before: Date): Promise<Date | undefined>;
  /** The person's rows in the delivery ledger (which messages were sent to them, and when), for «mine data». */
  deliveriesFor(tenantId: string, aadObjectId: string): Promise<PersonalDelivery[]>;
  /** EVENT_RETENTION_MONTHS, told to users in «mine data». */
  retentionMonths: number;
}
