import type { RouteContext } from '../app/route';
import type { IncomingFile } from '../domain/turn';
import { interpolate } from '../i18n/catalogue';
import { formatMegabytes } from '../i18n/format-number';
import { textsFor } from '../i18n/texts-for';
import type { FetchedFile } from '../reports/delivery-ports';
import { cleanFileName } from '../reports/escape-html';
import { DRAFT_TTL_MS } from '../reports/report-services';
import type { ReportDraft } from '../stores/report-outbox-store';

/** 'off': the municipality takes no files with reports (MAX_ATTACHMENT_MB=0). */
type Outcome = 'added' | 'too-big' | 'off' | 'failed' | 'no-draft';
interface Reporter {
  tenantId: string;
  aadObjectId: string;
}

/**
 * Fetches each file and adds it to the user's open Meld fra draft in one
 * atomic step: two files dropped at once both stay, and a file that arrives
 * after the report was sent goes nowhere rather than into a later report.
 */
async function attachOne(
  who: Reporter,
  draft: ReportDraft | undefined,
  file: IncomingFile,
  at: Date,
  ctx: RouteContext,
): Promise<Outcome> {
  const { drafts, files, maxAttachmentBytes } = ctx.services.reports;
  const { tenantId, aadObjectId } = who;
  if (!draft) return 'no-draft';
  const name = cleanFileName(file.name);
  if (maxAttachmentBytes === 0) {
    // Not even downloaded; named in the mail, so IT can ask for it another way.
    return (await drafts.addMissingFile(tenantId, aadObjectId, at, DRAFT_TTL_MS, name)) ? 'off' : 'no-draft';
  }
  const used = draft.attachments.reduce((sum, a) => sum + a.bytes, 0);
  const result: FetchedFile = await files.fetch(file, maxAttachmentBytes - used);
  if (result.status === 'ok') {
    const content = { contentType: file.contentType, contentBase64: result.content.toString('base64') };
    const attachment = { name, ...content, bytes: result.content.length };
    const added = await drafts.addFile(tenantId, aadObjectId, at, DRAFT_TTL_MS, attachment, maxAttachmentBytes);
    if (added !== 'too-big') return added;
  }
  const status = result.status === 'ok' ? 'too-big' : result.status;
  ctx.services.log.info({ status }, 'report file not attached');
  // Named in the mail, so IT can ask for it.
  return (await drafts.addMissingFile(tenantId, aadObjectId, at, DRAFT_TTL_MS, name)) ? status : 'no-draft';
}

/**
 * Adds files dropped in the chat to the open Meld fra draft. Returns a note
 * per file for the user, or undefined when no draft is open at all.
 */
export async function attachReportFiles(
  who: Reporter,
  files: readonly IncomingFile[],
  at: Date,
  ctx: RouteContext,
): Promise<string[] | undefined> {
  const { services, language } = ctx;
  const t = textsFor(language, services.localRules);
  const maxMb = formatMegabytes(services.reports.maxAttachmentBytes, language);
  const texts: Record<Outcome, string> = {
    added: t.reports.fileAdded,
    'too-big': t.reports.fileTooBig,
    off: t.reports.fileNotTaken,
    failed: t.reports.fileFailed,
    'no-draft': t.reports.fileAfterSending,
  };
  const notes: string[] = [];
  // One after the other: the room left for the next file depends on the one before.
  for (const file of files) {
    // Read again for each file: the room left, and whether the form was sent meanwhile.
    const draft = await services.reports.drafts.get(who.tenantId, who.aadObjectId, at, DRAFT_TTL_MS);
    if (!draft && notes.length === 0) return undefined;
    const outcome = await attachOne(who, draft, file, at, ctx);
    notes.push(interpolate(texts[outcome], { name: cleanFileName(file.name), maxMb }));
  }
  return notes;
}
