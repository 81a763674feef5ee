import { z } from 'zod';
import { THEME_IDS, type ThemeId } from '../content/theme-schema';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** An optional whole number with a default and an admin-friendly message. */
export const wholeNumber = (what: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: `must be ${what}` })
      .int({ message: `must be ${what}` })
      .min(min, { message: `must be ${what} (at least ${min})` })
      .max(max, { message: `must be ${what} (at most ${max})` })
      .default(fallback),
  );

/**
 * An optional number with a default. `min` may lie below what the message
 * tells the admin: the tests run the same code with fractions of a second.
 */
const decimal = (message: string, min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ message }).min(min, message).max(max, message).default(fallback));

/** The monthly campaign and its delivery engine (issue: monthly rollout). */
export const campaignEnv = {
  CAMPAIGN_START: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be the first campaign month as YYYY-MM, e.g. 2027-01')
      .optional(),
  ),
  // Empty, as in .env.example, means the same as unset: all ten themes in the campaign's order.
  CAMPAIGN_THEMES: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(THEME_IDS.join(','))
      .transform(list)
      .refine((ids) => ids.length > 0 && ids.every((id) => (THEME_IDS as readonly string[]).includes(id)), {
        message: `must list theme ids separated by commas, from: ${THEME_IDS.join(', ')}`,
      })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'must not list a theme twice' })
      .transform((ids) => ids as ThemeId[]),
  ),
  CAMPAIGN_SEND_DAY: wholeNumber('which working day of the month to send on, e.g. 1 for the first', 1, 10, 1),
  CAMPAIGN_SEND_TIME: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day in Oslo as HH:MM, e.g. 09:00')
      .default('09:00'),
  ),
  CAMPAIGN_PAUSE_MONTHS: z
    .string()
    .default('7')
    .transform(list)
    .refine((months) => months.every((m) => /^(1[0-2]|[1-9])$/.test(m)), {
      message: 'must be month numbers 1–12 separated by commas, e.g. 7 for July (fellesferie), or empty',
    })
    .transform((months) => months.map(Number)),
  FOLLOW_UP_WEEKS: wholeNumber('the number of weeks from a nudge to its follow-up check (0 turns it off)', 0, 8, 3),
  CATCH_UP_HOURS: wholeNumber('how many hours after a missed send slot refleks may still send', 0, 240, 48),
  RATE_LIMIT_RPS: wholeNumber('sends per second per tenant; Teams allows about 50', 1, 50, 30),
  SEND_CONCURRENCY: wholeNumber('how many sends may be in flight at once', 1, 64, 8),
  SEND_RETRY_SECONDS: decimal('must be a number of seconds between 0.1 and 60, such as 0.5', 0.001, 60, 0.5),
  SEND_GIVE_UP_HOURS: decimal('must be a number of hours between 1 and 168 (a week), such as 24', 0.0001, 168, 24),
  ROLLOUT_LEASE_SECONDS: wholeNumber('how long a sender holds a tenant before another may take over', 2, 600, 30),
  SEND_TIMEOUT_SECONDS: decimal('must be a number of seconds between 1 and 60, such as 15', 0.1, 60, 15),
  ALLOW_OPT_OUT: z.preprocess(
    blankToUndefined,
    z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
  ),
  ADMIN_AAD_OBJECT_IDS: z
    .string()
    .default('')
    .transform(list)
    .refine((ids) => ids.every((id) => GUID.test(id)), {
      message: 'must be Entra object ids (GUIDs) of the campaign admins, separated by commas',
    })
    .transform((ids) => ids.map((id) => id.toLowerCase())),
};

/**
 * A send may only start while the lease outlasts it and the record of its
 * outcome; otherwise another sender could take the tenant over and send the
 * same rows while it is still going.
 */
export function campaignConfigProblems(env: { ROLLOUT_LEASE_SECONDS: number; SEND_TIMEOUT_SECONDS: number }): string[] {
  const { ROLLOUT_LEASE_SECONDS: lease, SEND_TIMEOUT_SECONDS: timeout } = env;
  if (lease >= 2 * timeout) return [];
  return [
    `ROLLOUT_LEASE_SECONDS: must be at least twice SEND_TIMEOUT_SECONDS (${timeout}), so that no send is still going when another instance may take the rollout over. Set ROLLOUT_LEASE_SECONDS=${Math.ceil(2 * timeout)} or more (got ${lease}), or lower SEND_TIMEOUT_SECONDS.`,
  ];
}
