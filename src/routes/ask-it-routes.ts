import type { Route } from '../app/route';
import { MAX_DESCRIPTION_LENGTH } from '../cards/report-cards';
import { interpolate } from '../i18n/catalogue';
import { textsFor } from '../i18n/texts-for';
import { osloDateTime } from '../calendar/oslo-time';
import { reporterOf } from './report-routes';

/**
 * «Spør IT» from the questions feature's low-confidence answer card
 * ({action: 'ask-it', question}): the question goes to IT by the same
 * outbox, mail and channel as a report, with its own reference number.
 */
export const askIt: Route = {
  name: 'ask-it',
  select: (turn) => (turn.kind === 'submit' || turn.kind === 'invoke') && turn.action?.name === 'ask-it',
  async handle(turn, { services, language }) {
    const t = textsFor(language, services.localRules);
    const raw = turn.action?.data.question;
    const question = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim().slice(0, MAX_DESCRIPTION_LENGTH) : '';
    if (!question) return { replies: [{ kind: 'text', text: t.reports.askItEmpty }] };
    const item = await services.reports.outbox.add(
      {
        kind: 'question',
        category: 'question',
        ...reporterOf(turn),
        language,
        content: {
          description: question,
          details: '',
          happenedAt: osloDateTime(turn.receivedAt),
          attachments: [],
          missingFiles: [],
        },
      },
      turn.receivedAt,
    );
    services.reports.deliverSoon();
    services.log.info(
      { reference: item.reference, category: 'question', status: 'accepted' },
      'question for IT received',
    );
    return { replies: [{ kind: 'text', text: interpolate(t.reports.askItReceipt, { reference: item.reference }) }] };
  },
};
