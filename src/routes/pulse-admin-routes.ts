import { confirmPulseCard } from '../cards/campaign-cards';
import { pulseCard } from '../cards/pulse-cards';
import { localizePulse } from '../content/localize-pulse';
import { isPulsePhase } from '../content/pulse-schema';
import type { TurnResult } from '../domain/turn';
import { personOf } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';
import { adminRoute, sendStarted } from './admin-routes';
import { parsePulseCommand } from './parse-pulse-command';

const text = (value: string): TurnResult => ({ replies: [{ kind: 'text', text: value }] });

/** «forhåndsvis puls før» shows the pulse to the admin only; «send puls etter» asks for confirmation first. */
export const previewOrSendPulse = adminRoute(
  'admin-pulse',
  (turn) => turn.kind === 'message' && parsePulseCommand(turn.text) !== undefined,
  async (turn, { services, language }) => {
    const t = textsFor(language, services.localRules);
    const command = parsePulseCommand(turn.text);
    if (!command?.phase) return text(t.pulse.admin.usage);
    if (command.verb === 'send') {
      return { replies: [{ kind: 'card', card: confirmPulseCard(services.cards, t, command.phase) }] };
    }
    const card = pulseCard(services.cards, t, localizePulse(services.pulse, language), command.phase);
    return {
      replies: [
        { kind: 'text', text: t.pulse.admin.previewIntro },
        { kind: 'card', card },
      ],
    };
  },
);

/**
 * Confirmed: the pulse goes to everyone in the admin's municipality who hasn't
 * had it, with the same id as on schedule. Cancel is the theme's.
 */
export const confirmSendPulse = adminRoute(
  'admin-pulse-confirm',
  (turn) => turn.kind === 'submit' && turn.action?.name === 'admin-pulse-confirm',
  async (turn, { services, language }) => {
    const t = textsFor(language, services.localRules);
    const phase = turn.action?.data.phase;
    if (!isPulsePhase(phase)) return text(t.pulse.admin.usage);
    const { queued } = await services.campaign.sendPulse(phase, 'admin', turn.receivedAt, personOf(turn).tenantId);
    return sendStarted(t, language, queued);
  },
);
