import { interpolate } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';
import type { Claim } from '../stores/report-outbox-store';
import type { NoticeKind } from './report-types';
import { backoffMs, classifyHttpFailure } from './retry-policy';
import type { ReportWorkerDeps } from './worker-deps';

const MAX_NOTICE_ATTEMPTS = 5;
/** Statuses that say the user cannot be reached this way until they write again. */
const UNREACHABLE = new Set([403, 404]);

/**
 * Tells the reporter what became of their report: delivered, not delivered
 * (call IT), or handled by IT. A few tries; a note is never worth more.
 */
export async function sendNotice(deps: ReportWorkerDeps, claim: Claim, kind: NoticeKind, now: () => Date) {
  const { item } = claim;
  const recipient = await deps.recipients.get(item.tenantId, item.aadObjectId);
  const log = { reference: item.reference, notice: kind };
  if (!recipient?.active) {
    await deps.outbox.clearNotice(claim, kind);
    deps.log.warn({ ...log, status: 'unreachable' }, 'reporter cannot be reached for a note');
    return;
  }
  const t = textsFor(item.language, deps.localRules);
  const template = {
    delivered: t.reports.deliveredNote,
    'gave-up': t.reports.gaveUpNote,
    handled: t.reports.handledNote,
  };
  const text = interpolate(template[kind], { reference: item.reference });
  const outcome = await deps.proactive.send(recipient.address, { kind: 'text', text });
  if (outcome.status === 'sent') {
    await deps.outbox.clearNotice(claim, kind);
    deps.log.info({ ...log, status: 'sent' }, 'note to reporter sent');
    return;
  }
  const failure = classifyHttpFailure(outcome);
  const lastTry = item.noticeAttempts + 1 >= MAX_NOTICE_ATTEMPTS;
  if (!failure.retryable || lastTry || UNREACHABLE.has(outcome.httpStatus ?? 0)) {
    await deps.outbox.clearNotice(claim, kind);
    deps.log.warn({ ...log, status: 'dropped', reason: failure.reason }, 'note to reporter could not be sent');
    return;
  }
  const wait = failure.retryAfterMs ?? backoffMs(item.noticeAttempts + 1, deps.policy);
  await deps.outbox.retryNotice(claim, new Date(now().getTime() + wait));
}
