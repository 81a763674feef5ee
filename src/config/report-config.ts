import type { Env } from './config-schema';
import type { reportEnvShape } from './report-env-schema';

type ReportEnv = Pick<Env, keyof typeof reportEnvShape>;
export type GraphAuth = NonNullable<ReportEnv['GRAPH_AUTH']>;

/** How refleks reaches Microsoft Graph to e-mail reports to IT support. */
export interface GraphSettings {
  auth: GraphAuth;
  tenantId?: string;
  /** For managed-identity: the client id of a user-assigned identity (empty: system-assigned). */
  clientId?: string;
  clientSecret?: string;
  certificatePath?: string;
  /** Entra sign-in host; only changed for national clouds and local stand-ins. */
  authorityHost?: string;
  baseUrl: string;
  timeoutMs: number;
  senderMailbox: string;
  itSupportEmail: string;
}

export interface ReportConfig {
  /** Undefined: no e-mail; reports go to the IT channel only (or wait in the outbox in local mode). */
  graph?: GraphSettings;
  itChannelId?: string;
  maxAttachmentBytes: number;
  giveUpMs: number;
  firstRetryMs: number;
  workerIntervalMs: number;
  retentionMs: number;
}

const GRAPH_NEEDS: Record<GraphAuth, (keyof ReportEnv)[]> = {
  secret: ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'],
  certificate: ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CERTIFICATE_PATH'],
  'managed-identity': [],
};
const GRAPH_SETTINGS: (keyof ReportEnv)[] = [
  'REPORT_SENDER_MAILBOX',
  'IT_SUPPORT_EMAIL',
  'GRAPH_TENANT_ID',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
  'GRAPH_CERTIFICATE_PATH',
];

/**
 * Meld fra must be able to deliver from the first report on, so gaps are
 * start-up errors. Campaign admins count as a way: they choose IT's channel
 * with «sett it-kanal» in Teams (until then reports wait in the outbox, and
 * after the give-up time the reporter is told to call IT, as in an outage).
 */
export function reportConfigProblems(env: ReportEnv & Pick<Env, 'ADMIN_AAD_OBJECT_IDS'>, localMode: boolean): string[] {
  const problems: string[] = [];
  if (!env.GRAPH_AUTH) {
    const stray = GRAPH_SETTINGS.filter((name) => env[name] !== undefined);
    if (stray.length > 0)
      problems.push(
        `GRAPH_AUTH: set it to managed-identity, certificate or secret, so refleks can e-mail reports through Microsoft Graph (${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set).`,
      );
    if (!localMode && !env.IT_CHANNEL && env.ADMIN_AAD_OBJECT_IDS.length === 0)
      problems.push(
        'Meld fra has nowhere to deliver reports. Set GRAPH_AUTH, REPORT_SENDER_MAILBOX and IT_SUPPORT_EMAIL (e-mail to IT through Microsoft Graph), or IT_CHANNEL (a channel in IT support’s team), or ADMIN_AAD_OBJECT_IDS (an admin then writes «@refleks sett it-kanal» in IT’s channel).',
      );
    return problems;
  }
  for (const name of ['REPORT_SENDER_MAILBOX', 'IT_SUPPORT_EMAIL', ...GRAPH_NEEDS[env.GRAPH_AUTH]] as const) {
    if (env[name] === undefined) problems.push(`${name}: is required when GRAPH_AUTH=${env.GRAPH_AUTH}.`);
  }
  return problems;
}

/** Call only when reportConfigProblems found nothing. */
export function toReportConfig(env: ReportEnv): ReportConfig {
  const auth = env.GRAPH_AUTH;
  const graph: GraphSettings | undefined =
    auth && env.REPORT_SENDER_MAILBOX && env.IT_SUPPORT_EMAIL
      ? {
          auth,
          tenantId: env.GRAPH_TENANT_ID,
          clientId: env.GRAPH_CLIENT_ID,
          clientSecret: env.GRAPH_CLIENT_SECRET,
          certificatePath: env.GRAPH_CERTIFICATE_PATH,
          authorityHost: env.GRAPH_AUTHORITY_HOST,
          baseUrl: env.GRAPH_BASE_URL.replace(/\/+$/, ''),
          timeoutMs: env.GRAPH_TIMEOUT_SECONDS * 1000,
          senderMailbox: env.REPORT_SENDER_MAILBOX,
          itSupportEmail: env.IT_SUPPORT_EMAIL,
        }
      : undefined;
  return {
    graph,
    itChannelId: env.IT_CHANNEL,
    // Megabytes of 1,000,000 bytes: 3 MB grows to 4,000,000 bytes in base64, under Graph's 4 MiB request limit.
    maxAttachmentBytes: Math.round(env.MAX_ATTACHMENT_MB * 1_000_000),
    giveUpMs: env.REPORT_GIVE_UP_MINUTES * 60_000,
    firstRetryMs: env.REPORT_RETRY_SECONDS * 1000,
    workerIntervalMs: env.REPORT_WORKER_SECONDS * 1000,
    retentionMs: env.REPORT_RETENTION_DAYS * 86_400_000,
  };
}
