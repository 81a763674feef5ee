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
