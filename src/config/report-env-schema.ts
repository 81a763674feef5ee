import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const number = (message: string, min: number, max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ message }).min(min, message).max(max, message).default(fallback));
const guid = (what: string) => z.string().regex(GUID, `must be the ${what} (a GUID)`);
const mailbox = (what: string) => z.email({ message: `must be the e-mail address of ${what}` });

/**
 * Settings for «Meld fra» (reports to IT support). Messages are for the IT
 * admin who sees them at start-up: what to set, and why.
 */
export const reportEnvShape = {
  GRAPH_AUTH: optional(
    z.enum(['managed-identity', 'certificate', 'secret'], {
      message: 'must be managed-identity, certificate or secret (how refleks signs in to Microsoft Graph)',
    }),
  ),
  GRAPH_TENANT_ID: optional(guid('Directory (tenant) ID of your Entra tenant')),
  GRAPH_CLIENT_ID: optional(guid('Application (client) ID of the app registration or managed identity')),
  GRAPH_CLIENT_SECRET: optional(z.string()),
  GRAPH_CERTIFICATE_PATH: optional(z.string()),
  GRAPH_AUTHORITY_HOST: optional(
    z.url({ protocol: /^https$/, message: 'must be an https:// address such as https://login.microsoftonline.com' }),
  ),
  GRAPH_BASE_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, message: 'must be an address such as https://graph.microsoft.com/v1.0' })
      .default('https://graph.microsoft.com/v1.0'),
  ),
  GRAPH_TIMEOUT_SECONDS: number('must be a number of seconds between 1 and 120, such as 30', 0.1, 120, 30),
  REPORT_SENDER_MAILBOX: optional(mailbox('the mailbox refleks sends reports from, such as meldfra@kommune.no')),
  IT_SUPPORT_EMAIL: optional(mailbox('IT support, who receive the reports')),
  IT_CHANNEL: optional(
    z.string().regex(/^19:[^\s;]+@thread\.(tacv2|skype)$/, {
      message: 'must be the Teams channel id, such as 19:abc123@thread.tacv2 (from «Get link to channel»)',
    }),
  ),
  MAX_ATTACHMENT_MB: number(
    'must be a number of megabytes between 0 and 3: Microsoft Graph takes at most 4 MB per e-mail, and files grow by a third when they are attached',
    0,
    3,
    3,
  ),
  REPORT_GIVE_UP_MINUTES: number(
    'must be a number of minutes between 1 and 10080 (a week), such as 60',
    0.01,
    10080,
    60,
  ),
  REPORT_RETRY_SECONDS: number('must be a number of seconds between 1 and 3600, such as 15', 0.01, 3600, 15),
  REPORT_WORKER_SECONDS: number('must be a number of seconds between 1 and 300, such as 10', 0.01, 300, 10),
  REPORT_RETENTION_DAYS: number('must be a number of days between 1 and 3650, such as 90', 1, 3650, 90),
};
