import type { Route, RouteContext } from '../app/route';
import { campaignStatusCard, confirmSendCard } from '../cards/campaign-cards';
import { nudgeCard } from '../cards/theme-cards';
import { isThemeId } from '../content/theme-library';
import type { Turn, TurnResult } from '../domain/turn';
import { personOf } from '../engagement/record-event';
import type { Language } from '../content/languages';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format-number';
import { textsFor } from '../i18n/texts-for';
import { matchCommand } from './match-command';
import { parseAdminCommand } from './parse-admin-command';

/**
 * Admins act for their own municipality only: status counts and sends are
 * scoped to the admin's tenant, as statistics are.
 */
const isAdmin = (turn: Turn, ctx: RouteContext) =>
  turn.aadObjectId !== undefined && ctx.services.adminIds.includes(turn.aadObjectId.toLowerCase());

const text = (value: string): TurnResult => ({ replies: [{ kind: 'text', text: value }] });

/** «Utsendingen har startet: 4 812 mottakere står i kø»: the count as the language writes it, in the right number. */
export const sendStarted = (t: Catalogue, language: Language, queued: number): TurnResult =>
  text(interpolate(t.admin.sendStarted, { queued, queuedText: formatNumber(queued, language) }));

/** Admin commands answer everyone else with a polite refusal, never by acting. */
export function adminRoute(name: string, select: (turn: Turn) => boolean, handle: Route['handle']): Route {
  return {
    name,
    select,
    handle: (turn, ctx) =>
      isAdmin(turn, ctx)
        ? handle(turn, ctx)
        : Promise.resolve(text(textsFor(ctx.language, ctx.services.localRules).admin.refusal)),
  };
}

const isSubmit = (turn: Turn, action: string) => turn.kind === 'submit' && turn.action?.name === action;
const isMessage = (turn: Turn) => turn.kind === 'message';

export const campaignStatus = adminRoute(
  'admin-status',
  (turn) => isMessage(turn) && matchCommand(turn.text) === 'status',
  async (turn, { services, language }) => {
    const t = textsFor(language, services.localRules);
    const status = await services.campaign.status(turn.receivedAt, personOf(turn).tenantId);
    return {
      replies: [{ kind: 'card', card: campaignStatusCard(services.cards, t, language, services.themes, status) }],
    };
  },
);

export const previewOrSendTheme = adminRoute(
  'admin-preview-send',
  (turn) => isMessage(turn) && parseAdminCommand(turn.text) !== undefined,
  async (turn, { services, language }) => {
    const t = textsFor(language, services.localRules);
    const command = parseAdminCommand(turn.text);
    if (!command?.theme) return text(t.admin.unknownTheme);
    const theme = services.themes.text(command.theme, language);
    if (command.verb === 'send') {
      return { replies: [{ kind: 'card', card: confirmSendCard(services.cards, t, theme.id, theme.title) }] };
    }
    return {
      replies: [
        { kind: 'text', text: t.admin.previewIntro },
        { kind: 'card', card: nudgeCard(services.cards, t, theme) },
      ],
    };
  },
);

export const confirmSend = adminRoute(
  'admin-send-confirm',
  (turn) => isSubmit(turn, 'admin-send-confirm') || isSubmit(turn, 'admin-send-cancel'),
  async (turn, { services, language }) => {
    const t = textsFor(language, services.localRules);
    const theme = turn.action?.data.theme;
    if (turn.action?.name === 'admin-send-cancel') return text(t.admin.cancelled);
    if (!isThemeId(theme)) return text(t.admin.unknownTheme);
    const { tenantId } = personOf(turn);
    const { queued } = await services.campaign.sendNow(theme, 'nudge', 'admin', turn.receivedAt, tenantId);
    return sendStarted(t, language, queued);
  },
);

/**
 * The campaign pause is one switch for the whole database. With more than one
 * municipality served, an admin of one must not stop (or restart) the others'
 * tips, so the chat refuses and names who can do it; the operators' CLI
 * (`npm run campaign -- pause`) still can.
 */
function campaignPauseRoute(name: string, command: 'pauseCampaign' | 'resumeCampaign', paused: boolean): Route {
  return adminRoute(
    name,
    (turn) => isMessage(turn) && matchCommand(turn.text) === command,
    async (turn, { services, language }) => {
      const t = textsFor(language, services.localRules);
      if (services.allowedTenantIds.length > 1) return text(t.admin.campaignPauseShared);
      await services.campaign.setPaused(paused, turn.receivedAt);
      return text(paused ? t.admin.campaignPaused : t.admin.campaignResumed);
    },
  );
}

export const pauseCampaign = campaignPauseRoute('admin-pause-campaign', 'pauseCampaign', true);
export const resumeCampaign = campaignPauseRoute('admin-resume-campaign', 'resumeCampaign', false);
