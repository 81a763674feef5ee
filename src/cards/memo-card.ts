import type { AdaptiveCard } from '../domain/turn';
import type { Catalogue } from '../i18n/catalogue';
import type { CardRenderer } from './render-card';

/** Enough for every FAQ entry in every language with its usual related questions; then start over. */
const MAX_ENTRIES = 5000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Remembers cards that depend only on the catalogue and a few strings, such
 * as an answer card: templating costs more than the rest of a turn's own
 * work, and the same answer is sent to many people. Cached cards are frozen,
 * so a caller that tried to change a shared card would fail loudly.
 */
export function createCardMemo(): (
  renderer: CardRenderer,
  t: Catalogue,
  key: string,
  render: () => AdaptiveCard,
) => AdaptiveCard {
  const byRenderer = new WeakMap<CardRenderer, WeakMap<Catalogue, Map<string, AdaptiveCard>>>();
  return (renderer, t, key, render) => {
    const byCatalogue = byRenderer.get(renderer) ?? new WeakMap<Catalogue, Map<string, AdaptiveCard>>();
    byRenderer.set(renderer, byCatalogue);
    let cards = byCatalogue.get(t);
    if (!cards || cards.size >= MAX_ENTRIES) {
      cards = new Map();
      byCatalogue.set(t, cards);
    }
    let card = cards.get(key);
    if (!card) {
      card = deepFreeze(render());
      cards.set(key, card);
    }
    return card;
  };
}
