import { z } from 'zod';
import { wholeNumber } from './campaign-env';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Measurement in aggregate (issue 7): the pseudonym key, retention and the smallest group shown. */
export const engagementEnv = {
  ANALYTICS_PEPPER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .min(32, {
        message: 'must be a random secret of at least 32 characters; generate one with: openssl rand -base64 48',
      })
      .optional(),
  ),
  EVENT_RETENTION_MONTHS: wholeNumber('the number of months usage events are kept', 1, 60, 13),
  MIN_GROUP_SIZE: wholeNumber(
    'the smallest number of people a statistic may describe; below 3 individuals could be recognised',
    3,
    1000,
    5,
  ),
  REMINDER_INTERVAL_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'must be a number of seconds between 1 and 300, such as 30' })
      .min(0.01, 'must be a number of seconds between 1 and 300, such as 30')
      .max(300, 'must be a number of seconds between 1 and 300, such as 30')
      .default(30),
  ),
};
