import type { ItChannelStore, ReportDraftStore, ReportOutboxStore } from '../stores/report-outbox-store';
import type { FileFetcher } from './delivery-ports';

/** Files dropped in the chat are kept this long for the report form that is open. */
export const DRAFT_TTL_MS = 2 * 60 * 60_000;

/** What the Meld fra routes use (AppServices.reports). */
export interface ReportServices {
  outbox: ReportOutboxStore;
  drafts: ReportDraftStore;
  itChannels: ItChannelStore;
  files: FileFetcher;
  /** Wakes the outbox worker: called after every write, so delivery starts at once. */
  deliverSoon(): void;
  /** All attachments of one report together. */
  maxAttachmentBytes: number;
  /** IT_CHANNEL: the IT channel of a tenant that has not set one with «sett it-kanal». */
  itChannelId?: string;
  /** Whether reports are e-mailed to IT: the IT channel's card then points to the mail for the whole text. */
  mailToIt: boolean;
}
