import type { ReportMonthFact } from '../stores/event-store';
import { DELAY_BUCKETS, medianBucket, type DelayBucket } from './report-delay';
import { suppressCount, type Cell } from './suppress';

export interface ReportStats {
  /** Every month from the first to the last with a report (YYYY-MM, Oslo time), gaps included. */
  reportsPerMonth: { month: string; people: Cell }[];
  /** Median time from the most recent nudge to a person's latest report, as a bucket. */
  reportDelay: { people: Cell; median: DelayBucket | 'suppressed' };
}

/** "2027-01" … "2027-04": every month between two, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/**
 * «Meld fra» figures for one municipality. Months are independent counts of
 * distinct people (someone may report in several months), so no month can be
 * worked out from the others; the median is shown only over at least k people.
 */
export function reportStats(
  months: ReportMonthFact[],
  delayPeople: Record<DelayBucket, number>,
  k: number,
): ReportStats {
  const keys = months.map((m) => m.month).sort();
  const range = keys.length > 0 ? monthsBetween(keys[0] ?? '', keys[keys.length - 1] ?? '') : [];
  const reportsPerMonth = range.map((month) => ({
    month,
    people: suppressCount(months.find((m) => m.month === month)?.people ?? 0, k),
  }));
  const timed = DELAY_BUCKETS.reduce((sum, bucket) => sum + delayPeople[bucket], 0);
  const median = timed >= k ? (medianBucket(delayPeople) ?? 'suppressed') : 'suppressed';
  return { reportsPerMonth, reportDelay: { people: suppressCount(timed, k), median } };
}
