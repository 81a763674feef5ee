import type { ThemeText } from '../content/localize-theme';
import { THEME_IDS } from '../content/theme-schema';
import type { AdaptiveCard } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import type { CardRenderer } from './render-card';

/** The order a 10–15 minute session runs in: habit, talk, one agreement, where to get help. */
const PLAN_STEPS = ['intro', 'talk', 'agree', 'help'] as const;

/**
 * The leader's meeting kit for one theme: the reflection question, a simple
 * plan for 10–15 minutes, and the theme's own facts (habit, why, tips), so a
 * leader can run the session without preparing anything else.
 */
export function meetingKitCard(render: CardRenderer, t: Catalogue, theme: ThemeText): AdaptiveCard {
  const k = t.meetingKit;
  return render('meeting-kit', {
    t,
    theme,
    badge: interpolate(k.badge, { number: theme.number, total: THEME_IDS.length }),
    heading: interpolate(k.title, { title: theme.title }),
    plan: PLAN_STEPS.map((step) => k.plan[step]),
    tips: theme.tips,
  });
}

/** No theme given, or one we could not find: let the leader pick from the campaign's themes. */
export function meetingKitChoiceCard(
  render: CardRenderer,
  t: Catalogue,
  themes: ThemeText[],
  notFound = false,
): AdaptiveCard {
  const k = t.meetingKit.choice;
  return render('meeting-kit-choice', {
    t,
    intro: notFound ? `${k.notFound} ${k.intro}` : k.intro,
    themes: themes.map((theme) => ({ id: theme.id, title: `${theme.number}. ${theme.title}` })),
  });
}
