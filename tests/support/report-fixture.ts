import Database from 'better-sqlite3';
import path from 'node:path';
import { GraphStandIn } from '../../scripts/lib/graph-stand-in';
import { makeSelfSignedTls } from '../../scripts/lib/self-signed-tls';
import { TokenStandIn } from '../../scripts/lib/token-stand-in';
import { messageActivity, submitActivity, TENANT, type UserSpec } from './activities';
import { ConnectorStandIn } from './connector-stand-in';
import { FileServer } from './file-server';

export const CLIENT_ID = '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a90';
export const SECRET = 'stand-in-secret';
export const SENDER = 'meldfra@kommune.example';
export const IT_SUPPORT = 'it@kommune.example';
export const REPORTER = { name: 'Kari Nordmann', email: 'kari.nordmann@kommune.example' };

/** Loopback stand-ins for the identity platform, Graph, the Bot Connector and Teams file downloads. */
export function useReportStandIns() {
  const tls = makeSelfSignedTls();
  const token = new TokenStandIn(tls, { clientId: CLIENT_ID, secret: SECRET, clientCertPem: tls.cert });
  const graph = new GraphStandIn({ tls, validTokens: token.issued });
  const connector = new ConnectorStandIn();
  const files = new FileServer();
  beforeAll(async () => {
    await Promise.all([token.start(), graph.start(), connector.start(), files.start()]);
  });
  afterAll(async () => {
    await Promise.all([token.stop(), graph.stop(), connector.stop(), files.stop()]);
  });
  beforeEach(() => {
    graph.reset();
    connector.sent.length = 0;
    connector.conversationFailures.clear();
    connector.maxActivityBytes = undefined;
  });
  /** Settings for a service that e-mails reports through the Graph stand-in with a client secret. */
  const env = (dataDir: string, extra: Record<string, string> = {}): Record<string, string> => ({
    DATA_DIR: dataDir,
    ALLOWED_TENANT_IDS: TENANT,
    GRAPH_AUTH: 'secret',
    GRAPH_TENANT_ID: TENANT,
    GRAPH_CLIENT_ID: CLIENT_ID,
    GRAPH_CLIENT_SECRET: SECRET,
    GRAPH_AUTHORITY_HOST: token.url,
    GRAPH_BASE_URL: graph.url,
    REPORT_SENDER_MAILBOX: SENDER,
    IT_SUPPORT_EMAIL: IT_SUPPORT,
    GRAPH_TIMEOUT_SECONDS: '1.5',
    REPORT_RETRY_SECONDS: '0.3',
    REPORT_WORKER_SECONDS: '0.2',
    NODE_EXTRA_CA_CERTS: tls.certPath,
    ...extra,
  });
  return { tls, token, graph, connector, files, env };
}

/** A user who has installed refleks, with a roster entry the member lookup can find. */
export function reporter(connector: ConnectorStandIn, n: number, locale = 'nb-NO'): UserSpec {
  const aadObjectId = `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
  connector.members.set(`29:${aadObjectId}`, {
    id: `29:${aadObjectId}`,
    aadObjectId,
    name: REPORTER.name,
    email: REPORTER.email,
    userPrincipalName: REPORTER.email,
  });
  return { aadObjectId, serviceUrl: connector.url, locale, name: REPORTER.name };
}

export const openForm = (user: UserSpec) => messageActivity(user, 'meld fra');
export const submitForm = (user: UserSpec, values: Record<string, unknown>) =>
  submitActivity(user, { action: 'report-submit', ...values });

/** A picture pasted into the chat: Teams sends it as an image attachment with a contentUrl. */
export const inlineImageActivity = (user: UserSpec, contentUrl: string) => ({
  ...messageActivity(user, ''),
  attachments: [{ contentType: 'image/png', contentUrl }],
});

/** A file dropped in a personal chat, as Teams delivers it to a bot with supportsFiles. */
export const fileActivity = (user: UserSpec, name: string, downloadUrl: string) => ({
  ...messageActivity(user, ''),
  attachments: [
    {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name,
      content: { downloadUrl, uniqueId: 'file-1', fileType: name.split('.').pop() },
    },
  ],
});

export function outboxRows(dataDir: string): Record<string, unknown>[] {
  const db = new Database(path.join(dataDir, 'refleks.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM report_outbox ORDER BY reference').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** Texts of the plain messages the bot sent (receipts as cards are not included). */
export const sentTexts = (connector: ConnectorStandIn) =>
  connector.sent.map((s) => s.activity.text).filter((text): text is string => typeof text === 'string');

/** The reference on the n-th receipt card sent. */
export function receiptReference(connector: ConnectorStandIn): string | undefined {
  const text = JSON.stringify(connector.sent.map((s) => s.activity.attachments));
  return /MF-\d{4}-\d{6}/.exec(text)?.[0];
}
