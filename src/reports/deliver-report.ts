import { itChannelCard } from '../cards/it-channel-card';
import type { Claim } from '../stores/report-outbox-store';
import { textsFor } from '../i18n/texts-for';
import type { ReporterIdentity } from './delivery-ports';
import { osloDateTime } from '../calendar/oslo-time';
import { buildReportMail, categoryLabel, reporterLine } from './report-mail';
import type { OutboxItem, ReportContent } from './report-types';
import { classifyHttpFailure, nextStep, type AttemptFailure } from './retry-policy';
import { itChannelAddress, type ReportWorkerDeps } from './worker-deps';

const NO_TARGET: AttemptFailure = { retryable: true, reason: 'no delivery target' };

function channelCard(deps: ReportWorkerDeps, item: OutboxItem, content: ReportContent, who: ReporterIdentity) {
  const t = textsFor(deps.itLanguage, deps.localRules);
  return itChannelCard(deps.cards, t, {
    reference: item.reference,
    kind: item.kind,
    category: categoryLabel(item, t),
    happenedAt: item.kind === 'report' ? content.happenedAt : undefined,
    reportedAt: osloDateTime(item.createdAt),
    reportedBy: who.name ?? reporterLine({}, item.aadObjectId, t),
    description: content.description,
    details: content.details,
    attachmentNames: content.attachments.map((file) => file.name),
    handledAt: item.handledAt ? osloDateTime(item.handledAt) : undefined,
  });
}

/**
 * One delivery attempt: e-mail through Graph and the card in the IT channel,
 * each skipped if an earlier attempt already got it there. Then delivered,
 * another try later, or given up (loudly).
 */
export async function deliverReport(deps: ReportWorkerDeps, claim: Claim, now: () => Date): Promise<void> {
  const { item } = claim;
  const content = item.content ?? { description: '', details: '', happenedAt: '', attachments: [], missingFiles: [] };
  const recipient = await deps.recipients.get(item.tenantId, item.aadObjectId);
  let identity: ReporterIdentity | undefined;
  const reporter = async () => (identity ??= recipient ? await deps.members.lookup(recipient.address) : {});
  const failures: AttemptFailure[] = [];

  if (deps.mail && !item.mailSentAt) {
    const t = textsFor(deps.itLanguage, deps.localRules);
    const mail = buildReportMail(item, content, await reporter(), t, deps.mail.to);
    const outcome = await deps.mail.sender.send(mail);
    if (outcome.status === 'sent') await deps.outbox.markTargetDone(claim, 'mail', now());
    else failures.push(classifyHttpFailure(outcome));
  }
  const channel = await itChannelAddress(deps, item.tenantId, recipient?.address);
  if (channel && !item.channelPostedAt) {
    const card = channelCard(deps, item, content, await reporter());
    const outcome = await deps.proactive.send(channel, { kind: 'card', card });
    if (outcome.status === 'sent') await deps.outbox.markTargetDone(claim, 'channel', now());
    else failures.push(classifyHttpFailure(outcome));
  }
  if (!deps.mail && !channel) failures.push(NO_TARGET);

  const log = { reference: item.reference, attempt: item.attempts + 1 };
  if (failures.length === 0) {
    await deps.outbox.markDelivered(claim, now());
    deps.log.info({ ...log, status: 'delivered' }, 'report delivered to IT');
    return;
  }
  const reason = failures.map((f) => f.reason).join('; ');
  const worst: AttemptFailure = {
    retryable: failures.every((f) => f.retryable),
    retryAfterMs: Math.max(0, ...failures.map((f) => f.retryAfterMs ?? 0)) || undefined,
    reason,
  };
  const step = nextStep(item, worst, now(), deps.policy);
  if (step.status === 'pending') {
    await deps.outbox.scheduleRetry(claim, step.nextAttemptAt, reason);
    deps.log.warn(
      { ...log, status: 'retrying', reason, nextAttemptAt: step.nextAttemptAt },
      'report not delivered yet',
    );
  } else {
    await deps.outbox.markFailed(claim, now(), reason);
    deps.log.error(
      { ...log, status: 'failed', reason, alert: 'MELD_FRA_DELIVERY_FAILED' },
      'REPORT COULD NOT BE DELIVERED TO IT: the reporter is asked to call IT; the content stays in the outbox',
    );
  }
}
