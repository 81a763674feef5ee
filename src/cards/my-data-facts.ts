import type { MessageKind } from '../calendar/campaign-schedule';
import { pulsePhaseOf } from '../calendar/pulse-schedule';
import type { Language } from '../content/languages';
import type { ThemeLibrary } from '../content/theme-library';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import type { PersonalDelivery } from '../stores/delivery-store';
import type { ReportSummary } from '../stores/report-outbox-store';
import { when } from './campaign-cards';

type Fact = { title: string; value: string };

/**
 * The delivery ledger's rows about the reader, compactly: how many tips,
 * checks and pulses reached them and the latest («3 (siste: Sterke passord,
 * 2. mars 2027, 09:00)»), and rows still on the way or never sent (paused,
 * app removed, failed). Checks, pulses and unsent rows only when there are any.
 */
export function ledgerFacts(
  t: Catalogue,
  language: Language,
  themes: ThemeLibrary,
  deliveries: PersonalDelivery[],
): Fact[] {
  const m = t.engagement.myData;
  const sent = deliveries.filter((d) => d.status === 'sent');
  const nameOf = (d: PersonalDelivery) => {
    const phase = pulsePhaseOf(d.kind);
    return phase ? t.pulse.phase[phase] : themes.text(d.themeId, language).title;
  };
  const received = (title: string, kinds: MessageKind[]): Fact => {
    const mine = sent.filter((d) => kinds.includes(d.kind));
    // The ledger lists them in the order they were sent.
    const latest = mine[mine.length - 1];
    const value = latest
      ? interpolate(m.receivedValue, {
          count: mine.length,
          title: nameOf(latest),
          when: latest.sentAt ? when(latest.sentAt, language) : '',
        })
      : m.none;
    return { title, value };
  };
  const facts = [received(m.tipsReceived, ['nudge'])];
  if (sent.some((d) => d.kind === 'check')) facts.push(received(m.checksReceived, ['check']));
  if (sent.some((d) => pulsePhaseOf(d.kind))) facts.push(received(m.pulseReceived, ['pulse-before', 'pulse-after']));
  const waiting = deliveries.filter((d) => d.status === 'pending' || d.status === 'sending').length;
  const notSent = deliveries.filter((d) => d.status === 'failed' || d.status === 'skipped').length;
  if (waiting + notSent > 0) facts.push({ title: m.notSent, value: interpolate(m.notSentValue, { waiting, notSent }) });
  return facts;
}

/**
 * What «Meld fra» holds under the reader's id: an open form with the files
 * waiting in it, and each report or question still in the outbox by its
 * reference and category (the content is deleted once IT has it).
 */
export function reportFacts(t: Catalogue, reports: ReportSummary[], draftFiles: number | undefined): Fact[] {
  const m = t.engagement.myData;
  const facts: Fact[] = [];
  if (draftFiles !== undefined) {
    facts.push({ title: m.reportDraft, value: interpolate(m.reportDraftValue, { files: draftFiles }) });
  }
  if (reports.length > 0) {
    const lines = reports.map((report) =>
      interpolate(report.delivered ? m.reportDelivered : m.reportNotDelivered, {
        reference: report.reference,
        category: report.category === 'question' ? t.reports.questionCategory : t.report.categories[report.category],
      }),
    );
    facts.push({ title: m.reportReferences, value: lines.join('; ') });
  }
  return facts;
}
