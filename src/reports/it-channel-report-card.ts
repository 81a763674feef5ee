import { osloDateTime } from '../calendar/oslo-time';
import { itChannelCard, type ItChannelCardContent } from '../cards/it-channel-card';
import type { CardRenderer } from '../cards/render-card';
import type { AdaptiveCard } from '../domain/turn';
import type { Catalogue } from '../i18n/catalogue';
import { categoryLabel } from './report-mail';
import type { OutboxItem } from './report-types';

/**
 * What the card shows that the outbox does not keep: who reported (a name),
 * and after delivery when it happened and the text IT read on the card.
 */
export interface CardFacts {
  happenedAt?: string;
  reportedBy: string;
  shown?: ItChannelCardContent;
}

/**
 * The IT channel's card for one outbox item: drawn when it is posted, and
 * again from the outbox when IT presses «Behandlet». After delivery the
 * content is gone from the outbox: the redrawn card shows the text that came
 * back with the button, or, for a card without it, says where the text is.
 */
export function itChannelReportCard(
  cards: CardRenderer,
  t: Catalogue,
  item: OutboxItem,
  facts: CardFacts,
  fullText: 'mail' | 'reporter',
): AdaptiveCard {
  const content = item.content;
  return itChannelCard(cards, t, {
    reference: item.reference,
    kind: item.kind,
    category: categoryLabel(item, t),
    happenedAt: item.kind === 'report' ? (content?.happenedAt ?? facts.happenedAt) : undefined,
    reportedBy: facts.reportedBy,
    content: content
      ? {
          description: content.description,
          details: content.details,
          attachmentNames: content.attachments.map((file) => file.name),
        }
      : facts.shown,
    fullText,
    handledAt: item.handledAt ? osloDateTime(item.handledAt) : undefined,
  });
}
