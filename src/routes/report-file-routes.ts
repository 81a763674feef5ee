import type { Route } from '../app/route';
import type { IncomingFile, Reply } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';
import type { FetchedFile } from '../reports/delivery-ports';
import { cleanFileName } from '../reports/escape-html';
import { DRAFT_TTL_MS } from '../reports/report-services';
import { reporterOf } from './report-routes';

function noteFor(result: FetchedFile, name: string, t: Catalogue, maxMb: number): string {
  if (result.status === 'ok') return interpolate(t.reports.fileAdded, { name });
  if (result.status === 'too-big') return interpolate(t.reports.fileTooBig, { name, maxMb });
  return interpolate(t.reports.fileFailed, { name });
}

/**
 * Files and screenshots dropped in the chat while the Meld fra form is open
 * go with the next report, up to the size limit for all files together.
 * A file over the limit is named in the mail so IT can ask for it.
 */
export const receiveReportFiles: Route = {
  name: 'report-files',
  select: (turn) => turn.kind === 'message' && (turn.files?.length ?? 0) > 0,
  async handle(turn, { services, language }) {
    const t = textsFor(language, services.localRules);
    const { tenantId, aadObjectId } = reporterOf(turn);
    const { drafts, files, maxAttachmentBytes } = services.reports;
    const draft = await drafts.get(tenantId, aadObjectId, turn.receivedAt, DRAFT_TTL_MS);
    if (!draft) return { replies: [{ kind: 'text', text: t.reports.filesWithoutReport }] };
    const maxMb = Math.round(maxAttachmentBytes / 100_000) / 10;
    const replies: Reply[] = [];
    for (const file of turn.files ?? ([] as IncomingFile[])) {
      const name = cleanFileName(file.name);
      const used = draft.attachments.reduce((sum, a) => sum + a.bytes, 0);
      const result = await files.fetch(file, maxAttachmentBytes - used);
      if (result.status === 'ok') {
        const contentBase64 = result.content.toString('base64');
        draft.attachments.push({ name, contentType: file.contentType, contentBase64, bytes: result.content.length });
      } else {
        draft.missingFiles.push(name);
        services.log.info({ status: result.status }, 'report file not attached');
      }
      replies.push({ kind: 'text', text: noteFor(result, name, t, maxMb) });
    }
    await drafts.save(tenantId, aadObjectId, draft);
    return { replies };
  },
};
