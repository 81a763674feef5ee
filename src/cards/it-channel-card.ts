import type { AdaptiveCard } from '../domain/turn';
import type { Catalogue } from '../i18n/catalogue';
import type { CardRenderer } from './render-card';

export interface ItChannelCardInput {
  reference: string;
  kind: 'report' | 'question';
  category: string;
  happenedAt?: string;
  reportedAt: string;
  /** The reporter's Teams display name, so IT can follow up; never the e-mail. */
  reportedBy: string;
  description: string;
  details: string;
  attachmentNames: string[];
  /** When IT pressed «Behandlet» (Norwegian time); undefined while open. */
  handledAt?: string;
}

/**
 * A report as IT sees it in their channel. User text goes into TextRuns,
 * which Teams never reads as markdown, so a pasted link or **bold** stays
 * plain text. Once handled, the «Behandlet» button gives way to a note.
 */
export function itChannelCard(render: CardRenderer, t: Catalogue, input: ItChannelCardInput): AdaptiveCard {
  const c = t.reports.channel;
  const facts = [
    { title: c.reference, value: input.reference },
    { title: c.category, value: input.category },
    ...(input.happenedAt ? [{ title: c.happenedAt, value: input.happenedAt }] : []),
    { title: c.reportedBy, value: input.reportedBy },
  ];
  const sections = [
    { label: c.description, text: input.description },
    { label: c.details, text: input.details },
    { label: c.attachments, text: input.attachmentNames.join('\n') },
  ].filter((section) => section.text !== '');
  const { handledAt, attachmentNames, ...rest } = input;
  return render('it-channel-report', {
    title: input.kind === 'question' ? c.questionTitle : c.title,
    facts,
    sections,
    handled: handledAt !== undefined,
    handledText: `${c.handled} · ${handledAt ?? ''}`,
    handledButton: c.handledButton,
    // The card's facts ride along with «Behandlet», so the handled card can be drawn after the content is deleted.
    actionData: { ...rest, attachmentNames: attachmentNames.join('\n') },
  });
}
