import type { RouteContext } from '../app/route';
import type { Turn, TurnResult } from '../domain/turn';
import { interpolate } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';
import { normalizeCommandText } from './match-command';

/** The one-to-one chat with refleks. Local mode (Agents Playground) may not name the conversation type. */
export const isPersonalChat = (turn: Turn) =>
  turn.conversationType === undefined || turn.conversationType === 'personal';

/**
 * Pause and language belong to one person's recipient row, which exists only
 * once they have written to refleks in the personal chat. Asked anywhere else
 * (a channel, a group chat), or by someone with no row, refleks points them to
 * the personal chat and neither stores nor counts anything: a confirmation
 * there would be untrue. A typed command is echoed as written; a pressed button
 * names `word` instead.
 */
export function askForPersonalChat(turn: Turn, ctx: RouteContext, word: string): TurnResult {
  const t = textsFor(ctx.language, ctx.services.localRules);
  const command = turn.kind === 'message' && turn.text ? normalizeCommandText(turn.text) : word;
  return { replies: [{ kind: 'text', text: interpolate(t.settingsInPrivateChat.text, { command }) }] };
}
