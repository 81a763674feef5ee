import type { LocalDate } from '../calendar/norwegian-holidays';
import { osloWallClock } from '../calendar/oslo-time';
import { defaultReminderTime, pickableDays, reminderInstant, toIsoDay } from '../calendar/reminder-time';
import type { Language } from '../content/languages';
import type { ThemeText } from '../content/localize-theme';
import type { AdaptiveCard } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import type { CardRenderer } from './render-card';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** "fredag 12. juni", "Friday 12 June": the day in Oslo, in the reader's language. */
export function reminderDay(at: Date, language: Language): string {
  return at.toLocaleDateString(LOCALES[language], {
    timeZone: 'Europe/Oslo',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}

/** "fredag 12. juni kl. 10.00", "Friday 12 June at 10:00". */
export function reminderWhen(at: Date, t: Catalogue, language: Language): string {
  const { hour, minute } = osloWallClock(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return interpolate(t.reminders.at, { day: reminderDay(at, language), hour: pad(hour), minute: pad(minute) });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const osloDay = (at: Date): LocalDate => {
  const { year, month, day } = osloWallClock(at);
  return { year, month, day };
};

export type ReminderProblem = 'missing' | 'past' | 'too-far';

/** What the user picked last time, and why it did not work: the card comes back with both. */
export interface ReminderChoiceState {
  pickedDay?: string;
  problem?: ReminderProblem;
}

/**
 * «Minn meg på det»: the suggested Friday as one button, or a day of the
 * user's own. The calendar's min and max are computed from `now`, so the
 * client already stops most days the server would refuse.
 */
export function reminderChoiceCard(
  render: CardRenderer,
  t: Catalogue,
  language: Language,
  theme: ThemeText,
  now: Date,
  state: ReminderChoiceState = {},
): AdaptiveCard {
  const suggested = defaultReminderTime(now);
  const { min, max } = pickableDays(now);
  const c = t.reminders.choice;
  const problems = {
    missing: c.missing,
    past: interpolate(c.past, { min: reminderDay(reminderInstant(min), language) }),
    'too-far': interpolate(c.tooFar, { max: reminderDay(reminderInstant(max), language) }),
  };
  return render('reminder-choice', {
    t,
    theme,
    badge: interpolate(c.badge, { title: theme.title }),
    defaultTitle: capitalise(reminderWhen(suggested, t, language)),
    defaultDay: toIsoDay(osloDay(suggested)),
    min: toIsoDay(min),
    max: toIsoDay(max),
    // Always a string, so the template never shows an unexpanded ${...}.
    pickedDay: state.pickedDay ?? '',
    problems: state.problem ? [problems[state.problem]] : [],
  });
}

/** The confirmation that replaces the choice: when, and what. */
export function reminderSetCard(
  render: CardRenderer,
  t: Catalogue,
  language: Language,
  theme: ThemeText,
  at: Date,
  replaced: boolean,
): AdaptiveCard {
  return render('reminder-set', {
    t,
    theme,
    badge: interpolate(t.reminders.choice.badge, { title: theme.title }),
    text: interpolate(t.reminders.set.text, { when: reminderWhen(at, t, language) }),
    replaced,
  });
}

/** The reminder itself, sent on the day: the theme's one concrete action, and why it came. */
export function reminderCard(render: CardRenderer, t: Catalogue, theme: ThemeText): AdaptiveCard {
  return render('reminder', { t, theme });
}
