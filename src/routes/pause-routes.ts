import type { Route, RouteContext } from '../app/route';
import type { ThemeId } from '../content/theme-schema';
import type { Turn } from '../domain/turn';
import { recordEvent } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';
import { matchCommand, type CommandName } from './match-command';
import { askForPersonalChat, isPersonalChat } from './personal-chat';

const says = (turn: Turn, command: CommandName) => turn.kind === 'message' && matchCommand(turn.text) === command;

/**
 * The theme of the last message the person received (from the delivery
 * ledger), so statistics can show after which themes people pause.
 */
async function lastThemeOf(turn: Turn, { services }: RouteContext): Promise<ThemeId | undefined> {
  if (!turn.tenantId || !turn.aadObjectId) return undefined;
  const [latest] = await services.recentThemeIds(turn.tenantId, turn.aadObjectId);
  return latest;
}

function pauseRoute(name: string, command: CommandName, paused: boolean): Route {
  return {
    name,
    select: (turn) => says(turn, command),
    async handle(turn, ctx) {
      const { services, language, recipient } = ctx;
      const t = textsFor(language, services.localRules);
      if (!services.allowOptOut) return { replies: [{ kind: 'text', text: t.pause.notAllowed }] };
      if (!recipient || !isPersonalChat(turn)) return askForPersonalChat(turn, ctx, t.commands.pause.word);
      if (recipient.paused === paused) {
        return { replies: [{ kind: 'text', text: paused ? t.pause.alreadyPaused : t.pause.notPaused }] };
      }
      await services.recipients.setPaused(recipient.tenantId, recipient.aadObjectId, paused);
      // Counted only once the pause is really stored.
      if (paused) await recordEvent(turn, ctx, { type: 'paused', themeId: await lastThemeOf(turn, ctx) });
      return { replies: [{ kind: 'text', text: paused ? t.pause.paused : t.pause.resumed }] };
    },
  };
}

/** "pause"/"stopp" stops the monthly nudges for this user; "start" brings them back. Personal chat only. */
export const pauseNudges = pauseRoute('pause', 'pause', true);
export const resumeNudges = pauseRoute('resume', 'resume', false);
