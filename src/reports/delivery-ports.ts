import type { ConversationAddress } from '../domain/conversation-address';
import type { ReportAttachment } from './report-types';

/** One e-mail to IT support, ready for the Graph edge. */
export interface OutgoingMail {
  to: string;
  /** The reporter, so IT can answer with Reply. */
  replyTo?: string;
  subject: string;
  html: string;
  attachments: ReportAttachment[];
}

export type MailOutcome =
  { status: 'sent' } | { status: 'failed'; httpStatus?: number; code?: string; retryAfterMs?: number };

/** Sends one mail with one request: the outbox owns retries. Implemented in src/graph/. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<MailOutcome>;
}

/** Who the reporter is, looked up when the mail is built and never stored. */
export interface ReporterIdentity {
  name?: string;
  email?: string;
}

/** Looks up a user's name and e-mail in the Teams roster of their own chat with the bot. */
export interface MemberLookup {
  lookup(address: ConversationAddress): Promise<ReporterIdentity>;
}

export type FetchedFile =
  { status: 'ok'; content: Buffer } | { status: 'too-big' } | { status: 'failed'; reason: string };

/** Downloads a file the user dropped in the chat, stopping as soon as it passes maxBytes. */
export interface FileFetcher {
  fetch(file: { url: string; needsBotToken?: boolean }, maxBytes: number): Promise<FetchedFile>;
}
