import { defaultReminderTime } from '../calendar/reminder-time';
import type { Language } from '../content/languages';
import type { ThemeText } from '../content/localize-theme';
import type { AdaptiveCard } from '../domain/turn';
import type { Catalogue } from '../i18n/catalogue';
import type { CardName, CardRenderer } from './render-card';
import { reminderCard, reminderChoiceCard, reminderSetCard } from './reminder-cards';

/** A Wednesday morning in January, so the gallery looks the same on every run. */
const SAMPLE_NOW = new Date('2027-01-06T08:30:00Z');

/**
 * The reminder cards for one theme. `variants` adds the less common states
 * (a refused day with the user's input kept, a replaced reminder), which need
 * checking once rather than for every theme.
 */
export function sampleReminderCards(
  render: CardRenderer,
  t: Catalogue,
  language: Language,
  theme: ThemeText,
  variants: boolean,
): { template: CardName; variant: string; card: AdaptiveCard }[] {
  const at = defaultReminderTime(SAMPLE_NOW);
  const samples = [
    {
      template: 'reminder-choice',
      variant: 'reminder-choice',
      card: reminderChoiceCard(render, t, language, theme, SAMPLE_NOW),
    },
    { template: 'reminder-set', variant: 'reminder-set', card: reminderSetCard(render, t, language, theme, at, false) },
    { template: 'reminder', variant: 'reminder', card: reminderCard(render, t, theme) },
  ] as const;
  if (!variants) return [...samples];
  const refused = reminderChoiceCard(render, t, language, theme, SAMPLE_NOW, {
    pickedDay: '2027-06-30',
    problem: 'too-far',
  });
  return [
    ...samples,
    { template: 'reminder-choice', variant: 'reminder-choice-refused', card: refused },
    {
      template: 'reminder-set',
      variant: 'reminder-set-replaced',
      card: reminderSetCard(render, t, language, theme, at, true),
    },
  ];
}
