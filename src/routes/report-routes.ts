import type { Route, RouteContext } from '../app/route';
import { reportFormCard, reportReceiptCard, type ReportFormValues } from '../cards/report-cards';
import type { Reply, Turn, TurnResult } from '../domain/turn';
import { recordEvent } from '../engagement/record-event';
import { recordReportDelay } from '../engagement/record-report-delay';
import { textsFor } from '../i18n/texts-for';
import { DRAFT_TTL_MS } from '../reports/report-services';
import type { NewReport } from '../reports/report-types';
import { validateReportForm } from '../reports/validate-report-form';
import { attachReportFiles } from './attach-report-files';
import { matchCommand } from './match-command';
import { isPersonalChat } from './personal-chat';

const isAction = (turn: Turn, name: string) =>
  (turn.kind === 'submit' || turn.kind === 'invoke') && turn.action?.name === name;

/** Who reports: in local mode (Agents Playground) ids may be missing, so fall back to the chat's user id. */
export const reporterOf = (turn: Turn) => ({
  tenantId: turn.tenantId ?? 'local',
  aadObjectId: turn.aadObjectId ?? turn.address.userId,
});

function formReply(ctx: RouteContext, values: ReportFormValues, errors: string[]): TurnResult {
  const t = textsFor(ctx.language, ctx.services.localRules);
  const { maxAttachmentBytes } = ctx.services.reports;
  const card = reportFormCard(ctx.services.cards, t, { values, errors, maxAttachmentBytes, language: ctx.language });
  return { replies: [{ kind: 'card', card }] };
}

/** «meld fra» and the Meld fra buttons: the form, and a draft that collects dropped files. */
export const openReportForm: Route = {
  name: 'report-open',
  select: (turn) =>
    isPersonalChat(turn) &&
    ((turn.kind === 'message' && matchCommand(turn.text) === 'report') || isAction(turn, 'report-open')),
  async handle(turn, ctx) {
    const who = reporterOf(turn);
    await ctx.services.reports.drafts.open(who.tenantId, who.aadObjectId, turn.receivedAt, DRAFT_TTL_MS);
    const form = formReply(ctx, {}, []);
    // A screenshot sent together with «meld fra» belongs to this report.
    const notes = turn.files?.length ? await attachReportFiles(who, turn.files, turn.receivedAt, ctx) : [];
    return { replies: [...form.replies, ...(notes ?? []).map((text): Reply => ({ kind: 'text', text }))] };
  },
};

/**
 * The form sent: errors bring the form back with everything typed kept;
 * otherwise the report is written to the outbox first, and only then does
 * the user get the receipt with the reference number.
 */
export const submitReport: Route = {
  name: 'report-submit',
  select: (turn) => isPersonalChat(turn) && isAction(turn, 'report-submit'),
  async handle(turn, ctx) {
    const { services, language } = ctx;
    const t = textsFor(language, services.localRules);
    const checked = validateReportForm(turn.action?.data ?? {}, t, language, turn.receivedAt);
    if (!checked.ok) return formReply(ctx, checked.values, checked.errors);
    const { tenantId, aadObjectId } = reporterOf(turn);
    const draft = await services.reports.drafts.get(tenantId, aadObjectId, turn.receivedAt, DRAFT_TTL_MS);
    const { category, ...written } = checked.report;
    const report: NewReport = {
      kind: 'report',
      category,
      tenantId,
      aadObjectId,
      language,
      content: { ...written, attachments: draft?.attachments ?? [], missingFiles: draft?.missingFiles ?? [] },
    };
    const item = await services.reports.outbox.add(report, turn.receivedAt);
    await services.reports.drafts.discard(tenantId, aadObjectId);
    services.reports.deliverSoon();
    services.log.info({ reference: item.reference, category, status: 'accepted' }, 'report received');
    // Only that a report of this category was sent: never its content or reference.
    await recordEvent(turn, ctx, { type: 'report-sent', value: category });
    await recordReportDelay(turn, ctx);
    return { replies: [{ kind: 'card', card: reportReceiptCard(services.cards, t, item.reference, category) }] };
  },
};
