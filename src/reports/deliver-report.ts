import type { ConversationAddress } from '../domain/conversation-address';
import type { AdaptiveCard } from '../domain/turn';
import type { Claim } from '../stores/report-outbox-store';
import { textsFor } from '../i18n/texts-for';
import type { ReporterIdentity } from './delivery-ports';
import { itChannelReportCard } from './it-channel-report-card';
import { buildReportMail, reporterLine } from './report-mail';
import type { OutboxItem } from './report-types';
import { classifyHttpFailure, nextStep, type AttemptFailure } from './retry-policy';
import { itChannelAddress, type ReportWorkerDeps } from './worker-deps';

const NO_TARGET: AttemptFailure = { retryable: true, reason: 'no delivery target' };

function channelCard(deps: ReportWorkerDeps, item: OutboxItem, who: ReporterIdentity) {
  const t = textsFor(deps.itLanguage, deps.localRules);
  const facts = { reportedBy: who.name ?? reporterLine({}, item.aadObjectId, t) };
  return itChannelReportCard(deps.cards, t, item, facts, deps.mail ? 'mail' : 'reporter');
}

/**
 * Posts the card to the IT channel. Teams refuses a card it finds too large
 * (413) every time: when the mail carries the report, the channel is given up
 * (loudly, it is a bug) rather than failing a report IT has by e-mail.
 */
async function postCard(
  deps: ReportWorkerDeps,
  claim: Claim,
  channel: ConversationAddress,
  card: AdaptiveCard,
  now: () => Date,
): Promise<AttemptFailure | undefined> {
  const outcome = await deps.proactive.send(channel, { kind: 'card', card });
  if (outcome.status === 'sent') {
    await deps.outbox.markTargetDone(claim, 'channel', now());
    return undefined;
  }
  const failure = classifyHttpFailure(outcome);
  if (outcome.httpStatus !== 413 || !deps.mail) return failure;
  await deps.outbox.markTargetGaveUp(claim, 'channel', now());
  deps.log.error(
    {
      reference: claim.item.reference,
      target: 'channel',
      reason: failure.reason,
      alert: 'MELD_FRA_CHANNEL_CARD_REFUSED',
    },
    'Teams refused the report card as too large; IT gets this report by e-mail only',
  );
  return undefined;
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
  if (channel && !item.channelPostedAt && !item.channelGaveUpAt) {
    const failure = await postCard(
      deps,
      claim,
      channel,
      channelCard(deps, { ...item, content }, await reporter()),
      now,
    );
    if (failure) failures.push(failure);
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
