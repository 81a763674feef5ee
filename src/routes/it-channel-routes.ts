import type { Route } from '../app/route';
import { itChannelCard, type ItChannelCardInput } from '../cards/it-channel-card';
import type { Turn } from '../domain/turn';
import { textsFor } from '../i18n/texts-for';
import { osloDateTime } from '../calendar/oslo-time';
import { REFERENCE_PATTERN } from '../reports/reference-number';
import { matchCommand } from './match-command';

/** A channel message's conversation id carries ";messageid=…" for the thread; the channel is before it. */
const channelIdOf = (conversationId: string) => conversationId.split(';')[0] ?? conversationId;

/** «sett it-kanal» in a team channel, by an admin: reports are posted there from now on. */
export const setItChannel: Route = {
  name: 'it-channel-set',
  select: (turn) => turn.kind === 'message' && matchCommand(turn.text) === 'setItChannel',
  async handle(turn, { services, language }) {
    const t = textsFor(language, services.localRules).reports.channel;
    if (turn.conversationType !== 'channel' || !turn.tenantId)
      return { replies: [{ kind: 'text', text: t.onlyInChannel }] };
    if (!services.adminIds.includes(turn.aadObjectId?.toLowerCase() ?? ''))
      return { replies: [{ kind: 'text', text: t.notAdmin }] };
    const conversationId = channelIdOf(turn.address.conversationId);
    await services.reports.itChannels.set(turn.tenantId, {
      ...turn.address,
      conversationId,
      conversationType: 'channel',
      userId: '',
      aadObjectId: undefined,
    });
    services.log.info({ tenantId: turn.tenantId }, 'IT channel set');
    services.reports.deliverSoon();
    return { replies: [{ kind: 'text', text: t.channelSet }] };
  },
};

const asText = (value: unknown) => (typeof value === 'string' ? value : '');

/** The card's own facts come back in the action data, so the handled card keeps them after the content is deleted. */
function cardInputFrom(turn: Turn, reference: string): ItChannelCardInput {
  const data = turn.action?.data ?? {};
  return {
    reference,
    kind: data.kind === 'question' ? 'question' : 'report',
    category: asText(data.category),
    happenedAt: asText(data.happenedAt) || undefined,
    reportedAt: asText(data.reportedAt),
    reportedBy: asText(data.reportedBy),
    description: asText(data.description),
    details: asText(data.details),
    attachmentNames: asText(data.attachmentNames).split('\n').filter(Boolean),
    handledAt: osloDateTime(turn.receivedAt),
  };
}

/**
 * «Behandlet» on a report card in the IT channel: the card changes in place,
 * and the reporter gets a thank-you note (once, however often it is pressed).
 */
export const markReportHandled: Route = {
  name: 'report-handled',
  select: (turn) =>
    turn.kind === 'invoke' &&
    turn.conversationType === 'channel' &&
    turn.action?.name === 'report-handled' &&
    REFERENCE_PATTERN.test(asText(turn.action.data.reference)),
  async handle(turn, { services }) {
    const reference = asText(turn.action?.data.reference);
    const first = await services.reports.outbox.markHandled(reference, turn.receivedAt);
    if (first) services.reports.deliverSoon();
    services.log.info({ reference, status: 'handled', first }, 'report handled by IT');
    const t = textsFor(services.defaultLanguage, services.localRules);
    return { replies: [], updatedCard: itChannelCard(services.cards, t, cardInputFrom(turn, reference)) };
  },
};
