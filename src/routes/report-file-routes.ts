import type { Route } from '../app/route';
import { textsFor } from '../i18n/texts-for';
import type { Reply } from '../domain/turn';
import { attachReportFiles } from './attach-report-files';
import { answerQuestion } from './question-routes';
import { reporterOf } from './report-routes';

/**
 * Files and screenshots dropped in the chat while the Meld fra form is open
 * go with the next report, up to the size limit for all files together.
 * A file over the limit is named in the mail so IT can ask for it. Without
 * an open form, a question written with the file is still answered, and the
 * user learns how to send the file to IT.
 */
export const receiveReportFiles: Route = {
  name: 'report-files',
  select: (turn) => turn.kind === 'message' && (turn.files?.length ?? 0) > 0,
  async handle(turn, ctx) {
    const notes = await attachReportFiles(reporterOf(turn), turn.files ?? [], turn.receivedAt, ctx);
    if (notes) return { replies: notes.map((text): Reply => ({ kind: 'text', text })) };
    const hint: Reply = {
      kind: 'text',
      text: textsFor(ctx.language, ctx.services.localRules).reports.filesWithoutReport,
    };
    if (!turn.text?.trim()) return { replies: [hint] };
    const answered = await answerQuestion.handle(turn, ctx);
    return { replies: [...answered.replies, hint] };
  },
};
