import type { Route } from '../app/route';
import type { Turn } from '../domain/turn';
import { interpolate } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';
import { itChannelReportCard, type CardFacts } from '../reports/it-channel-report-card';
import { REFERENCE_PATTERN } from '../reports/reference-number';
import type { ReportServices } from '../reports/report-services';
import { itChannelIdFor } from '../reports/worker-deps';
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
const HAPPENED_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** The two facts the outbox never keeps ride along with «Behandlet»; everything else comes from the outbox. */
function factsFrom(turn: Turn): CardFacts {
  const data = turn.action?.data ?? {};
  const happenedAt = asText(data.happenedAt);
  const description = asText(data.description);
  const details = asText(data.details);
  const attachmentNames = asText(data.attachmentNames).split('\n').filter(Boolean);
  // Cut again by the card when drawn: data made by hand cannot make the card too large.
  const shown =
    description || details || attachmentNames.length > 0 ? { description, details, attachmentNames } : undefined;
  return {
    happenedAt: HAPPENED_AT.test(happenedAt) ? happenedAt : undefined,
    reportedBy: asText(data.reportedBy),
    shown: shown && { ...shown, shortened: data.shortened === true },
  };
}

/** The press came from the IT channel of its own tenant: the one set with «sett it-kanal», else IT_CHANNEL. */
async function inOwnItChannel(turn: Turn, reports: ReportServices): Promise<boolean> {
  if (turn.conversationType !== 'channel' || !turn.tenantId) return false;
  const itChannel = await itChannelIdFor(reports, turn.tenantId);
  return itChannel !== undefined && channelIdOf(turn.address.conversationId) === itChannel;
}

/**
 * «Behandlet» on a report card in the IT channel: the card is drawn again
 * from the outbox, and the reporter gets a thank-you note (once, however
 * often it is pressed). Only from the report's own tenant and its IT
 * channel: a hand-made press elsewhere, with a guessed reference, would
 * close someone else's report before IT had seen it.
 */
export const markReportHandled: Route = {
  name: 'report-handled',
  select: (turn) =>
    turn.kind === 'invoke' &&
    turn.action?.name === 'report-handled' &&
    REFERENCE_PATTERN.test(asText(turn.action.data.reference)),
  async handle(turn, { services, language }) {
    const { reports } = services;
    const reference = asText(turn.action?.data.reference);
    const refuse = (text: string, reason: string) => {
      services.log.warn({ reference, status: 'refused', reason }, 'report not marked handled');
      return { replies: [], actionError: { message: interpolate(text, { reference }) } };
    };
    const said = textsFor(language, services.localRules).reports.channel;
    if (!(await inOwnItChannel(turn, reports))) return refuse(said.onlyInItChannel, 'not the IT channel');
    const tenantId = turn.tenantId ?? '';
    // Another tenant's report is answered as unknown: whether it exists is none of this tenant's business.
    if ((await reports.outbox.get(reference))?.tenantId !== tenantId) return refuse(said.notFound, 'not found');
    const first = await reports.outbox.markHandled(reference, tenantId, turn.receivedAt);
    if (first) reports.deliverSoon();
    const item = await reports.outbox.get(reference);
    services.log.info({ reference, status: 'handled', first }, 'report handled by IT');
    if (!item) return refuse(said.notFound, 'purged');
    const t = textsFor(services.defaultLanguage, services.localRules);
    const fullText = reports.mailToIt ? 'mail' : 'reporter';
    return { replies: [], updatedCard: itChannelReportCard(services.cards, t, item, factsFrom(turn), fullText) };
  },
};
