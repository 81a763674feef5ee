import type { Language } from '../content/languages';
import type { PulseText } from '../content/localize-pulse';
import type { ThemeLibrary } from '../content/theme-library';
import type { AdaptiveCard } from '../domain/turn';
import type { TenantStats } from '../engagement/aggregate';
import { isShown, type Cell } from '../engagement/suppress';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import { formatNumber, formatPercent } from '../i18n/format-number';
import { pulseStatisticsRows } from './pulse-statistics';
import type { CardRenderer } from './render-card';

/**
 * The admin's funnel per theme for their own municipality, and the pulse
 * before and after when there is one; suppressed cells say so, never a number.
 */
export function statisticsCard(
  render: CardRenderer,
  t: Catalogue,
  language: Language,
  themes: ThemeLibrary,
  stats: TenantStats | undefined,
  minGroupSize: number,
  pulse?: PulseText,
): AdaptiveCard {
  const s = t.engagement.stats;
  const count = (cell: Cell) =>
    isShown(cell) ? formatNumber(cell, language) : interpolate(s.suppressed, { min: minGroupSize });
  const share = (cell: Cell) => (isShown(cell) ? formatPercent(cell, language) : s.hidden);
  const rows = (stats?.themes ?? []).map((theme) => ({
    title: themes.text(theme.themeId, language).title,
    funnel: interpolate(s.funnel, {
      reached: count(theme.reached),
      interacted: count(theme.interacted),
      quiz: count(theme.quizAnswered),
      correct: share(theme.quizCorrectShare),
      committed: count(theme.committed),
    }),
    reminders: interpolate(t.reminders.stats, { reminders: count(theme.reminders) }),
    checks: interpolate(s.checks, {
      always: count(theme.checks.always),
      usually: count(theme.checks.usually),
      rarely: count(theme.checks.rarely),
      unknown: count(theme.checks.unknown),
    }),
    leaders: interpolate(s.leaders, { kits: count(theme.meetingKits), paused: count(theme.paused) }),
  }));
  const pulseRows = pulse && stats ? pulseStatisticsRows(t, pulse, stats.pulse, count) : [];
  const footer =
    stats && rows.length + pulseRows.length > 0 ? interpolate(s.paused, { paused: count(stats.paused) }) : s.empty;
  const intro = interpolate(s.intro, { min: minGroupSize });
  return render('statistics', { t, intro, themes: rows, pulse: pulseRows, footer });
}
