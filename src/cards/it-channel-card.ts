import type { AdaptiveCard } from '../domain/turn';
import type { Catalogue } from '../i18n/catalogue';
import { fitText } from './fit-text';
import type { CardRenderer } from './render-card';

/** What the reporter wrote, as far as the card shows it. */
export interface ItChannelCardContent {
  description: string;
  details: string;
  attachmentNames: string[];
  /** Already cut to fit an earlier card (the text came back with «Behandlet»). */
  shortened?: boolean;
}

export interface ItChannelCardInput {
  reference: string;
  kind: 'report' | 'question';
  category: string;
  happenedAt?: string;
  /** The reporter's Teams display name, so IT can follow up; never the e-mail. */
  reportedBy: string;
  /** Undefined once refleks has deleted the report's content (after delivery). */
  content?: ItChannelCardContent;
  /** Where IT finds the whole text when the card cannot show it: the e-mail, or only the reporter. */
  fullText: 'mail' | 'reporter';
  /** When IT pressed «Behandlet» (Norwegian time); undefined while open. */
  handledAt?: string;
}

/**
 * Teams refuses a message over about 28 KB, and a refused card would leave IT
 * without the report. So each piece of user text gets a budget in bytes (as
 * sent: UTF-8 with JSON escapes). The text goes twice, shown and in the
 * «Behandlet» button, so the handled card still shows what IT read: the
 * largest possible card stays under 20 KB. The longest description the form
 * takes fits whole in Norwegian (4,000 characters, some of them æøå, are
 * about 4,200 bytes); 4,000 Chinese characters (12,000 bytes) are cut.
 */
export const CARD_TEXT_BUDGET = { description: 6000, details: 1500, attachmentNames: 1000, reportedBy: 300 } as const;

/**
 * A report as IT sees it in their channel. User text goes into TextRuns,
 * which Teams never reads as markdown, so a pasted link or **bold** stays
 * plain text. Once handled, the «Behandlet» button gives way to a note.
 * The button carries the reference, who reported and the text as shown (all
 * of it within the budgets below): the handled card is drawn again from the
 * outbox, which has deleted the text by then, and must still show it.
 */
export function itChannelCard(render: CardRenderer, t: Catalogue, input: ItChannelCardInput): AdaptiveCard {
  const c = t.reports.channel;
  const reportedBy = fitText(input.reportedBy, CARD_TEXT_BUDGET.reportedBy).text;
  const facts = [
    { title: c.reference, value: input.reference },
    { title: c.category, value: input.category },
    ...(input.happenedAt ? [{ title: c.happenedAt, value: input.happenedAt }] : []),
    { title: c.reportedBy, value: reportedBy },
  ];
  const content = input.content;
  const pieces = content
    ? [
        { label: c.description, ...fitText(content.description, CARD_TEXT_BUDGET.description) },
        { label: c.details, ...fitText(content.details, CARD_TEXT_BUDGET.details) },
        { label: c.attachments, ...fitText(content.attachmentNames.join('\n'), CARD_TEXT_BUDGET.attachmentNames) },
      ]
    : [];
  const sections = pieces.filter((piece) => piece.text !== '').map(({ label, text }) => ({ label, text }));
  const rest =
    input.fullText === 'mail'
      ? { deleted: c.contentDeletedSeeMail, shortened: c.shortenedSeeMail }
      : { deleted: c.contentDeletedAskReporter, shortened: c.shortenedAskReporter };
  const shortened = content?.shortened || pieces.some((piece) => piece.shortened);
  const note = !content ? rest.deleted : shortened ? rest.shortened : '';
  return render('it-channel-report', {
    title: input.kind === 'question' ? c.questionTitle : c.title,
    facts,
    sections,
    note,
    hasNote: note !== '',
    handled: input.handledAt !== undefined,
    handledText: `${c.handled} · ${input.handledAt ?? ''}`,
    handledButton: c.handledButton,
    // The outbox deletes the content on delivery: what IT read comes back with «Behandlet», so it stays on the card.
    actionData: {
      reference: input.reference,
      happenedAt: input.happenedAt ?? '',
      reportedBy,
      ...(content && {
        description: pieces[0]?.text ?? '',
        details: pieces[1]?.text ?? '',
        attachmentNames: pieces[2]?.text ?? '',
        shortened,
      }),
    },
  });
}
