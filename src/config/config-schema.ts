import { z } from 'zod';
import { LANGUAGES } from '../content/languages';
import { campaignEnv } from './campaign-env';
import { engagementEnv } from './engagement-env';
import { reportEnvShape } from './report-env-schema';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated list, blanks ignored: "a, b,," → ["a", "b"]. */
const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const guidList = commaList.refine((ids) => ids.every((id) => GUID.test(id)), {
  message: 'must be a comma-separated list of Entra tenant ids (GUIDs such as 72f988bf-86f1-41af-91ab-2d7cd011db47)',
});

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Every setting refleks reads from the environment. Messages are written for the
 * IT admin who sees them at start-up: they say what to set, not what went wrong inside.
 */
export const envSchema = z.object({
  ...campaignEnv,
  NODE_ENV: z.preprocess(blankToUndefined, z.string().default('development')),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: 'must be a port number such as 3978' }).int().min(0).max(65535).default(3978),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  MicrosoftAppId: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(GUID, "must be the Application (client) ID of the bot's Entra app registration (a GUID)")
      .optional(),
  ),
  MicrosoftAppPassword: z.preprocess(blankToUndefined, z.string().optional()),
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        message: 'must be SingleTenant, UserAssignedMSI or MultiTenant (the "Type of App" of the Azure Bot resource)',
      })
      .default('SingleTenant'),
  ),
  MicrosoftAppTenantId: z.preprocess(
    blankToUndefined,
    z.string().regex(GUID, 'must be the Directory (tenant) ID of your Entra tenant (a GUID)').optional(),
  ),
  ALLOWED_TENANT_IDS: guidList,
  DEFAULT_LANGUAGE: z.preprocess(
    blankToUndefined,
    z.enum(LANGUAGES, { message: 'must be nb (bokmål), nn (nynorsk) or en (English)' }).default('nb'),
  ),
  LOCAL_RULES_FILE: z.preprocess(blankToUndefined, z.string().optional()),
  SHUTDOWN_GRACE_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: 'must be a number of seconds such as 10' }).int().min(0).max(300).default(10),
  ),
  ...reportEnvShape,
  ...engagementEnv,
});

export type Env = z.infer<typeof envSchema>;
