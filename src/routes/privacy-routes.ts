import type { Route } from '../app/route';
import { deleteDataCard, myDataCard } from '../cards/privacy-cards';
import { localizePulse } from '../content/localize-pulse';
import type { Turn } from '../domain/turn';
import { personOf, pseudonymFor } from '../engagement/record-event';
import { summariseMyData } from '../engagement/summarise-my-data';
import { textsFor } from '../i18n/texts-for';
import { DRAFT_TTL_MS } from '../reports/report-services';
import { matchCommand, type CommandName } from './match-command';
import { isPersonalChat } from './personal-chat';

const says = (turn: Turn, command: CommandName) => turn.kind === 'message' && matchCommand(turn.text) === command;
const pressed = (turn: Turn, action: string) => turn.kind === 'submit' && turn.action?.name === action;
const asksAboutOwnData = (turn: Turn) =>
  says(turn, 'myData') ||
  says(turn, 'deleteMyData') ||
  ['delete-data-ask', 'delete-data-confirm', 'delete-data-cancel'].some((action) => pressed(turn, action));

/**
 * A person's own data is shown and erased only in the personal chat: in a
 * channel or group chat everyone would read it, and anyone pressing «Slett»
 * on a card there would erase their own. Comes before the routes below.
 */
export const keepOwnDataPrivate: Route = {
  name: 'my-data-elsewhere',
  select: (turn) => !isPersonalChat(turn) && asksAboutOwnData(turn),
  async handle(_turn, { services, language }) {
    return { replies: [{ kind: 'text', text: textsFor(language, services.localRules).engagement.privateChatOnly }] };
  },
};

/**
 * «mine data»: everything stored about the person: their recipient row, ledger
 * rows, reminders, Meld fra form and reports (by their id), and their events
 * (by their own pseudonym).
 */
export const showMyData: Route = {
  name: 'my-data',
  select: (turn) => says(turn, 'myData'),
  async handle(turn, ctx) {
    const { services, language, recipient } = ctx;
    const { tenantId, aadObjectId } = personOf(turn);
    const [events, reminders, deliveries, reports, draft] = await Promise.all([
      services.engagement.events.listFor(tenantId, pseudonymFor(turn, ctx)),
      services.engagement.reminders.listFor(tenantId, aadObjectId),
      services.engagement.deliveriesFor(tenantId, aadObjectId),
      services.reports.outbox.listFor(tenantId, aadObjectId),
      services.reports.drafts.get(tenantId, aadObjectId, turn.receivedAt, DRAFT_TTL_MS),
    ]);
    const t = textsFor(language, services.localRules);
    const card = myDataCard(services.cards, t, language, services.themes, {
      recipient,
      summary: summariseMyData(events),
      reminders,
      deliveries,
      reports,
      reportDraftFiles: draft?.attachments.length,
      minGroupSize: services.engagement.minGroupSize,
      retentionMonths: services.engagement.retentionMonths,
      pulse: localizePulse(services.pulse, language),
    });
    return { replies: [{ kind: 'card', card }] };
  },
};

/** «slett mine data»: asks first, because erasure cannot be undone. */
export const askToDeleteMyData: Route = {
  name: 'delete-data-ask',
  select: (turn) => says(turn, 'deleteMyData') || pressed(turn, 'delete-data-ask'),
  async handle(_turn, { services, language }) {
    return {
      replies: [{ kind: 'card', card: deleteDataCard(services.cards, textsFor(language, services.localRules)) }],
    };
  },
};

/** Slett: recipient row, ledger rows, reminders and events go in one step; statistics stop counting the person. */
export const deleteMyData: Route = {
  name: 'delete-data',
  select: (turn) => pressed(turn, 'delete-data-confirm') || pressed(turn, 'delete-data-cancel'),
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules).engagement.delete;
    if (turn.action?.name === 'delete-data-cancel') return { replies: [{ kind: 'text', text: t.cancelled }] };
    const { tenantId, aadObjectId } = personOf(turn);
    await ctx.services.engagement.personalData.erase(tenantId, aadObjectId, pseudonymFor(turn, ctx));
    ctx.services.log.info('personal data erased on request');
    return { replies: [{ kind: 'text', text: t.done }] };
  },
};
