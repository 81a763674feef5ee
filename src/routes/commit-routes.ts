import type { Route } from '../app/route';
import { isThemeId } from '../content/theme-library';
import { recordAnswer } from '../engagement/record-event';
import { interpolate } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';

/**
 * The commit button on a nudge or quiz result: the theme's commitment said
 * back in the first person, which is what makes it stick. Counted once per
 * person and theme. «Already noted» only when the store found it noted: a
 * store error reaches the turn's error handler instead.
 */
export const commitToHabit: Route = {
  name: 'commit',
  select: (turn) =>
    (turn.kind === 'submit' || turn.kind === 'invoke') &&
    turn.action?.name === 'commit' &&
    isThemeId(turn.action.data.theme),
  async handle(turn, ctx) {
    const themeId = turn.action?.data.theme;
    if (!isThemeId(themeId)) throw new RangeError('route selected a turn without a valid theme');
    const { commitment } = ctx.services.themes.text(themeId, ctx.language);
    const t = textsFor(ctx.language, ctx.services.localRules).engagement.commit;
    const noted = await recordAnswer(turn, ctx, { type: 'committed', themeId }, 'first');
    return { replies: [{ kind: 'text', text: interpolate(noted ? t.noted : t.already, { commitment }) }] };
  },
};
