import pino from 'pino';
import { GraphStandIn } from '../../scripts/lib/graph-stand-in';
import { createCardRenderer } from '../../src/cards/render-card';
import { loadConfig } from '../../src/config/load-config';
import { createGraphMailSender } from '../../src/graph/create-graph-mail-sender';
import { CARDS_DIR } from '../../src/project-paths';
import { createReportWorker } from '../../src/reports/report-worker';
import { DRAFT_TTL_MS } from '../../src/reports/report-services';
import { createSqliteStores, type Stores } from '../../src/stores/sqlite/create-sqlite-stores';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createMemberLookup } from '../../src/teams/create-member-lookup';
import { createProactiveSender } from '../../src/teams/create-proactive-sender';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { outboxRows } from '../support/report-fixture';
import { newDataDir } from '../support/test-service';

// Plain http and a credential that works offline: the real Graph client and worker, in this process.
const graph = new GraphStandIn();
const connector = new ConnectorStandIn();
beforeAll(() => Promise.all([graph.start(), connector.start()]));
afterAll(() => Promise.all([graph.stop(), connector.stop()]));
beforeEach(() => graph.reset());

const offlineCredential = {
  getToken: async () => ({ token: 'offline', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const auth = createBotAuthentication(loadConfig({}));

function worker(stores: Stores, leaseMs = 10_000) {
  return createReportWorker({
    outbox: stores.reportOutbox,
    drafts: stores.reportDrafts,
    recipients: stores.recipients,
    itChannels: stores.itChannels,
    proactive: createProactiveSender(auth, '', 2000),
    members: createMemberLookup(auth, '', 2000),
    mail: {
      to: 'it@kommune.example',
      sender: createGraphMailSender({
        credential: offlineCredential,
        baseUrl: graph.url,
        senderMailbox: 'meldfra@kommune.example',
        timeoutMs: 2000,
      }),
    },
    cards: createCardRenderer(CARDS_DIR),
    localRules: {},
    itLanguage: 'nb',
    policy: { firstRetryMs: 50, maxDelayMs: 200, giveUpMs: 60_000 },
    leaseMs,
    intervalMs: 20,
    retentionMs: 86_400_000,
    log: pino({ level: 'silent' }),
  });
}

async function addReports(stores: Stores, count: number): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    await stores.reportOutbox.add(
      {
        kind: 'report',
        category: 'other',
        tenantId: 't',
        aadObjectId: `u${n}`,
        language: 'nb',
        content: {
          description: `n${n}`,
          details: '',
          happenedAt: '2026-03-04 14:30',
          attachments: [],
          missingFiles: [],
        },
      },
      new Date(),
    );
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two workers on one outbox (two instances sharing the database)', () => {
  it('deliver every report exactly once, through outages', async () => {
    const dataDir = newDataDir();
    const [one, two] = [createSqliteStores(dataDir), createSqliteStores(dataDir)];
    await addReports(one, 20);
    graph.failures.push({ status: 503 }, { status: 429, retryAfterSeconds: 0 }, { status: 500 }, { status: 502 });
    const workers = [worker(one), worker(two)];
    workers.forEach((w) => w.start());
    const deadline = Date.now() + 15_000;
    while (graph.mails.length < 20 && Date.now() < deadline) await pause(50);
    await pause(300);
    await Promise.all(workers.map((w) => w.stop()));
    const subjects = graph.mails.map((m) => m.request.message.subject);
    expect(subjects).toHaveLength(20);
    expect(new Set(subjects).size).toBe(20);
    expect(graph.attempts).toBe(24);
    await one.health.close();
    await two.health.close();
  });
});

describe('a slow but working Graph', () => {
  it('never sends a report twice when a batch takes longer than one lease', async () => {
    const dataDir = newDataDir();
    const [one, two] = [createSqliteStores(dataDir), createSqliteStores(dataDir)];
    await addReports(one, 10);
    // Each sendMail takes 200 ms; the lease (1.2 s) covers one attempt with room to spare, as the
    // composition root sizes it, but not a batch of ten tried one after another (2 s).
    graph.answerDelayMs = 200;
    const workers = [worker(one, 1200), worker(two, 1200)];
    workers.forEach((w) => w.start());
    const delivered = () => outboxRows(dataDir).filter((row) => row.status === 'delivered').length;
    const deadline = Date.now() + 15_000;
    while (delivered() < 10 && Date.now() < deadline) await pause(50);
    // Stopping waits for the batches in flight: a worker with a stale claim would send its duplicates now.
    await Promise.all(workers.map((w) => w.stop()));
    const subjects = graph.mails.map((m) => m.request.message.subject);
    expect(new Set(subjects).size).toBe(10);
    expect(subjects).toHaveLength(10);
    await one.health.close();
    await two.health.close();
  });
});

describe('Meld fra forms nobody sent', () => {
  it('are deleted with their files once they can no longer be sent', async () => {
    const stores = createSqliteStores(newDataDir());
    const file = { name: 'skjerm.png', contentType: 'image/png', contentBase64: 'aGVp', bytes: 3 };
    const opened = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000);
    // One form opened a minute ago, one left open three hours ago: only the second has run out (opened
    // last, since opening a form also clears those that ran out, and nobody opens one after it here).
    await stores.reportDrafts.open('t', 'busy', opened(0.02), DRAFT_TTL_MS);
    await stores.reportDrafts.open('t', 'left', opened(3), DRAFT_TTL_MS);
    await stores.reportDrafts.addFile('t', 'left', opened(3), DRAFT_TTL_MS, file, 1000);
    const everOpen = (who: string) => stores.reportDrafts.get('t', who, new Date(), 24 * 3_600_000);
    expect(await everOpen('left')).toBeDefined();
    const w = worker(stores);
    w.start();
    const deadline = Date.now() + 5000;
    while ((await everOpen('left')) && Date.now() < deadline) await pause(20);
    await w.stop();
    expect(await everOpen('left')).toBeUndefined();
    expect(await everOpen('busy')).toBeDefined();
    await stores.health.close();
  });
});
