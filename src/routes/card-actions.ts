import type { RouteContext } from '../app/route';
import { isThemeId } from '../content/theme-library';
import type { AdaptiveCard, Turn, TurnResult } from '../domain/turn';

/** A card button (Action.Submit or Action.Execute) with this name, about a known theme. */
export const isThemeCardAction = (turn: Turn, name: string) =>
  (turn.kind === 'submit' || turn.kind === 'invoke') && turn.action?.name === name && isThemeId(turn.action.data.theme);

/** Action.Execute replaces the card in place; Action.Submit (older clients) gets a new message. */
export function respondWithCard(turn: Turn, card: AdaptiveCard): TurnResult {
  return turn.kind === 'invoke' ? { replies: [], updatedCard: card } : { replies: [{ kind: 'card', card }] };
}

/** The theme a card action is about, in the user's language; only for turns a theme route selected. */
export function themeOf(turn: Turn, ctx: RouteContext) {
  const id = turn.action?.data.theme;
  if (!isThemeId(id)) throw new RangeError('route selected a turn without a valid theme');
  return ctx.services.themes.text(id, ctx.language);
}
