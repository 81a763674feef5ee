import type { CardRenderer } from '../cards/render-card';
import { pulseCard } from '../cards/pulse-cards';
import { checkCard, nudgeCard } from '../cards/theme-cards';
import { pulsePhaseOf } from '../calendar/pulse-schedule';
import type { Language } from '../content/languages';
import type { LocalRules } from '../content/local-rules-schema';
import { localizePulse } from '../content/localize-pulse';
import type { PulseSurvey } from '../content/pulse-schema';
import type { ThemeLibrary } from '../content/theme-library';
import type { Reply } from '../domain/turn';
import { resolveLanguage } from '../i18n/resolve-language';
import { textsFor } from '../i18n/texts-for';
import type { ClaimedDelivery } from '../stores/delivery-store';

/**
 * Builds the message for a ledger row in the recipient's language. A rollout
 * sends the same few cards thousands of times, so each is rendered once.
 */
export function createMessageComposer(
  themes: ThemeLibrary,
  cards: CardRenderer,
  rules: LocalRules,
  defaultLanguage: Language,
  pulse: PulseSurvey,
) {
  const cache = new Map<string, Reply>();
  return (delivery: Pick<ClaimedDelivery, 'themeId' | 'kind' | 'language' | 'locale'>): Reply => {
    const language = resolveLanguage(delivery.language, delivery.locale, defaultLanguage);
    const key = `${delivery.themeId}/${delivery.kind}/${language}`;
    let reply = cache.get(key);
    if (!reply) {
      const t = textsFor(language, rules);
      const theme = themes.text(delivery.themeId, language);
      const phase = pulsePhaseOf(delivery.kind);
      const card = phase
        ? pulseCard(cards, t, localizePulse(pulse, language), phase)
        : delivery.kind === 'nudge'
          ? nudgeCard(cards, t, theme)
          : checkCard(cards, t, theme);
      reply = { kind: 'card', card };
      cache.set(key, reply);
    }
    return reply;
  };
}
