import type { Route, RouteContext } from '../app/route';
import { meetingKitCard, meetingKitChoiceCard } from '../cards/meeting-kit-cards';
import { isThemeId } from '../content/theme-library';
import type { ThemeId } from '../content/theme-schema';
import type { Turn } from '../domain/turn';
import { recordEvent } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';
import { parseMeetingKitCommand, type MeetingKitRequest } from './parse-meeting-kit-command';

const pressed = (turn: Turn) => turn.kind === 'submit' && turn.action?.name === 'meeting-kit';

/** The button on a nudge or the choice card carries a theme id; the command may carry a number or title. */
function requestOf(turn: Turn, ctx: RouteContext): MeetingKitRequest {
  if (!pressed(turn)) return parseMeetingKitCommand(turn.text, ctx.services.themes.themes) ?? {};
  const theme = turn.action?.data.theme;
  return isThemeId(theme) ? { theme } : { argument: theme === undefined ? undefined : String(theme) };
}

/** The theme a leader most likely means: the last one they received, else the campaign's latest. */
async function currentTheme(turn: Turn, { services }: RouteContext): Promise<ThemeId | undefined> {
  if (turn.tenantId && turn.aadObjectId) {
    const [recent] = await services.recentThemeIds(turn.tenantId, turn.aadObjectId);
    if (recent) return recent;
  }
  const { messages } = await services.campaign.status(turn.receivedAt, turn.tenantId);
  const started = messages.filter((m) => m.kind === 'nudge' && m.state === 'started');
  started.sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0));
  return started[0]?.themeId;
}

/**
 * «møteopplegg [tema]» or the «Møteopplegg» button on a nudge: the reflection
 * question and a 10–15 minute plan for the theme. Counted once per person and
 * theme, so statistics can tell how many leaders used it (never who).
 */
export const showMeetingKit: Route = {
  name: 'meeting-kit',
  select: (turn, ctx) =>
    pressed(turn) ||
    (turn.kind === 'message' && parseMeetingKitCommand(turn.text, ctx.services.themes.themes) !== undefined),
  async handle(turn, ctx) {
    const { services, language } = ctx;
    const t = textsFor(language, services.localRules);
    const request = requestOf(turn, ctx);
    const themeId = request.theme ?? (request.argument === undefined ? await currentTheme(turn, ctx) : undefined);
    if (!themeId) {
      const themes = services.themes.themes.map((theme) => services.themes.text(theme.id, language));
      const card = meetingKitChoiceCard(services.cards, t, themes, request.argument !== undefined);
      return { replies: [{ kind: 'card', card }] };
    }
    await recordEvent(turn, ctx, { type: 'meeting-kit', themeId }, 'first');
    return {
      replies: [{ kind: 'card', card: meetingKitCard(services.cards, t, services.themes.text(themeId, language)) }],
    };
  },
};
