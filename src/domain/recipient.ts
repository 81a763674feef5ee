import type { Language } from '../content/languages';
import type { ConversationAddress } from './conversation-address';

/** Someone the bot can reach with a proactive message. No names or e-mail addresses. */
export interface Recipient {
  tenantId: string;
  aadObjectId: string;
  address: ConversationAddress;
  /** Teams client locale last seen, e.g. nb-NO. */
  locale?: string;
  /** Language the user chose with "språk"; overrides the locale. */
  language?: Language;
  active: boolean;
  /** The user paused the monthly nudges ("pause"); "start" resumes them. */
  paused: boolean;
  firstSeen: Date;
  lastSeen: Date;
}

/** What a turn tells us about a recipient. */
export interface RecipientSighting {
  tenantId: string;
  aadObjectId: string;
  address: ConversationAddress;
  locale?: string;
}

/**
 * How stale "last seen" may get before a turn writes it again. Every message
 * used to rewrite the row; most say nothing new, and the write was a large
 * share of a turn's cost. An hour is precise enough for "mine data".
 */
export const LAST_SEEN_PRECISION_MS = 60 * 60 * 1000;

const ADDRESS_FIELDS: (keyof ConversationAddress)[] = [
  'serviceUrl',
  'channelId',
  'conversationId',
  'conversationType',
  'tenantId',
  'botId',
  'userId',
  'aadObjectId',
];

/** True when storing this sighting would change nothing that matters: same address and locale, active, recently seen. */
export function sightingChangesNothing(known: Recipient | undefined, sighting: RecipientSighting, at: Date): boolean {
  if (!known?.active) return false;
  if (sighting.locale !== undefined && sighting.locale !== known.locale) return false;
  if (at.getTime() - known.lastSeen.getTime() >= LAST_SEEN_PRECISION_MS) return false;
  return ADDRESS_FIELDS.every((field) => known.address[field] === sighting.address[field]);
}
