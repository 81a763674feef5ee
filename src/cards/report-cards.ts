import type { Language } from '../content/languages';
import type { AdaptiveCard } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import { formatMegabytes } from '../i18n/format-number';
import type { CardRenderer } from './render-card';

export const REPORT_CATEGORIES = [
  'suspicious-email',
  'suspicious-sms-call',
  'suspicious-teams',
  'clicked-link',
  'typed-password',
  'lost-device',
  'wrong-recipient',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const MAX_DESCRIPTION_LENGTH = 4000;

/** What the user has typed so far; shown again when the form comes back with errors. */
export interface ReportFormValues {
  category?: string;
  description?: string;
  whenDate?: string;
  whenTime?: string;
  details?: string;
}

export interface ReportFormInput {
  values: ReportFormValues;
  errors: string[];
  /** All files of one report together; 0 when the municipality takes no files (MAX_ATTACHMENT_MB=0). */
  maxAttachmentBytes: number;
  language: Language;
}

export function reportFormCard(render: CardRenderer, t: Catalogue, input: ReportFormInput): AdaptiveCard {
  const { values } = input;
  return render('report-form', {
    t,
    errors: input.errors,
    // Every value is a string so the template never shows an unexpanded ${...}.
    values: {
      category: values.category ?? '',
      description: values.description ?? '',
      whenDate: values.whenDate ?? '',
      whenTime: values.whenTime ?? '',
      details: values.details ?? '',
    },
    categories: REPORT_CATEGORIES.map((value) => ({ value, title: t.report.categories[value] })),
    maxDescription: MAX_DESCRIPTION_LENGTH,
    filesHint:
      input.maxAttachmentBytes === 0
        ? t.report.filesOff
        : interpolate(t.report.filesHint, { maxMb: formatMegabytes(input.maxAttachmentBytes, input.language) }),
  });
}

export function reportReceiptCard(
  render: CardRenderer,
  t: Catalogue,
  reference: string,
  category: ReportCategory,
): AdaptiveCard {
  return render('report-receipt', {
    t,
    reference: interpolate(t.report.reference, { reference }),
    category: t.report.categories[category],
    guidance: t.report.guidance[category],
  });
}
