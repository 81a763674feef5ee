/**
 * Time from the most recent nudge to a «Meld fra» report, kept only as a
 * coarse bucket. The delivery ledger holds object ids and events hold
 * pseudonyms, so the two can never be joined afterwards; the report route
 * knows the person at the moment of the report and stores the bucket then.
 */
export const DELAY_BUCKETS = ['under-1h', '1-4h', '4-24h', '1-2d', '2-7d', '7-14d', '14-30d', 'over-30d'] as const;
export type DelayBucket = (typeof DELAY_BUCKETS)[number];

const HOUR_MS = 3_600_000;
/** Upper bound of each bucket in hours (exclusive), in the order of DELAY_BUCKETS. */
const UPPER_HOURS = [1, 4, 24, 48, 7 * 24, 14 * 24, 30 * 24, Infinity];

export const isDelayBucket = (value: unknown): value is DelayBucket =>
  typeof value === 'string' && (DELAY_BUCKETS as readonly string[]).includes(value);

export function delayBucket(elapsedMs: number): DelayBucket {
  const hours = Math.max(0, elapsedMs) / HOUR_MS;
  const index = UPPER_HOURS.findIndex((upper) => hours < upper);
  return DELAY_BUCKETS[index] ?? 'over-30d';
}

/**
 * The bucket that holds the median person (the lower median for an even
 * count), from people per bucket. Undefined when nobody is counted.
 */
export function medianBucket(people: Record<DelayBucket, number>): DelayBucket | undefined {
  const total = DELAY_BUCKETS.reduce((sum, bucket) => sum + people[bucket], 0);
  if (total === 0) return undefined;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  return DELAY_BUCKETS.find((bucket) => (seen += people[bucket]) >= middle);
}
