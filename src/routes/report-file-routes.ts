import type { Route } from '../app/route';
import { textsFor } from '../i18n/texts-for';
import { attachReportFiles } from './attach-report-files';
import { reporterOf } from './report-routes';

/**
 * Files and screenshots dropped in the chat while the Meld fra form is open
 * go with the next report, up to the size limit for all files together.
 * A file over the limit is named in the mail so IT can ask for it.
 */
export const receiveReportFiles: Route = {
  name: 'report-files',
  select: (turn) => turn.kind === 'message' && (turn.files?.length ?? 0) > 0,
  async handle(turn, ctx) {
    const notes = await attachReportFiles(reporterOf(turn), turn.files ?? [], turn.receivedAt, ctx);
    const t = textsFor(ctx.language, ctx.services.localRules);
    return { replies: (notes ?? [t.reports.filesWithoutReport]).map((text) => ({ kind: 'text', text })) };
  },
};
