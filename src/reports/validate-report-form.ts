import {
  MAX_DESCRIPTION_LENGTH,
  REPORT_CATEGORIES,
  type ReportCategory,
  type ReportFormValues,
} from '../cards/report-cards';
import type { Language } from '../content/languages';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format-number';
import { osloDateTime } from '../calendar/oslo-time';

export const MAX_DETAILS_LENGTH = 1000;
/** Clocks differ a little between phone and server; a report a few minutes "ahead" is fine. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export interface ValidReport {
  category: ReportCategory;
  description: string;
  details: string;
  happenedAt: string;
}

export type FormCheck = { ok: true; report: ValidReport } | { ok: false; values: ReportFormValues; errors: string[] };

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '');
const isCategory = (value: string): value is ReportCategory => (REPORT_CATEGORIES as readonly string[]).includes(value);

/** Date and time from the pickers, or now when both are empty. Undefined: not a real date or time. */
function happenedAt(date: string, time: string, now: Date): string | undefined {
  if (!date && !time) return osloDateTime(now);
  const day = date || osloDateTime(now).slice(0, 10);
  const clock = time || '12:00';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}(:\d{2})?$/.test(clock)) return undefined;
  if (Number.isNaN(Date.parse(`${day}T${clock}Z`))) return undefined;
  return `${day} ${clock.slice(0, 5)}`;
}

/**
 * Checks an Action.Submit from the Meld fra form. On errors the typed values
 * come back as they were, so the form can be shown again without losing anything.
 */
export function validateReportForm(
  data: Record<string, unknown>,
  t: Catalogue,
  language: Language,
  now: Date,
): FormCheck {
  const values: ReportFormValues = {
    category: text(data.category),
    description: text(data.description),
    whenDate: text(data.whenDate),
    whenTime: text(data.whenTime),
    details: text(data.details),
  };
  const errors: string[] = [];
  const category = values.category ?? '';
  const description = values.description ?? '';
  const details = values.details ?? '';
  if (!isCategory(category)) errors.push(t.report.categoryRequired);
  if (category === 'other' && description === '') errors.push(t.reports.descriptionRequired);
  if (description.length > MAX_DESCRIPTION_LENGTH)
    errors.push(interpolate(t.report.descriptionTooLong, { max: formatNumber(MAX_DESCRIPTION_LENGTH, language) }));
  if (details.length > MAX_DETAILS_LENGTH)
    errors.push(interpolate(t.reports.detailsTooLong, { max: formatNumber(MAX_DETAILS_LENGTH, language) }));
  const when = happenedAt(values.whenDate ?? '', values.whenTime ?? '', now);
  if (when === undefined) errors.push(t.reports.whenInvalid);
  else if (when > osloDateTime(new Date(now.getTime() + FUTURE_TOLERANCE_MS))) errors.push(t.reports.whenInFuture);
  if (errors.length > 0 || !isCategory(category) || when === undefined) return { ok: false, values, errors };
  return { ok: true, report: { category, description, details, happenedAt: when } };
}
