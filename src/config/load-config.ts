import { StartupError } from '../startup-error';
import path from 'node:path';
import type { Language } from '../content/languages';
import type { CampaignSettings } from '../calendar/campaign-schedule';
import { campaignConfigProblems } from './campaign-env';
import { envSchema, type Env } from './config-schema';
import { engagementConfigProblems, toEngagementConfig, type EngagementConfig } from './engagement-config';
import { reportConfigProblems, toReportConfig, type ReportConfig } from './report-config';

export type AppType = Env['MicrosoftAppType'];

export interface CampaignConfig {
  /** Undefined until CAMPAIGN_START is set: then only admins send, by hand. */
  schedule?: CampaignSettings;
  catchUpMs: number;
  ratePerSecond: number;
  concurrency: number;
  /** First retry after a temporary send error; the wait doubles up to 15 minutes. */
  firstRetryMs: number;
  /** How long after a recipient's first temporary error refleks keeps trying. */
  giveUpMs: number;
  leaseTtlMs: number;
  /** How long one rollout send may take; the lease is at least twice this. */
  sendTimeoutMs: number;
  allowOptOut: boolean;
  adminIds: string[];
}

function campaignConfig(env: Env): CampaignConfig {
  const [hour = 9, minute = 0] = env.CAMPAIGN_SEND_TIME.split(':').map(Number);
  const [year = 0, month = 0] = (env.CAMPAIGN_START ?? '').split('-').map(Number);
  return {
    schedule: env.CAMPAIGN_START
      ? {
          start: { year, month },
          themeOrder: env.CAMPAIGN_THEMES,
          sendWorkingDay: env.CAMPAIGN_SEND_DAY,
          sendTime: { hour, minute },
          pauseMonths: env.CAMPAIGN_PAUSE_MONTHS,
          followUpWeeks: env.FOLLOW_UP_WEEKS,
        }
      : undefined,
    catchUpMs: env.CATCH_UP_HOURS * 3_600_000,
    ratePerSecond: env.RATE_LIMIT_RPS,
    concurrency: env.SEND_CONCURRENCY,
    firstRetryMs: env.SEND_RETRY_SECONDS * 1000,
    giveUpMs: env.SEND_GIVE_UP_HOURS * 3_600_000,
    leaseTtlMs: env.ROLLOUT_LEASE_SECONDS * 1000,
    sendTimeoutMs: env.SEND_TIMEOUT_SECONDS * 1000,
    allowOptOut: env.ALLOW_OPT_OUT === 'true',
    adminIds: env.ADMIN_AAD_OBJECT_IDS,
  };
}

/** The validated settings the rest of refleks is built from. */
export interface Config {
  production: boolean;
  port: number;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  /** Local mode: no Bot Framework authentication, for the Agents Playground and tests. */
  localMode: boolean;
  bot: { appId?: string; appPassword?: string; appType: AppType; tenantId?: string };
  /** Empty means any tenant (local mode only). */
  allowedTenantIds: string[];
  defaultLanguage: Language;
  localRulesFile?: string;
  shutdownGraceMs: number;
  campaign: CampaignConfig;
  /** «Meld fra»: Graph e-mail, IT channel, outbox timing. */
  reports: ReportConfig;
  /** Usage events, pseudonyms and statistics. */
  engagement: EngagementConfig;
}

/** Thrown when the environment is wrong; `problems` say which variable and what to set. */
export class ConfigError extends StartupError {
  constructor(readonly problems: string[]) {
    super(
      `refleks cannot start. Fix these settings (environment variables or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

function crossFieldProblems(env: Env, production: boolean): string[] {
  const problems: string[] = [];
  const localMode = env.MicrosoftAppId === undefined;
  if (localMode && production) {
    problems.push(
      'MicrosoftAppId: is empty, which means local mode without authentication. That is not allowed with NODE_ENV=production: set MicrosoftAppId (and its credentials) from the Azure Bot resource.',
    );
  }
  if (localMode && env.ALLOWED_TENANT_IDS.length === 0) return problems;
  if (!localMode && env.ALLOWED_TENANT_IDS.length === 0) {
    problems.push(
      'ALLOWED_TENANT_IDS: set the Entra tenant id(s) of the municipalities this bot serves, comma-separated. Only local mode may accept any tenant.',
    );
  }
  if (!localMode && env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
    problems.push(
      `MicrosoftAppTenantId: is required when MicrosoftAppType=${env.MicrosoftAppType}. Set it to the Directory (tenant) ID of the bot's app registration.`,
    );
  }
  if (!localMode && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
    problems.push(
      `MicrosoftAppPassword: is required when MicrosoftAppType=${env.MicrosoftAppType}. Set it to a client secret of the bot's app registration, or use MicrosoftAppType=UserAssignedMSI with a managed identity.`,
    );
  }
  return problems;
}

function describeIssue(name: string, message: string, source: NodeJS.ProcessEnv): string {
  // Echo the wrong value to help the admin, but never a secret.
  const shown = /password|secret|key|pepper/i.test(name) ? '(hidden)' : `"${source[name] ?? ''}"`;
  return `${name}: ${message} (got ${shown})`;
}

/** Validates the environment. Pure: pass process.env (after .env is read). */
export function loadConfig(source: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => describeIssue(String(issue.path[0]), issue.message, source)),
    );
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const problems = [
    ...crossFieldProblems(env, production),
    ...campaignConfigProblems(env),
    ...reportConfigProblems(env, env.MicrosoftAppId === undefined),
    ...engagementConfigProblems(env, env.MicrosoftAppId === undefined),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    production,
    port: env.PORT,
    dataDir: path.resolve(cwd, env.DATA_DIR),
    logLevel: env.LOG_LEVEL,
    localMode: env.MicrosoftAppId === undefined,
    bot: {
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      appType: env.MicrosoftAppType,
      tenantId: env.MicrosoftAppTenantId,
    },
    allowedTenantIds: env.ALLOWED_TENANT_IDS.map((id) => id.toLowerCase()),
    defaultLanguage: env.DEFAULT_LANGUAGE,
    localRulesFile: env.LOCAL_RULES_FILE ? path.resolve(cwd, env.LOCAL_RULES_FILE) : undefined,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    campaign: campaignConfig(env),
    reports: toReportConfig(env),
    engagement: toEngagementConfig(env),
  };
}
